import { APIRequestContext, Page, expect } from '@playwright/test';
import { LoginPage } from './pages/login';

export const SIM = 'http://127.0.0.1:3101';

/** Waits until the WASM has hydrated the page's islands, when JavaScript is on; fails if
 *  any island stayed server HTML. */
export async function settled(page: Page, jsOn: boolean) {
  if (jsOn) {
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
    await expect(page.locator('leptos-island:not(:has([data-live="true"]))')).toHaveCount(0);
  }
}

/** What qdash's pass-through counts for a filter, with this page's session cookie. */
export async function proxyCount(request: APIRequestContext, filters: object[] = [], operation = 'AND'): Promise<number> {
  const r = await request.post('/qualys/rest/2.0/count/am/asset', { data: { filters, operation } });
  expect(r.status()).toBe(200);
  return (await r.json()).count;
}

/** Logs in through the form. */
export async function logIn(page: Page, jsOn: boolean, platform = 'DEMO', user = 'demo', password = 'demo') {
  const login = new LoginPage(page);
  await login.open();
  await settled(page, jsOn);
  await login.logIn(platform, user, password);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Switches the separately started simulator (the "Sim" platform) through its control endpoint. */
export async function simConfig(request: APIRequestContext, patch: object) {
  const r = await request.post(`${SIM}/__sim/config`, { data: patch });
  expect(r.status()).toBe(200);
}

/** Data calls (count, get, search) the separately started simulator has answered. */
export async function simDataCalls(request: APIRequestContext): Promise<number> {
  const s = await (await request.get(`${SIM}/__sim/stats`)).json();
  return s.count + s.get + s.search;
}

export async function simReset(request: APIRequestContext) {
  await request.post(`${SIM}/__sim/reset`);
}

/** Leaves the "Sim" platform no calls in its rate window: every data call gets a 429. */
export async function spendSimBudget(request: APIRequestContext) {
  await simReset(request);
  await simConfig(request, { rate_limit: 0 });
}

/** Fails the test if a page ever runs an injected alert(). */
export function forbidDialogs(page: Page) {
  page.on('dialog', async (d) => {
    await d.dismiss();
    throw new Error(`a page ran a dialog: ${d.message()}`);
  });
}

export const crit = (field: string, operator: string, value: string) => ({ field, operator, value });
