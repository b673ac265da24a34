import { test, expect } from '@playwright/test';
import { OverviewPage } from './pages/overview';
import { AssetListPage } from './pages/assets';
import { crit, logIn, proxyCount, settled } from './helpers';

const BANDS: Record<string, object[]> = {
  severe: [crit('asset.riskScore', 'GREATER', '849')],
  high: [crit('asset.riskScore', 'GREATER', '699'), crit('asset.riskScore', 'LESSER', '850')],
  medium: [crit('asset.riskScore', 'GREATER', '499'), crit('asset.riskScore', 'LESSER', '700')],
  low: [crit('asset.riskScore', 'LESSER', '500')],
};

test.describe('overview', () => {
  test.beforeEach(async ({ page, javaScriptEnabled }) => {
    await logIn(page, javaScriptEnabled);
  });

  test('card counts equal the pass-through counts for the same filter', async ({ page, javaScriptEnabled }) => {
    const windows = crit('operatingSystem.category1', 'EQUALS', 'Windows');
    const overview = new OverviewPage(page);
    await overview.open('field=operatingSystem.category1&operator=EQUALS&value=Windows');
    await settled(page, javaScriptEnabled);
    const total = await overview.totalCount();
    expect(total).toBe(await proxyCount(page.request, [windows]));
    const risk = await overview.bucketCounts('risk');
    let scored = 0;
    for (const [band, criteria] of Object.entries(BANDS)) {
      expect(risk[band], band).toBe(await proxyCount(page.request, [windows, ...criteria]));
      scored += risk[band];
    }
    expect(risk['none']).toBe(total - scored);
    const tracking = await overview.bucketCounts('tracking');
    for (const method of ['QAGENT', 'IP', 'PASSIVE_SENSOR', 'EASM']) {
      expect(tracking[method], method).toBe(await proxyCount(page.request, [windows, crit('asset.trackingMethod', 'EQUALS', method)]));
    }
    const sum = Object.values(tracking).reduce((a, b) => a + b, 0);
    expect(sum).toBe(total);
    const criticality = await overview.bucketCounts('criticality');
    expect(criticality['5']).toBe(await proxyCount(page.request, [windows, crit('asset.criticalityScore', 'EQUALS', '5')]));
  });

  test('an OR filter is broken down correctly', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open('field=asset.trackingMethod&operator=EQUALS&value=IP&field=asset.trackingMethod&operator=EQUALS&value=EASM&op=OR');
    const ip = crit('asset.trackingMethod', 'EQUALS', 'IP');
    const easm = crit('asset.trackingMethod', 'EQUALS', 'EASM');
    expect(await overview.totalCount()).toBe(await proxyCount(page.request, [ip, easm], 'OR'));
    const tracking = await overview.bucketCounts('tracking');
    expect(tracking['IP']).toBe(await proxyCount(page.request, [ip]));
    expect(tracking['EASM']).toBe(await proxyCount(page.request, [easm]));
    expect(tracking['QAGENT']).toBe(0);
    await expect(overview.card('tracking').getByTestId('cost')).toContainText(/crawl|cache/);
  });

  test('a bucket row links to the asset list filtered to it', async ({ page, javaScriptEnabled }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await settled(page, javaScriptEnabled);
    const severe = (await overview.bucketCounts('risk'))['severe'];
    await overview.card('risk').getByRole('link', { name: /Severe/ }).click();
    await expect(page).toHaveURL(/\/assets\?field=asset.riskScore&operator=GREATER&value=849/);
    await expect(page.getByText(`${severe} assets match`)).toBeVisible();
  });

  test('the Not scored row lists exactly the unscored assets', async ({ page, javaScriptEnabled }) => {
    const overview = new OverviewPage(page);
    await overview.open('field=asset.trackingMethod&operator=EQUALS&value=IP');
    await settled(page, javaScriptEnabled);
    const none = (await overview.bucketCounts('risk'))['none'];
    await overview.card('risk').getByRole('link', { name: /Not scored/ }).click();
    await expect(page.getByTestId('remainder-note')).toBeVisible();
    await expect(page.getByText(`${none} assets match`)).toBeVisible();
    const pills = page.getByTestId('asset-row').locator('.band-pill');
    expect(await pills.count()).toBe(Math.min(none, 50));
    for (const text of await pills.allTextContents()) expect(text).toBe('Not scored');
  });

  test('the Other tracking row links to its (empty) list', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    expect((await overview.bucketCounts('tracking'))['other']).toBe(0);
    await overview.card('tracking').getByRole('link', { name: 'Other' }).click();
    await expect(page.getByTestId('remainder-note')).toContainText('outside the known list');
    await expect(page.getByTestId('empty')).toContainText('No assets match');
  });

  test('a bad value is refused next to its field and nothing is counted', async ({ page, javaScriptEnabled }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await settled(page, javaScriptEnabled);
    await overview.filterBy('asset.riskScore', 'GREATER', '5000');
    await expect(page.getByTestId('filter-row').first().locator('.field-error')).toContainText('whole number from 0 to 1000');
    await expect(page.getByLabel('Value').first()).toHaveValue('5000');
    // With JavaScript the builder's island refuses it before any request; without, the server does.
    if (javaScriptEnabled) expect(page.url()).not.toContain('5000');
    else expect(page.url()).toContain('value=5000');
  });

  test('a preset scopes the cards', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await page.getByRole('link', { name: 'Passive-sensor assets' }).click();
    const total = await overview.totalCount();
    expect(total).toBe(await proxyCount(page.request, [crit('asset.trackingMethod', 'EQUALS', 'PASSIVE_SENSOR')]));
    const tracking = await overview.bucketCounts('tracking');
    expect(tracking['PASSIVE_SENSOR']).toBe(total);
  });
});
