import { test, expect } from '@playwright/test';
import { LoginPage } from './pages/login';
import { OverviewPage } from './pages/overview';
import { proxyCount, settled } from './helpers';

test.describe('login', () => {
  test('anonymous visit goes to the login page, which shows the demo credentials', async ({ page, javaScriptEnabled }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?next=\/$/);
    const login = new LoginPage(page);
    await login.expectShown();
    await settled(page, javaScriptEnabled);
    await expect(page.getByTestId('demo-credentials')).toContainText('demo');
    await expect(page.getByText('Demo data')).toBeVisible();
  });

  test('logging in through the form shows the user, the platform and the total count', async ({ page, javaScriptEnabled }) => {
    const login = new LoginPage(page);
    await login.open('/');
    await settled(page, javaScriptEnabled);
    await login.logIn('DEMO', 'demo', 'demo');
    await expect(page).toHaveURL(/\/$/);
    await settled(page, javaScriptEnabled);
    const overview = new OverviewPage(page);
    const shown = await overview.totalCount();
    expect(shown).toBe(await proxyCount(page.request));
    expect(shown).toBe(5000);
    await expect(page.getByTestId('user')).toHaveText('demo');
    await expect(page.getByTestId('platform')).toContainText('Demo');
  });

  test('a wrong password comes back with a message and the username kept', async ({ page, javaScriptEnabled }) => {
    const login = new LoginPage(page);
    await login.open();
    await settled(page, javaScriptEnabled);
    await login.logIn('DEMO', 'demo', 'wrong');
    await expect(login.alert()).toContainText('did not accept that username and password');
    await expect(page.getByLabel('Username')).toHaveValue('demo');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  });

  test('the scoped user sees fewer assets; logging out ends the session', async ({ page, javaScriptEnabled }) => {
    const login = new LoginPage(page);
    await login.open();
    await settled(page, javaScriptEnabled);
    await login.logIn('DEMO', 'eu-analyst', 'eu-analyst');
    const overview = new OverviewPage(page);
    const total = await overview.totalCount();
    expect(total).toBeLessThan(5000);
    expect(total).toBe(await proxyCount(page.request));
    await overview.logOut();
    await expect(page.getByRole('status')).toContainText('logged out');
    const r = await page.request.post('/qualys/rest/2.0/count/am/asset', { data: {} });
    expect(r.status()).toBe(401);
  });
});
