import { expect, test } from '@playwright/test';
import { hydrated, PASSWORD, signIn, watchConsole } from './helpers';
import { FakeSmtp } from './smtp';

test.use({ viewport: { width: 1280, height: 800 } });

const stamp = Date.now().toString(36);

test('an admin creates a member', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'admin@demo.ruche.coop');
  await page.goto('/admin/members/new');
  await hydrated(page);
  await page.locator('#field-first_name').fill('Zoë');
  await page.locator('#field-last_name').fill(`Vandenbroucke ${stamp}`);
  await page.locator('#field-email').fill('not an email');
  await page.locator('#field-join_date').fill('2026-11-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.field-error')).toHaveText('Not a valid email address.');
  await page.locator('#field-email').fill(`zoe.${stamp}@example.be`);
  await page.locator('#field-work_regime').selectOption('flexible');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/admin\/members\/[0-9a-f-]{36}/);
  await expect(page.getByRole('status').first()).toHaveText('The member is created, with a card.');
  await expect(page.locator('h1')).toHaveText(`Zoë Vandenbroucke ${stamp}`);
  await expect(page.locator('.print-card figure.barcode')).toHaveAttribute('data-code', /^042\d{10}$/);
  // Found again by a search without the accent.
  await page.goto(`/admin/members?q=zoe+${stamp}`);
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  expect(errors).toEqual([]);
});

test('an import with a bad row imports nothing and says why; a good one imports all', async ({ page }) => {
  const batch = `imp${stamp}`;
  await signIn(page, 'admin@demo.ruche.coop');
  await page.goto('/admin/import');
  await hydrated(page);
  const bad = [
    'first_name,last_name,email,join_date,work_regime,language',
    `Amina,Benali ${batch},amina.${batch}@example.be,2026-01-05,regular,fr`,
    `Bram,Wouters ${batch},bram.${batch}-at-example.be,2026-01-05,flexible,nl`,
  ].join('\n');
  await page.locator('#import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.locator('#import-text')).toHaveValue(bad);
  await page.getByRole('button', { name: 'Import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Nothing was imported: 1 problem to fix.');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(report.locator('tbody tr td').nth(0)).toHaveText('3');
  await expect(report.locator('tbody tr td').nth(1)).toHaveText('email');
  await expect(report.locator('tbody tr td').nth(2)).toHaveText('Not a valid email address.');
  await page.goto(`/admin/members?q=${batch}`);
  await expect(page.getByTestId('member-count')).toHaveText('0 members');

  await page.goto('/admin/import');
  await hydrated(page);
  await page.locator('#import-text').fill(bad.replace('-at-', '@'));
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-done')).toHaveText('2 members imported.');
  await page.goto(`/admin/members?q=${batch}`);
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
});

test('a password reset link goes by mail only, never through the outbox', async ({ page, browser }) => {
  const smtp = new FakeSmtp();
  await smtp.start();
  try {
    await page.goto('/forgot-password');
    await page.locator('#email').fill('cashier@demo.ruche.coop');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toContainText('a link is on its way');
    const linkIn = async () => {
      const mail = await smtp.waitFor('cashier@demo.ruche.coop', /\/reset-password\?token=\w+/);
      return new URL(mail.match(/https?:\/\/\S+\/reset-password\?token=\w+/)?.[0] ?? '');
    };
    const link = await linkIn();
    const path = link.pathname + link.search;
    // The admin sees that the mail went, not the link: it is the key to the account.
    await signIn(page, 'admin@demo.ruche.coop');
    await page.goto('/admin/outbox?to=cashier@demo.ruche.coop');
    const shown = page.getByTestId('mail').first();
    await expect(shown).toContainText('link hidden');
    await expect(shown).not.toContainText('token=');

    const other = await browser.newContext({ locale: 'en-GB' });
    const p2 = await other.newPage();
    await p2.goto(path);
    await p2.locator('#password').fill('a new password');
    await p2.locator('#confirm').fill('a new password');
    await p2.getByRole('button', { name: 'Save the password' }).click();
    await expect(p2.getByRole('status')).toHaveText('Your password is changed. You can sign in.');
    await signIn(p2, 'cashier@demo.ruche.coop', 'a new password');
    // Cashiers land on the till.
    await expect(p2).toHaveURL(/\/till$/);
    // The link works once.
    await p2.goto(path);
    await p2.locator('#password').fill('another password');
    await p2.locator('#confirm').fill('another password');
    await p2.getByRole('button', { name: 'Save the password' }).click();
    await expect(p2.getByRole('alert')).toHaveText('This link is not valid any more. Ask for a new one.');
    // A new link puts the demo password back, for the till's tests.
    await page.goto('/forgot-password');
    await page.locator('#email').fill('cashier@demo.ruche.coop');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toContainText('a link is on its way');
    let back = await linkIn();
    for (let i = 0; i < 50 && back.search === link.search; i++) {
      await new Promise((r) => setTimeout(r, 100));
      back = await linkIn();
    }
    expect(back.search).not.toEqual(link.search);
    await p2.goto(back.pathname + back.search);
    await p2.locator('#password').fill(PASSWORD);
    await p2.locator('#confirm').fill(PASSWORD);
    await p2.getByRole('button', { name: 'Save the password' }).click();
    await expect(p2.getByRole('status')).toHaveText('Your password is changed. You can sign in.');
    await other.close();
  } finally {
    await smtp.stop();
  }
});
