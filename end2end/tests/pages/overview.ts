import { expect, Page } from '@playwright/test';

/** The overview at /. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/${query}`);
  }

  async totalCount(): Promise<number> {
    const total = this.page.getByTestId('total-count');
    await expect(total).toBeVisible();
    return Number((await total.textContent())!.replace(/[^0-9]/g, ''));
  }

  async logOut() {
    await this.page.getByRole('button', { name: 'Log out' }).click();
  }
}
