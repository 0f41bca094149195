import { expect, test } from '@playwright/test';
import { signIn, watchConsole } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test('a member signs in on a phone and sees their card', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=\//);
  await signIn(page, 'member@demo.ruche.coop');
  await expect(page).toHaveURL(/\/$/);
  const card = page.getByTestId('member-card');
  await expect(card).toBeVisible();
  await expect(card.locator('svg rect').first()).toBeVisible();
  const code = await card.locator('figure.barcode').getAttribute('data-code');
  expect(code).toMatch(/^042\d{10}$/);
  await expect(card).toContainText(/\d+/);
  // The shift status, with the balance and what to do, is on the same page.
  const status = page.getByTestId('shift-status');
  await expect(status).toBeVisible();
  await expect(status.getByTestId('balance')).toHaveText(/^-?\d+$/);
  await expect(status.locator('.advice')).not.toBeEmpty();
  // The card fits the phone: no horizontal scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, 'member@demo.ruche.coop', 'not the password');
  await expect(page).toHaveURL(/\/sign-in\?error=bad_credentials/);
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.locator('#email')).toHaveValue('member@demo.ruche.coop');
});

test('a member may not open the register', async ({ page }) => {
  await signIn(page, 'member@demo.ruche.coop');
  await expect(page).toHaveURL(/\/$/);
  const response = await page.goto('/admin/members');
  expect(response?.status()).toBe(403);
});

test('signing in works with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'member@demo.ruche.coop');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('member-card').locator('svg')).toBeVisible();
  await page.locator('form[action="/auth/sign-out"] button').click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out/);
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await context.close();
});

test('the language switcher changes the language and remembers it', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('h1')).toHaveText('Sign in');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('h1')).toHaveText('Aanmelden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Aanmelden');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('h1')).toHaveText('Connexion');
});
