import { expect, test } from '@playwright/test';
import { hydrated, signIn, watchConsole } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

const stamp = Date.now().toString(36);

/** The Sunday five weeks from now, as YYYY-MM-DD (the coop's dates run about UTC+1). */
function sundayInFiveWeeks(): string {
  const now = new Date(Date.now() + 3600_000);
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  monday.setUTCDate(monday.getUTCDate() + 5 * 7 + 6);
  return monday.toISOString().slice(0, 10);
}

test('a coordinator plans a template, generates its shifts, sees them short-staffed, then closes the day', async ({ page }) => {
  const errors = watchConsole(page);
  const day = sundayInFiveWeeks();
  const task = `Inventory count ${stamp}`;
  await signIn(page, 'coordinator@demo.ruche.coop');

  // The week letter of that Sunday, as the planning names it.
  await page.goto(`/coordinator/planning?week=${day}&weeks=1`);
  await expect(page.locator('h1')).toHaveText('Planning');
  const letter = (await page.getByTestId('week-letter').first().textContent())!.trim();
  expect(letter).toMatch(/^[A-D]$/);

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page).toHaveURL(/\/coordinator\/templates$/);
  await hydrated(page);
  await page.locator('#field-task_type_name').fill(task);
  await page.getByRole('button', { name: 'Add the task type' }).click();
  await expect(page.getByTestId('task-types')).toContainText(task);

  const form = page.getByTestId('new-template');
  await form.locator('#field-week').selectOption(letter);
  await form.locator('#field-weekday').selectOption({ label: 'Sunday' });
  await form.locator('#field-start').fill('06:15');
  await form.locator('#field-end').fill('08:45');
  await form.locator('#field-task_type_id').selectOption({ label: task });
  await form.locator('#field-seats').fill('0');
  await form.getByRole('button', { name: 'Add the template' }).click();
  await expect(form.locator('.field-error')).toHaveText('Must be more than zero.');
  await form.locator('#field-seats').fill('5');
  await form.getByRole('button', { name: 'Add the template' }).click();
  const card = page.getByTestId('template').filter({ hasText: task });
  await expect(card).toHaveCount(1);
  await expect(card.locator('h3')).toHaveText(`Week ${letter} · Sunday 06:15 – 08:45`);
  await expect(card).toContainText('0 of 5 seats held');

  // Generating creates shifts once; a second click creates none.
  await page.getByRole('button', { name: 'Generate the shifts' }).click();
  await expect(page.getByTestId('generate-result')).toHaveText(/^([1-9]\d*) new shifts? generated\.$/);
  await page.getByRole('button', { name: 'Generate the shifts' }).click();
  await expect(page.getByTestId('generate-result')).toHaveText('No new shift: the planning was already generated.');

  // The planning shows the new shift on that Sunday, nobody booked, under half staffed.
  await page.goto(`/coordinator/planning?week=${day}&weeks=1`);
  await hydrated(page);
  const shift = page.locator(`.day[data-date="${day}"]`).getByTestId('shift-card').filter({ hasText: task });
  await expect(shift).toHaveCount(1);
  await expect(shift.locator('.time')).toHaveText('06:15–08:45');
  await expect(shift.getByTestId('booked')).toHaveText('0/5');
  await expect(shift).toHaveAttribute('data-staffing', 'critical');
  await expect(shift).toHaveClass(/critical/);
  await expect(shift).toContainText('Under half staffed');
  await expect(shift).toHaveAttribute('href', /^\/sheets\/[0-9a-f-]{36}$/);
  // The four-week view holds it too.
  await page.getByRole('link', { name: '4 weeks' }).click();
  await expect(page).toHaveURL(/weeks=4/);
  await expect(page.locator('.planning-week')).toHaveCount(4);
  await expect(page.getByTestId('shift-card').filter({ hasText: task })).toHaveCount(1);

  // Closing the coop that Sunday cancels its shifts.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Closures' }).click();
  await hydrated(page);
  await page.locator('#field-closure_date').fill(day);
  await page.getByRole('button', { name: 'Close the coop on this day' }).click();
  await expect(page.locator('.field-error')).toHaveText('Required.');
  await page.locator('#field-closure_note').fill(`Stocktaking ${stamp}`);
  await page.getByRole('button', { name: 'Close the coop on this day' }).click();
  await expect(page.getByTestId('closure-result')).toContainText(/Closure day saved; \d+ shifts? cancelled\./);
  await expect(page.getByTestId('closures')).toContainText(`Stocktaking ${stamp}`);
  await page.getByTestId('closure-result').getByRole('link', { name: 'See the planning' }).click();
  await expect(page).toHaveURL(new RegExp(`week=${day}`));
  const closed = page.locator(`.day[data-date="${day}"]`).getByTestId('shift-card').filter({ hasText: task });
  await expect(closed).toHaveAttribute('data-staffing', 'cancelled');
  await expect(closed).toContainText('Cancelled');
  await expect(closed).toContainText(`Stocktaking ${stamp}`);
  expect(errors).toEqual([]);
});
