import { APIRequestContext, Page, expect } from '@playwright/test';

/** Waits until the WASM has hydrated the page, when JavaScript is on. */
export async function settled(page: Page, jsOn: boolean) {
  if (jsOn) {
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  }
}

/** What qdash's pass-through counts for a filter, with this page's session cookie. */
export async function proxyCount(request: APIRequestContext, filters: object[] = [], operation = 'AND'): Promise<number> {
  const r = await request.post('/qualys/rest/2.0/count/am/asset', { data: { filters, operation } });
  expect(r.status()).toBe(200);
  return (await r.json()).count;
}
