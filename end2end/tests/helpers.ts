import { expect, Page } from '@playwright/test';

export const PASSWORD = 'ruche-demo';

/**
 * Collects console errors and page errors, so a test can assert that hydration was clean.
 * The browser's own notes on refused requests (a 422 for a form with errors is deliberate) are
 * not script errors and are left out.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/**
 * Waits for the page to hydrate. A fresh browser compiles the debug build's WASM (over 20 MB)
 * first: about 6 s on two busy cores, sometimes over the default 10 s.
 */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 30_000 });
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form[action="/auth/sign-in"] button[type=submit]').click();
}
