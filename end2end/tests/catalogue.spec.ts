import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

// The stock manager's pages are plain HTML forms without the app's script (app::hydrates):
// their flows (products, prices, stock moves, search, import, categories, nomenclature) are
// tested in stock-nojs.spec.ts, as they run for everyone. Here, the admin's tills, which
// hydrate.
test.use({ viewport: { width: 360, height: 740 } });

const stamp = Date.now().toString(36);

test('an admin adds a till', async ({ page }) => {
  await signIn(page, 'admin@demo.ruche.coop');
  await page.goto('/stock');
  await page.getByRole('link', { name: /Tills/ }).click();
  await expect(page).toHaveURL(/\/admin\/tills$/);
  await hydrated(page);
  await page.locator('#field-name').fill(`Till ${stamp}`);
  await page.getByRole('button', { name: 'Add the till' }).click();
  await expect(page.getByTestId('tills')).toContainText(`Till ${stamp}`);
  // The name is cleared for the next till; the same name again is refused.
  await expect(page.locator('#field-name')).toHaveValue('');
  await page.locator('#field-name').fill(`Till ${stamp}`);
  await page.getByRole('button', { name: 'Add the till' }).click();
  await expect(page.locator('.field-error')).toHaveText('Already used by someone else.');
});
