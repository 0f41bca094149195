import { Browser, expect, Page, test } from '@playwright/test';
import { hydrated, signIn, watchConsole } from './helpers';

const phone = { viewport: { width: 360, height: 740 }, locale: 'en-GB' };

/** A date `days` from today in the coop's calendar (the server's "today" is UTC+1). */
function isoDay(days: number): string {
  return new Date(Date.now() + 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/** A new phone, signed in as `email`, reading English. */
async function phoneFor(browser: Browser, email: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return { page, errors };
}

async function openYesterdaysSheet(page: Page) {
  await page.goto('/sheets');
  await hydrated(page);
  // The demo member's shift: yesterday morning, led by the demo shift leader.
  await page.locator(`[data-testid=sheet-link][data-date="${isoDay(-1)}"]`).filter({ hasText: '09:00' }).click();
  await expect(page).toHaveURL(/\/sheets\/[0-9a-f-]{36}$/);
  await hydrated(page);
}

test('a shift leader validates yesterday\'s sheet once, and the absent member sees why', async ({ browser }) => {
  const leader = await phoneFor(browser, 'shift-leader@demo.ruche.coop');
  const a = leader.page;
  await openYesterdaysSheet(a);
  const lines = a.getByTestId('sheet-line');
  await expect(lines.first()).toBeVisible();
  const absentee = lines.filter({ hasText: 'Mira Membre' });
  await expect(absentee).toHaveCount(1);

  // Large touch targets: each mark button is at least 48 px high, and nothing scrolls sideways.
  const box = await absentee.getByRole('button', { name: 'Absent' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  const overflow = await a.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Validation waits until every line is marked.
  const validateButton = a.getByRole('button', { name: 'Validate the sheet' });
  await expect(validateButton).toBeDisabled();
  await absentee.getByRole('button', { name: 'Absent' }).click();
  await expect(absentee).toHaveAttribute('data-mark', 'absent');
  const count = await lines.count();
  for (let n = 0; n < count; n++) {
    const line = lines.nth(n);
    if ((await line.textContent())?.includes('Mira Membre')) continue;
    await line.getByRole('button', { name: 'Present' }).click();
    await expect(line).toHaveAttribute('data-mark', 'attended');
  }
  await expect(absentee).toHaveAttribute('data-mark', 'absent');

  // A second phone opens the same sheet before it is validated.
  const second = await phoneFor(browser, 'shift-leader@demo.ruche.coop');
  const b = second.page;
  await openYesterdaysSheet(b);
  await expect(b.getByRole('button', { name: 'Validate the sheet' })).toBeEnabled();

  // The first phone validates, after confirming.
  await validateButton.click();
  await a.getByRole('button', { name: 'Yes, validate' }).click();
  await expect(a.getByTestId('sheet-validated')).toContainText('Validated by Saskia Shiftleader on');
  await expect(a.getByRole('button', { name: 'Validate the sheet' })).toHaveCount(0);
  await expect(absentee.getByRole('button', { name: 'Present' })).toBeDisabled();
  await expect(a.getByLabel('Scan a card, or type a name or number')).toHaveCount(0);

  // The second phone's validation is refused, and it then shows the validated sheet.
  await b.getByRole('button', { name: 'Validate the sheet' }).click();
  await b.getByRole('button', { name: 'Yes, validate' }).click();
  await expect(b.getByTestId('sheet-error')).toHaveText('This attendance sheet is already validated.');
  await expect(b.getByTestId('sheet-validated')).toContainText('Validated by Saskia Shiftleader');
  await expect(b.getByRole('button', { name: 'Validate the sheet' })).toHaveCount(0);

  // The list shows the sheet as validated.
  await a.goto('/sheets');
  const link = a.locator(`[data-testid=sheet-link][data-date="${isoDay(-1)}"]`).filter({ hasText: '09:00' });
  await expect(link).toContainText('Validated');

  // The absent member sees -2, the shift missed behind it, and the date to catch up by.
  const member = await phoneFor(browser, 'member@demo.ruche.coop');
  const m = member.page;
  const status = m.getByTestId('shift-status');
  await expect(status.getByTestId('balance')).toHaveText('-2');
  await expect(status.locator('.ledger li').first()).toContainText(isoDay(-1));
  await expect(status.locator('.ledger li').first()).toContainText('Shift missed');
  await expect(status.locator('.ledger li').first()).toContainText('-2');
  await expect(status.locator('.advice')).toHaveText(
    `Book 2 make-up shifts before ${isoDay(27)} to avoid suspension.`,
  );
  expect([...leader.errors, ...second.errors, ...member.errors]).toEqual([]);
});

test('a member may not open the attendance sheets', async ({ browser }) => {
  const { page } = await phoneFor(browser, 'member@demo.ruche.coop');
  const response = await page.goto('/sheets');
  expect(response?.status()).toBe(403);
});
