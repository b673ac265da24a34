import { test } from '@playwright/test';
import { logIn, settled } from './helpers';

// Screenshots of the four pages, light and dark, into end2end/screenshots/ (git-ignored).
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme})`, async ({ page, javaScriptEnabled }, info) => {
    const shot = (name: string) => page.screenshot({ path: `screenshots/${info.project.name}-${scheme}-${name}.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/login');
    await settled(page, javaScriptEnabled);
    await shot('login');
    await logIn(page, javaScriptEnabled);
    await page.getByTestId('card-criticality').locator('table').waitFor();
    await shot('overview');
    await page.goto('/assets?field=asset.riskScore&operator=GREATER&value=849');
    await page.getByTestId('asset-row').first().waitFor();
    await shot('assets');
    await page.goto('/assets/22189153');
    await page.getByTestId('asset-name').waitFor();
    await shot('detail');
  });
}
