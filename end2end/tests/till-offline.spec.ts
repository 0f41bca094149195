import { expect, Page, test } from '@playwright/test';
import { hydrated, signIn, watchConsole } from './helpers';
import { OwnServer } from './server';

// The till keeps selling without the server, at 1280x800: the test runs a server of its own
// (the shared one must stay up for the other tests), opens a session, kills the server, makes
// three sales (the member checked against the statuses kept on the device), starts the server
// again and sees the three sales sent, once each: nothing waits any more and the Z report
// holds exactly three sales and their total.
test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

const port = Number(process.env.E2E_OFFLINE_PORT ?? Number(process.env.E2E_PORT ?? '3100') + 5);
const server = new OwnServer(port);
test.use({ baseURL: server.url });
test.afterAll(async () => server.kill());

// Packaged products of the demo shop (services/src/demo/till.rs).
const BREAD = '5412345000013'; // Pain complet 800 g, 3.20
const MILK = '5412345000303'; // Lait demi-écrémé 1 l, 1.15
const COFFEE = '5412345000464'; // Café moulu 250 g, 4.95

async function scan(page: Page, code: string) {
  await page.getByTestId('scan').pressSequentially(code);
  await page.getByTestId('scan').press('Enter');
}

async function member(page: Page, name: string) {
  await page.keyboard.press('F2');
  await page.getByTestId('member-query').fill(name);
  await page.getByTestId('member-query').press('Enter');
}

