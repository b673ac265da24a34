import { expect, Locator, Page } from '@playwright/test';

/** The overview at /: total, breakdown cards, filter builder. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(query ? `/?${query}` : '/');
  }

  async totalCount(): Promise<number> {
    const total = this.page.getByTestId('total-count');
    await expect(total).toBeVisible();
    return Number((await total.textContent())!.replace(/[^0-9]/g, ''));
  }

  card(name: 'risk' | 'tracking' | 'criticality'): Locator {
    return this.page.getByTestId(`card-${name}`);
  }

  /** Every row of a card: bucket key → count. */
  async bucketCounts(name: 'risk' | 'tracking' | 'criticality'): Promise<Record<string, number>> {
    const card = this.card(name);
    await expect(card.locator('table')).toBeVisible();
    const rows = card.locator('tbody tr');
    const out: Record<string, number> = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const key = (await rows.nth(i).getAttribute('data-testid'))!.replace('bucket-', '');
      out[key] = Number(await rows.nth(i).getByTestId('count').textContent());
    }
    return out;
  }

  /** A card's "this card: N calls …" line. */
  cost(name: 'risk' | 'tracking' | 'criticality'): Locator {
    return this.card(name).getByTestId('cost');
  }

  async refresh(name: 'risk' | 'tracking' | 'criticality') {
    await this.card(name).getByRole('button', { name: /^Refresh/ }).click();
  }

  async logOut() {
    await this.page.getByRole('button', { name: 'Log out' }).click();
  }

  /** Sets the first filter row and applies it. */
  async filterBy(field: string, operator: string, value: string) {
    const row = this.page.getByTestId('filter-row').first();
    await row.locator('select[name=field]').selectOption(field);
    await row.locator('select[name=operator]').selectOption(operator);
    await row.locator('[name=value]').fill(value);
    await this.page.getByRole('button', { name: 'Apply filter' }).click();
  }
}
