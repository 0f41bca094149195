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

// The demo coordinator reads the app in French, the coop's default language.
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

  // The coordinator's pages are grouped in the menu.
  await hydrated(page);
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByText('Coordination').click();
  await menu.getByRole('link', { name: 'Créneaux types' }).click();
  await expect(page).toHaveURL(/\/coordinator\/templates$/);
  await hydrated(page);
  await page.locator('#field-task_type_name').fill(task);
  await page.getByRole('button', { name: 'Ajouter la tâche' }).click();
  await expect(page.getByTestId('task-types')).toContainText(task);

  const form = page.getByTestId('new-template');
  await form.locator('#field-week').selectOption(letter);
  await form.locator('#field-weekday').selectOption({ label: 'Dimanche' });
  await form.locator('#field-start').fill('06:15');
  await form.locator('#field-end').fill('08:45');
  await form.locator('#field-task_type_id').selectOption({ label: task });
  await form.locator('#field-seats').fill('0');
  await form.getByRole('button', { name: 'Ajouter le créneau' }).click();
  await expect(form.locator('.field-error')).toHaveText('Doit être supérieur à zéro.');
  await form.locator('#field-seats').fill('5');
  await form.getByRole('button', { name: 'Ajouter le créneau' }).click();
  const card = page.getByTestId('template').filter({ hasText: task });
  await expect(card).toHaveCount(1);
  await expect(card.locator('h3')).toHaveText(`Semaine ${letter} · Dimanche 06:15 – 08:45`);
  await expect(card).toContainText('0 place(s) attribuée(s) sur 5');

  // Generating creates shifts once; a second click creates none.
  await page.getByRole('button', { name: 'Générer les services' }).click();
  await expect(page.getByTestId('generate-result')).toHaveText(/^(1 nouveau service généré|[1-9]\d* nouveaux services générés)\.$/);
  await page.getByRole('button', { name: 'Générer les services' }).click();
  await expect(page.getByTestId('generate-result')).toHaveText('Aucun nouveau service : le planning était déjà généré.');

  // The planning shows the new shift on that Sunday, nobody booked, under half staffed.
  await page.goto(`/coordinator/planning?week=${day}&weeks=1`);
  await hydrated(page);
  const shift = page.locator(`.day[data-date="${day}"]`).getByTestId('shift-card').filter({ hasText: task });
  await expect(shift).toHaveCount(1);
  await expect(shift.locator('.time')).toHaveText('06:15–08:45');
  await expect(shift.getByTestId('booked')).toHaveText('0/5');
  await expect(shift).toHaveAttribute('data-staffing', 'critical');
  await expect(shift).toHaveClass(/critical/);
  await expect(shift).toContainText('Moins de la moitié');
  await expect(shift).toHaveAttribute('href', /^\/sheets\/[0-9a-f-]{36}$/);
  // The four-week view holds it too.
  await page.getByRole('link', { name: '4 semaines' }).click();
  await expect(page).toHaveURL(/weeks=4/);
  await expect(page.locator('.planning-week')).toHaveCount(4);
  await expect(page.getByTestId('shift-card').filter({ hasText: task })).toHaveCount(1);

  // Closing the coop that Sunday cancels its shifts.
  await menu.getByText('Coordination').click();
  await menu.getByRole('link', { name: 'Fermetures' }).click();
  await hydrated(page);
  await page.locator('#field-closure_date').fill(day);
  await page.getByRole('button', { name: 'Fermer la coopérative ce jour-là' }).click();
  await expect(page.locator('.field-error')).toHaveText('Obligatoire.');
  await page.locator('#field-closure_note').fill(`Stocktaking ${stamp}`);
  await page.getByRole('button', { name: 'Fermer la coopérative ce jour-là' }).click();
  await expect(page.getByTestId('closure-result')).toContainText(/Jour de fermeture enregistré ; (1 service annulé|\d+ services annulés)\./);
  await expect(page.getByTestId('closures')).toContainText(`Stocktaking ${stamp}`);
  await page.getByTestId('closure-result').getByRole('link', { name: 'Voir le planning' }).click();
  await expect(page).toHaveURL(new RegExp(`week=${day}`));
  const closed = page.locator(`.day[data-date="${day}"]`).getByTestId('shift-card').filter({ hasText: task });
  await expect(closed).toHaveAttribute('data-staffing', 'cancelled');
  await expect(closed).toContainText('Annulé');
  await expect(closed).toContainText(`Stocktaking ${stamp}`);
  expect(errors).toEqual([]);
});

test('a coordinator changes a template and removes its leader; the menu fits on one line', async ({ page }) => {
  const errors = watchConsole(page);
  const task = `Facing ${stamp}`;
  await signIn(page, 'coordinator@demo.ruche.coop');
  await page.goto('/coordinator/templates');
  await hydrated(page);
  // The whole menu holds on one line of a desktop.
  expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThan(80);

  await page.locator('#field-task_type_name').fill(task);
  await page.getByRole('button', { name: 'Ajouter la tâche' }).click();
  await expect(page.getByTestId('task-types')).toContainText(task);
  const form = page.getByTestId('new-template');
  await form.locator('#field-week').selectOption('A');
  await form.locator('#field-weekday').selectOption({ label: 'Samedi' });
  await form.locator('#field-start').fill('18:00');
  await form.locator('#field-end').fill('20:00');
  await form.locator('#field-task_type_id').selectOption({ label: task });
  await form.locator('#field-seats').fill('2');
  await form.getByRole('button', { name: 'Ajouter le créneau' }).click();
  const card = page.getByTestId('template').filter({ hasText: task });
  await expect(card).toHaveCount(1);

  // A leader added, then removed.
  const leaders = card.locator('.people').nth(1).locator('li');
  await card.getByLabel('Numéro ou nom du responsable').fill('shift-leader@demo.ruche.coop');
  await card.getByRole('button', { name: 'Ajouter un responsable' }).click();
  await expect(leaders).toHaveCount(1);
  await leaders.first().getByRole('button', { name: 'Retirer' }).click();
  await expect(leaders).toHaveCount(0);

  // Changed: refused without seats, then later and with one more seat.
  await card.getByRole('button', { name: 'Modifier ce créneau type' }).click();
  const edit = card.getByTestId('edit-template');
  await expect(edit.locator('[name=start]')).toHaveValue('18:00');
  await edit.locator('[name=seats]').fill('0');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit.locator('.field-error')).toHaveText('Doit être supérieur à zéro.');
  await edit.locator('[name=start]').fill('19:00');
  await edit.locator('[name=end]').fill('21:30');
  await edit.locator('[name=seats]').fill('3');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  const changed = page.getByTestId('template').filter({ hasText: task });
  await expect(changed.locator('h3')).toHaveText('Semaine A · Samedi 19:00 – 21:30');
  await expect(changed).toContainText('0 place(s) attribuée(s) sur 3');

  // On a phone the menu folds into one button, and opens with its groups.
  await page.setViewportSize({ width: 360, height: 740 });
  expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThan(80);
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(menu).toBeHidden();
  await page.getByText('Menu', { exact: true }).click();
  await menu.getByText('Coordination').click();
  await menu.getByRole('link', { name: 'Statuts' }).click();
  await expect(page).toHaveURL(/\/coordinator\/statuses$/);
  await expect(menu).toBeHidden();
  expect(errors).toEqual([]);
});
