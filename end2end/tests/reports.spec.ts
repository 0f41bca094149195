import { expect, Page, test } from '@playwright/test';
import { readFileSync } from 'fs';
import { signIn } from './helpers';
import { OwnServer } from './server';

// Shelf labels and reports on a phone without JavaScript (the stock manager's pages load
// none), in the demo stock manager's language: French.
test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

// A server and a demo coop of its own: this test changes a price and the stock of a product
// other specs ring up at the till, and expects the demo's quantities as they are.
const port = Number(process.env.E2E_REPORTS_PORT ?? Number(process.env.E2E_PORT ?? '3100') + 7);
const server = new OwnServer(port);
test.use({ baseURL: server.url });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.kill());

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}

/** Today in Brussels, as a date field takes it. */
function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
}

test('labels of the products whose price changed show the price per kg and the barcode; a report shows its rows and downloads as CSV', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await expect(page).toHaveURL(/\/stock$/);

  // A new price for the bread of 800 g, and a loss to report.
  await page.goto('/stock/products?q=pain+complet');
  await page.locator('.product-list a').first().click();
  await expect(page.getByTestId('product-title')).toHaveText('Pain complet 800 g');
  await expect(page.locator('#field-content')).toHaveValue('800 g');
  await page.locator('#field-price').fill('3,60');
  await page.locator('.product-edit').getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\?notice=saved$/);
  await page.locator('#field-quantity').fill('12');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('12 pc');
  await page.locator('#field-kind').selectOption('loss');
  await page.locator('#field-quantity').fill('2');
  await page.getByLabel('Raison de la perte').selectOption('expired');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('10 pc');

  // Labels since today, in one action.
  await page.goto('/stock');
  await page.getByRole('link', { name: /Étiquettes de rayon/ }).click();
  await expect(page).toHaveURL(/\/stock\/labels$/);
  await fitsThePhone(page);
  await page.getByLabel('Prix changé depuis le').fill(today());
  await page.getByRole('button', { name: 'Étiquettes des produits dont le prix a changé' }).click();
  await expect(page).toHaveURL(/\/stock\/labels\/sheet\?since=/);
  const bread = page.getByTestId('shelf-label').filter({ hasText: 'Pain complet 800 g' });
  await expect(bread).toHaveCount(1);
  await expect(bread.locator('.label-price')).toHaveText('3,60 €');
  // 3.60 for 800 g: 4.50 a kilogram.
  await expect(bread.getByTestId('unit-price')).toHaveText('4,50 € / kg');
  await expect(bread).toContainText('Origine : Belgique');
  await expect(bread).toContainText('Local');
  await expect(bread.locator('.label-barcode svg')).toHaveAttribute('data-code', '5412345000013');
  await expect(bread.locator('.label-barcode svg rect')).toHaveCount(31);
  await expect(bread.locator('.label-barcode svg text')).toHaveCount(13);
  await fitsThePhone(page);
  await shot(page, 'stock-labels-sheet');
  // On paper, only the labels: no navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('.sheet-tools')).toBeHidden();
  await expect(bread).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The losses report: the loss's row and total, and the same as CSV.
  await page.goto('/stock');
  await page.getByRole('link', { name: /Rapports/ }).click();
  await expect(page).toHaveURL(/\/stock\/reports$/);
  await fitsThePhone(page);
  await page.getByTestId('report-losses').click();
  await expect(page).toHaveURL(/\/stock\/reports\/losses\?/);
  const reasons = page.getByTestId('report-table');
  await expect(reasons.locator('tbody tr')).toHaveCount(1);
  await expect(reasons.locator('tbody tr')).toContainText('Périmé');
  await expect(page.locator('table').nth(1)).toContainText('Pain complet 800 g');
  await fitsThePhone(page);
  await shot(page, 'stock-report-losses');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('csv-link').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^losses-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('reason,product,unit,moves,quantity,value,moves_without_value,product_id');
  expect(csv).toContain('\nexpired,Pain complet 800 g,piece,1,2,');

  // Movers: the bread has stock and was never sold.
  await page.goto('/stock/reports/movers');
  await expect(page.getByTestId('report-slow')).toContainText('Pain complet 800 g');

  // The demo's last four weeks of sales: the ten products its suppliers sell, per product and
  // per category, with VAT; the same as CSV.
  await page.goto(`/stock/reports/sales?from=${daysAgo(6)}&to=${today()}`);
  const sales = page.getByTestId('report-table');
  await expect(sales.locator('tbody tr')).toHaveCount(10);
  await expect(sales.locator('tbody tr', { hasText: 'Lait demi-écrémé 1 l' })).toHaveCount(1);
  await expect(page.getByTestId('report-total')).toContainText('10 lignes');
  await expect(page.getByTestId('report-total')).not.toContainText('0,00 €');
  await fitsThePhone(page);
  await shot(page, 'stock-report-sales');
  const salesCsv = page.waitForEvent('download');
  await page.getByTestId('csv-link').click();
  const salesRows = readFileSync((await (await salesCsv).path())!, 'utf8').trim().split('\n');
  // The head, a row per product, the total.
  expect(salesRows).toHaveLength(12);
  expect(salesRows[11]).toMatch(/^total,/);
  await page.goto(`/stock/reports/vat?from=${daysAgo(6)}&to=${today()}`);
  await expect(page.getByTestId('report-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('report-total').first()).not.toContainText('0,00 €');
  await fitsThePhone(page);
});

/** The day `n` days before today in Brussels, as a date field takes it. */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
}
