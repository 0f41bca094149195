import { expect, Locator, Page, test } from '@playwright/test';
import { signIn, watchConsole } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

const FLEXIBLE = 'flexible@demo.ruche.coop';

async function noSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The first card of a list whose main button may be pressed. */
function firstOpen(cards: Locator): Locator {
  return cards.filter({ has: cards.page().locator('.actions button.primary:not([disabled])') }).first();
}

/** Opens the booking page on week tab `week` (0 is this week). */
async function bookingWeek(page: Page, week: number) {
  await page.goto('/shifts/book');
  await page.locator('.week-tabs .tab').nth(week).click();
  await expect(page.locator('.week-tabs .tab').nth(week)).toHaveAttribute('aria-current', 'page');
}

/** Books the first seat the member may book, from week `from` on; returns its shift's id. */
async function bookFirstSeat(page: Page, from: number): Promise<string> {
  for (let week = from; week < 4; week++) {
    await bookingWeek(page, week);
    const seat = firstOpen(page.getByTestId('open-seat'));
    if ((await seat.count()) === 0) continue;
    const shift = (await seat.getAttribute('data-shift'))!;
    await card(page.getByTestId('open-seat'), shift).getByRole('button', { name: 'Book' }).click();
    await expect(page.getByTestId('notice')).toContainText('Booked! You will find it in your shifts.');
    return shift;
  }
  throw new Error('no seat to book in the next four weeks');
}

/** The card of one shift in a list. */
function card(list: Locator, shift: string): Locator {
  return list.and(list.page().locator(`[data-shift="${shift}"]`));
}

test('a flexible member books a free seat and finds it in "my shifts"', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, FLEXIBLE);
  await expect(page).toHaveURL(/\/$/);
  // The home's status panel and the top bar both lead to the shifts.
  await expect(page.getByTestId('shifts-link')).toBeVisible();
  await page.locator('nav').getByRole('link', { name: 'My shifts' }).click();
  await expect(page).toHaveURL(/\/shifts$/);
  await expect(page.locator('h1')).toHaveText('My shifts');
  await page.getByRole('link', { name: 'Book a shift' }).click();
  await expect(page).toHaveURL(/\/shifts\/book$/);
  await noSideways(page);

  const booked = await bookFirstSeat(page, 0);
  // The booked seat leaves the list of open seats...
  await expect(card(page.getByTestId('open-seat'), booked)).toHaveCount(0);
  // ...and is in "my shifts".
  await page.goto('/shifts');
  await expect(card(page.getByTestId('my-shift'), booked)).toHaveCount(1);
  await noSideways(page);
  expect(errors).toEqual([]);
});

test('a member takes a seat offered for a swap', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, FLEXIBLE);
  await page.goto('/shifts');
  const offer = firstOpen(page.getByTestId('swap-offer'));
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText('Offered by');
  const shift = (await offer.getAttribute('data-shift'))!;
  await offer.getByRole('button', { name: 'Take this shift' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Done: this shift is yours now.');
  await expect(card(page.getByTestId('my-shift'), shift)).toHaveCount(1);
  await expect(card(page.getByTestId('swap-offer'), shift)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a member cancels a shift well ahead and its seat is free again', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, FLEXIBLE);
  // Two weeks ahead or more: past the 48 hours' notice.
  const booked = await bookFirstSeat(page, 2);
  await page.goto('/shifts');
  const mine = card(page.getByTestId('my-shift'), booked);
  const cancel = mine.getByText('Cancel', { exact: true });
  await cancel.click();
  // The consequence is explained before anything happens.
  await expect(mine.getByTestId('confirm').first()).toContainText('Cancelling now is free');
  await cancel.click();
  await expect(mine.getByTestId('confirm').first()).toBeHidden();
  await cancel.click();
  await mine.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Cancelled: the seat is free again and you owe nothing for it.');
  await expect(card(page.getByTestId('my-shift'), booked)).toHaveCount(0);

  // The seat is open again.
  for (let week = 2; week < 4; week++) {
    await bookingWeek(page, week);
    if ((await card(page.getByTestId('open-seat'), booked).count()) > 0) break;
  }
  const freed = card(page.getByTestId('open-seat'), booked);
  await expect(freed).toHaveCount(1);
  await expect(freed.getByRole('button', { name: 'Book' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a member makes a private calendar address and it serves their shifts', async ({ page }) => {
  await signIn(page, FLEXIBLE);
  await page.goto('/shifts');
  const panel = page.getByTestId('calendar');
  await panel.getByRole('button', { name: 'Make my calendar address' }).click();
  const url = await panel.getByTestId('calendar-url').inputValue();
  expect(url).toMatch(/\/calendar\/[0-9a-f]{64}\.ics$/);
  const path = new URL(url).pathname;
  const feed = await page.request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('BEGIN:VEVENT');
  // A new address retires the old one.
  await panel.getByRole('button', { name: 'Make a new address' }).click();
  await expect(panel.getByTestId('calendar-url')).not.toHaveValue(url);
  expect((await page.request.get(path)).status()).toBe(404);
});
