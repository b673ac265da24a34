import { expect, Page } from '@playwright/test';

/** The asset list at /assets. */
export class AssetListPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(query ? `/assets?${query}` : '/assets');
  }

  async ids(): Promise<number[]> {
    const rows = this.page.getByTestId('asset-row');
    await expect(rows.first()).toBeVisible();
    return (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-asset-id')))));
  }

  pageOf() {
    return this.page.getByTestId('page-of');
  }

  async next() {
    await this.page.getByTestId('next').click();
  }

  async previous() {
    await this.page.getByTestId('prev').click();
  }

  async openFirst() {
    await this.page.getByTestId('asset-row').first().locator('a').click();
  }
}

/** One asset at /assets/{id}. */
export class AssetDetailPage {
  constructor(private readonly page: Page) {}

  async open(id: number) {
    return this.page.goto(`/assets/${id}`);
  }

  name() {
    return this.page.getByTestId('asset-name');
  }

  section(slug: string) {
    return this.page.getByTestId(`section-${slug}`);
  }

  softwareRows() {
    return this.page.getByTestId('software-row').filter({ visible: true });
  }

  /** Types into the software filter; without JavaScript, submits it as the GET form it is. */
  async filterSoftware(text: string, jsOn: boolean) {
    const box = this.page.getByLabel('Filter software');
    await box.fill(text);
    if (!jsOn) await box.press('Enter');
  }

  async back() {
    await this.page.getByTestId('back').click();
  }
}