test('sales made while the server is down are kept, then sent once when it is back', async ({ page }) => {
  test.setTimeout(120_000);
  await server.start();
  const errors = watchConsole(page);
  await signIn(page, 'cashier@demo.ruche.coop');
  await expect(page).toHaveURL(/\/till$/);
  await hydrated(page);
  await page.getByTestId('till-pick').filter({ hasText: 'Till 1' }).click();
  await page.locator('#count-1000').fill('5');
  await page.getByTestId('open-session').click();
  await expect(page.getByTestId('scan')).toBeFocused();
  // The device keeps the catalogue and every member's status, with their age.
  await expect(page.getByTestId('till-statuses-age')).toHaveText('Member statuses of 0 min ago');
  await expect(page.getByTestId('till-catalogue-age')).toHaveText('Catalogue checked 0 min ago');
  const waiting = page.getByTestId('till-waiting');
  await expect(waiting).toHaveAttribute('data-count', '0');

  await server.kill();
  const lines = page.getByTestId('line');
  const sales: [string[], string][] = [
    [[BREAD, MILK], '€4.35'],
    [[COFFEE], '€4.95'],
    [[BREAD, COFFEE, MILK], '€9.30'],
  ];
  for (const [n, [codes, total]] of sales.entries()) {
    for (const code of codes) await scan(page, code);
    await expect(lines).toHaveCount(codes.length);
    await expect(page.getByTestId('total')).toHaveText(total);
    // The member is checked against the kept statuses.
    await member(page, 'Mira Membre');
    const box = page.locator('.sell-side [data-testid=member-box]');
    await expect(box).toHaveAttribute('data-state', 'may-shop');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F4');
    await page.getByRole('button', { name: 'The rest' }).click();
    await page.getByTestId('pay-confirm').click();
    // Kept on the device; the next sale starts at once.
    await expect(page.getByTestId('till-notice')).toContainText('Sale kept on this till');
    await expect(waiting).toHaveAttribute('data-count', String(n + 1));
    await expect(lines).toHaveCount(0);
    await expect(page.getByTestId('till-offline')).toBeVisible();
  }
  await expect(waiting).toHaveText('3 sales waiting to be sent');
  // A member who may not shop is refused offline too, by the kept statuses.
  await scan(page, BREAD);
  await member(page, 'Sam Suspendu');
  await expect(page.getByTestId('refusal')).toContainText('Sam Suspendu may not shop (Suspended)');
  await page.screenshot({ path: 'test-results/till-offline.png' });
  await page.keyboard.press('Escape');

  // The server is back: the three sales are sent, once.
  await server.start();
  await expect(waiting).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await expect(page.getByTestId('till-offline')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/till-offline-synced.png' });
  await page.keyboard.press('F9');
  await expect(page.getByTestId('report-sales')).toContainText('3');
  await page.getByTestId('close-session').click();
  await page.locator('#count-1000').fill('5');
  await page.getByTestId('close-submit').click();
  await expect(page.getByTestId('report')).toContainText('Z report');
  await expect(page.getByTestId('report-sales')).toContainText('3');
  await expect(page.getByTestId('report-total')).toContainText('€18.60');
  await expect(page.getByTestId('report-card')).toContainText('€18.60');
  expect(errors.filter((e) => !e.includes('Failed to fetch') && !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
});

// The device's kept values (see app/src/pages/till/store.rs), read and written as the till does.
async function keptValue(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate(async (key) => {
    const db: IDBDatabase = await new Promise((ok, ko) => {
      const r = indexedDB.open('ruche-till', 1);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const value: string | undefined = await new Promise((ok, ko) => {
      const r = db.transaction('kept').objectStore('kept').get(key);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return value;
  }, key);
}

async function keepValue(page: Page, key: string, value: string) {
  await page.evaluate(async ([key, value]) => {
    const db: IDBDatabase = await new Promise((ok, ko) => {
      const r = indexedDB.open('ruche-till', 1);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    await new Promise((ok, ko) => {
      const tx = db.transaction('kept', 'readwrite');
      tx.objectStore('kept').put(value, key);
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, [key, value]);
}

test('reloaded while the catalogue cannot be fetched, the till shows when its copy was last checked', async ({ page }) => {
  test.setTimeout(90_000);
  await server.kill();
  await server.start();
  let asked = 0;
  page.on('requestfinished', (r) => {
    if (r.url().includes('/api/till/catalogue/changes')) asked += 1;
  });
  await signIn(page, 'cashier@demo.ruche.coop');
  await hydrated(page);
  await page.getByTestId('till-pick').filter({ hasText: 'Till 2' }).click();
  await page.locator('#count-1000').fill('5');
  await page.getByTestId('open-session').click();
  await expect(page.getByTestId('scan')).toBeFocused();
  const age = page.getByTestId('till-catalogue-age');
  await expect(age).toHaveText('Catalogue checked 0 min ago');
  // The server has said the kept copy is current (the load, then the first check)...
  await expect.poll(() => asked, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(500);
  // ...though the copy itself last changed two hours ago.
  const kept = JSON.parse((await keptValue(page, 'catalogue'))!);
  kept.synced_at_ms = Date.now() - 2 * 3_600_000;
  await keepValue(page, 'catalogue', JSON.stringify(kept));

  // Reloaded while the catalogue's changes cannot be fetched: the till sells from its copy,
  // checked a moment ago, not two hours ago.
  await page.route('**/api/till/catalogue/changes*', (route) => route.abort());
  await page.reload();
  await hydrated(page);
  await page.getByTestId('till-pick').filter({ hasText: 'Till 2' }).click();
  await expect(page.getByTestId('scan')).toBeFocused();
  await expect(page.getByTestId('till-offline')).toBeVisible({ timeout: 15_000 });
  await expect(age).toHaveText('Catalogue checked 0 min ago');
});

test('a till reloaded while the server is down opens from the copy kept on the device and sells', async ({ page }) => {
  test.setTimeout(120_000);
  await server.kill();
  await server.start();
  await signIn(page, 'cashier@demo.ruche.coop');
  await expect(page).toHaveURL(/\/till$/);
  await hydrated(page);
  // The till asks the browser to keep its page and code (public/till-sw.js).
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  await page.getByTestId('till-pick').filter({ hasText: 'Till 1' }).click();
  await page.locator('#count-1000').fill('5');
  await page.getByTestId('open-session').click();
  await expect(page.getByTestId('scan')).toBeFocused();
  await expect(page.getByTestId('till-catalogue-age')).toHaveText('Catalogue checked 0 min ago');
  // A reload while the server answers goes through the worker, which keeps what it fetched.
  await page.reload();
  await hydrated(page);
  await expect
    .poll(() => page.evaluate(async () => !!(await caches.match('/pkg/ruche.wasm')) && !!(await caches.match('/till'))), { timeout: 15_000 })
    .toBe(true);

  await server.kill();
  const refused = await page.request.get('/health').then(() => false, () => true);
  expect(refused).toBe(true);
  await page.reload();
  await hydrated(page);
  await page.getByTestId('till-pick').filter({ hasText: 'Till 1' }).click();
  await expect(page.getByTestId('scan')).toBeFocused();
  await expect(page.getByTestId('till-offline')).toBeVisible({ timeout: 15_000 });
  await scan(page, BREAD);
  await expect(page.getByTestId('total')).toHaveText('€3.20');
  await member(page, 'Mira Membre');
  await expect(page.locator('.sell-side [data-testid=member-box]')).toHaveAttribute('data-state', 'may-shop');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F4');
  await page.getByRole('button', { name: 'The rest' }).click();
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('till-notice')).toContainText('Sale kept on this till');
  const waiting = page.getByTestId('till-waiting');
  await expect(waiting).toHaveAttribute('data-count', '1');

  // Back online, the kept sale is sent.
  await server.start();
  await expect(waiting).toHaveAttribute('data-count', '0', { timeout: 30_000 });
});
