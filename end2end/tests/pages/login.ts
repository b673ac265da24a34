import { expect, Page } from '@playwright/test';

/** The login form at /login. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  }

  async logIn(platform: string, username: string, password: string) {
    await this.page.getByLabel('Platform').selectOption(platform);
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  async logInWithToken(platform: string, token: string) {
    await this.page.getByLabel('Platform').selectOption(platform);
    await this.page.getByText('Single sign-on?').click();
    await this.page.getByLabel('Token').fill(token);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: 'Log in to Qualys' })).toBeVisible();
  }
}
