import { test, expect } from '@playwright/test';
import { AssetDetailPage, AssetListPage } from './pages/assets';
import { OverviewPage } from './pages/overview';
import { crit, forbidDialogs, logIn, proxyCount, settled, simConfig, simDataCalls, simReset, spendSimBudget } from './helpers';

test.describe('asset list and detail', () => {
  test.beforeEach(async ({ page, javaScriptEnabled }) => {
    forbidDialogs(page);
    await logIn(page, javaScriptEnabled);
  });

  test('paging forward through a filtered set and back visits the same assets', async ({ page, javaScriptEnabled }) => {
    const list = new AssetListPage(page);
    await list.open('field=asset.riskScore&operator=GREATER&value=699&size=25');
    await settled(page, javaScriptEnabled);
    const total = await proxyCount(page.request, [crit('asset.riskScore', 'GREATER', '699')]);
    await expect(list.pageOf()).toHaveText(`Page 1 of about ${Math.ceil(total / 25)}`);
    const p1 = await list.ids();
    await list.next();
    await expect(list.pageOf()).toContainText('Page 2');
    const p2 = await list.ids();
    await list.next();
    await expect(list.pageOf()).toContainText('Page 3');
    const p3 = await list.ids();
    expect(p1.length).toBe(25);
    const all = [...p1, ...p2, ...p3];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((a, b) => a - b)).toEqual(all);
    await list.previous();
    await expect(list.pageOf()).toContainText('Page 2');
    expect(await list.ids()).toEqual(p2);
    await page.reload();
    expect(await list.ids()).toEqual(p2);
    await list.previous();
    expect(await list.ids()).toEqual(p1);
  });

  test('a hostile asset name renders as text', async ({ page }) => {
    const list = new AssetListPage(page);
    await list.open('field=asset.name&operator=CONTAINS&value=%3Cscript%3E');
    const row = page.getByTestId('asset-row').first();
    await expect(row).toContainText('<script>alert("qdash-3")</script>');
    await list.openFirst();
    await expect(new AssetDetailPage(page).name()).toHaveText('<script>alert("qdash-3")</script>');
    expect(await page.locator('script:not([src]):not([nonce])').count()).toBe(0);
  });

  test('no match shows the empty state', async ({ page }) => {
    const list = new AssetListPage(page);
    await list.open('field=asset.name&operator=CONTAINS&value=no-such-asset-anywhere');
    await expect(page.getByTestId('empty')).toContainText('No assets match');
  });

  test("a passive-sensor asset's detail page shows its passive-sensor section", async ({ page }) => {
    const list = new AssetListPage(page);
    await list.open('field=asset.trackingMethod&operator=EQUALS&value=PASSIVE_SENSOR');
    const listUrl = page.url();
    await list.openFirst();
    const detail = new AssetDetailPage(page);
    await expect(detail.section('passive')).toContainText('firstSeen');
    await expect(detail.section('inventory')).toContainText('Passive sensor');
    await detail.back();
    expect(page.url()).toBe(listUrl);
    await detail.open(22189153);
    await expect(detail.section('passive')).toContainText('Virtual_sensor');
    await expect(detail.section('os')).toContainText('past its end of life');
  });

  test('the software list narrows to what the filter names', async ({ page, javaScriptEnabled }) => {
    const list = new AssetListPage(page);
    await list.open();
    await list.openFirst();
    await settled(page, javaScriptEnabled);
    const detail = new AssetDetailPage(page);
    const all = await detail.softwareRows().count();
    expect(all).toBeGreaterThan(1);
    // Name and publisher of every row, to know what the filter must leave.
    const rows = await detail.softwareRows().evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.toLowerCase()).join(' ')));
    const word = rows[0].split(/\s+/)[0];
    const expected = rows.filter((r) => r.includes(word));
    await detail.filterSoftware(word.toUpperCase(), javaScriptEnabled);
    await expect(detail.softwareRows()).toHaveCount(expected.length);
    await expect(page.getByTestId('software-shown')).toContainText(`${expected.length} of ${all} shown`);
    await expect(page.getByLabel('Filter software')).toHaveValue(word.toUpperCase());
    await detail.filterSoftware('no-such-package-anywhere', javaScriptEnabled);
    await expect(detail.softwareRows()).toHaveCount(0);
  });

  test('an unknown asset id is a 404 page', async ({ page }) => {
    const detail = new AssetDetailPage(page);
    const r = await detail.open(1);
    expect(r!.status()).toBe(404);
    await expect(page.getByRole('alert')).toContainText('Not found');
  });
});

// These switch the separately started simulator's limits, so each one puts them back after.
test.describe('rate limits and card refresh', () => {
  test.afterEach(async ({ request }) => {
    await simConfig(request, { rate_limit: 100000 });
    await simReset(request);
  });

  test('a rate-limited Qualys yields the wait-time message', async ({ page, javaScriptEnabled, request }) => {
    await logIn(page, javaScriptEnabled, 'Sim');
    await spendSimBudget(request);
    const overview = new OverviewPage(page);
    await overview.open('field=asset.name&operator=CONTAINS&value=rate-limit-probe');
    await expect(page.getByTestId('wait').first()).toContainText(/Qualys asks to wait (1 h|\d+ min)/);
  });

  test('Refresh asks Qualys again for that card only and keeps the filter', async ({ page, javaScriptEnabled, request }) => {
    await logIn(page, javaScriptEnabled, 'Sim');
    const overview = new OverviewPage(page);
    const query = 'field=asset.criticalityScore&operator=EQUALS&value=4';
    await overview.open(query);
    await settled(page, javaScriptEnabled);
    const before = await overview.bucketCounts('tracking');
    await overview.open(query);
    await expect(overview.cost('tracking')).toContainText('0 calls (from cache)');
    const calls = await simDataCalls(request);
    await overview.refresh('tracking');
    await expect(page).toHaveURL(new RegExp(`/\\?${query.replace(/\./g, '\\.')}$`));
    expect(await overview.bucketCounts('tracking')).toEqual(before);
    expect(await simDataCalls(request)).toBeGreaterThan(calls);
    // The page after the refresh reads what the refresh fetched; no other card asked again.
    for (const card of ['risk', 'tracking', 'criticality'] as const) {
      await expect(overview.cost(card)).toContainText('0 calls (from cache)');
    }
  });

  test('a refused refresh keeps the cached figures and says so', async ({ page, javaScriptEnabled, request }) => {
    await logIn(page, javaScriptEnabled, 'Sim');
    const overview = new OverviewPage(page);
    const query = 'field=asset.criticalityScore&operator=EQUALS&value=1';
    await overview.open(query);
    await settled(page, javaScriptEnabled);
    const before = await overview.bucketCounts('risk');
    await spendSimBudget(request);
    await overview.refresh('risk');
    await expect(overview.card('risk').getByTestId('stale')).toContainText('Could not refresh');
    expect(await overview.bucketCounts('risk')).toEqual(before);
    await expect(overview.card('tracking').getByTestId('stale')).toHaveCount(0);
  });
});
