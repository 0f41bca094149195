import { expect, Page, test } from '@playwright/test';
import { hydrated, signIn, watchConsole } from './helpers';

// The coordinator's desk: shift rules, the status list and a member's shift record; and the
// member's own requests on a phone. Each person reads their own language: the demo
// coordinator French, the demo member Dutch.

async function save(page: Page) {
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
}

test.describe('coordinator, desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a coordinator changes the alert period; a wrong value is refused and nothing saved', async ({ page }) => {
    const errors = watchConsole(page);
    await signIn(page, 'coordinator@demo.ruche.coop');
    await page.goto('/coordinator/rules');
    await hydrated(page);
    const alertDays = page.locator('#field-alert_days');
    await expect(alertDays).toHaveValue('28');
    await alertDays.fill('21');
    await save(page);
    await expect(page.getByRole('status')).toHaveText('Les règles sont enregistrées.');
    await page.reload();
    await hydrated(page);
    await expect(alertDays).toHaveValue('21');

    // Two wrong values: each says why under its field; nothing is saved.
    await alertDays.fill('-5');
    await page.locator('#field-time_zone').fill('Europe/Bruxelles');
    await page.locator('#field-extension_days').fill('35');
    await save(page);
    await expect(page.locator('.field.invalid')).toHaveCount(2);
    await expect(page.locator('.field.invalid:has(#field-alert_days) .field-error')).toHaveText('Doit être supérieur à zéro.');
    await expect(page.locator('.field.invalid:has(#field-time_zone) .field-error')).toHaveText(
      'Fuseau horaire inconnu (par exemple Europe/Brussels).',
    );
    await page.reload();
    await hydrated(page);
    await expect(alertDays).toHaveValue('21');
    await expect(page.locator('#field-extension_days')).toHaveValue('28');

    // Back to the common practice for the other tests.
    await alertDays.fill('28');
    await save(page);
    await expect(page.getByRole('status')).toHaveText('Les règles sont enregistrées.');
    expect(errors).toEqual([]);
  });

  test('a correction needs a note; with one the balance changes and the member shows in alert', async ({ page }) => {
    const errors = watchConsole(page);
    await signIn(page, 'coordinator@demo.ruche.coop');
    await page.goto('/coordinator/statuses?filter=up_to_date');
    // The link is followed once the list has hydrated, not while it is hydrating.
    await hydrated(page);
    const first = page.getByTestId('status-list').locator('tbody tr').first();
    const name = (await first.locator('td a').textContent())!.trim();
    await first.locator('td a').click();
    await expect(page).toHaveURL(/\/coordinator\/members\/[0-9a-f-]{36}\/shifts$/);
    const id = page.url().split('/').at(-2)!;
    await hydrated(page);
    const status = page.getByTestId('member-status');
    await expect(status.locator('h1')).toHaveText(name);
    await expect(status.getByTestId('status')).toHaveText('À jour');
    const before = Number(await status.getByTestId('balance').textContent());

    const correct = page.getByTestId('correct');
    await correct.locator('#field-delta').fill('-2');
    await correct.getByRole('button', { name: 'Corriger le compteur' }).click();
    await expect(correct.locator('.field.invalid:has(#field-note) .field-error')).toHaveText('Obligatoire.');
    await expect(status.getByTestId('balance')).toHaveText(String(before));
    await expect(page.getByTestId('ledger').locator('tbody tr')).toHaveCount(0);

    await correct.locator('#field-note').fill('Missed two shifts in the summer');
    await correct.getByRole('button', { name: 'Corriger le compteur' }).click();
    await expect(correct.getByRole('status')).toHaveText('Enregistré.');
    await expect(status.getByTestId('balance')).toHaveText(String(before - 2));
    await expect(status.getByTestId('status')).toHaveText('En alerte');
    const line = page.getByTestId('ledger').locator('tbody tr').first();
    await expect(line).toContainText('Correction par le bureau');
    await expect(line).toContainText('-2');
    await expect(line).toContainText('Missed two shifts in the summer');
    await expect(page.getByTestId('history').locator('tbody tr').first()).toContainText('À jour → En alerte');

    // The status list, filtered on alert, shows the member with the new balance.
    await page.goto(`/coordinator/statuses?filter=alert&q=${encodeURIComponent(name)}`);
    const row = page.locator(`tr[data-member="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('row-balance')).toHaveText(String(before - 2));
    await expect(row.locator('.badge')).toHaveText('En alerte');
    await page.goto(`/coordinator/statuses?filter=up_to_date&q=${encodeURIComponent(name)}`);
    await expect(page.locator(`tr[data-member="${id}"]`)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('member, phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a member asks for a holiday and for more time, within the rules', async ({ page, browser }) => {
    // The office puts the member (the demo shift leader, who reads Dutch) one shift behind
    // first; the demo member's own counter is left to the attendance sheet's test.
    const office = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(office, 'coordinator@demo.ruche.coop');
    await office.goto('/admin/members?q=shift-leader%40demo');
    await office.locator('table.list tbody tr td a').first().click();
    await expect(office).toHaveURL(/\/admin\/members\/[0-9a-f-]{36}$/);
    await office.getByRole('link', { name: 'Créneaux et statut' }).click();
    await hydrated(office);
    await office.locator('#field-delta').fill('-1');
    await office.locator('#field-note').fill('Forgot the Saturday shift');
    await office.getByRole('button', { name: 'Corriger le compteur' }).click();
    await expect(office.getByTestId('correct').getByRole('status')).toHaveText('Enregistré.');
    await office.close();

    const errors = watchConsole(page);
    await signIn(page, 'shift-leader@demo.ruche.coop');
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: 'Verlof of uitstel vragen' }).click();
    await expect(page).toHaveURL(/\/my\/requests$/);

    const holiday = page.getByTestId('holiday-request');
    await holiday.locator('#field-start').fill('2099-07-20');
    await holiday.locator('#field-end').fill('2099-07-10');
    await holiday.getByRole('button', { name: 'Mijn verlof registreren' }).click();
    await expect(holiday.locator('.field-error')).toHaveText('Het einde valt vóór het begin.');
    // The page has no script: the form is posted and the page comes back with the dates typed.
    await expect(holiday.locator('#field-start')).toHaveValue('2099-07-20');
    await holiday.locator('#field-end').fill('2099-08-02');
    await holiday.getByRole('button', { name: 'Mijn verlof registreren' }).click();
    await expect(holiday.getByRole('status')).toHaveText('Uw verlof van 20/07/2099 tot 02/08/2099 is geregistreerd.');
    // The same days again (a recorded holiday leaves the form empty) overlap it.
    await holiday.locator('#field-start').fill('2099-07-20');
    await holiday.locator('#field-end').fill('2099-08-02');
    await holiday.getByRole('button', { name: 'Mijn verlof registreren' }).click();
    await expect(holiday.locator('.field-error')).toHaveText('Overlapt met het verlof van 2099-07-20 tot 2099-08-02.');

    const more = page.getByTestId('extension-request');
    await more.getByRole('button', { name: 'Uitstel vragen' }).click();
    await expect(more.getByRole('status')).toContainText('U hebt meer tijd: boek uw inhaalshifts vóór');
    await more.getByRole('button', { name: 'Uitstel vragen' }).click();
    await expect(more.getByRole('alert')).toHaveText('Dit alarm heeft zijn 1 uitstel(len) al gehad.');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
