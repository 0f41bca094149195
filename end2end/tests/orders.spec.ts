import { expect, Page, test } from '@playwright/test';
import { signIn } from './helpers';

// A purchase order and its reception on a phone without JavaScript, as the demo stock manager
// (French): Vajra's reorder suggestions from four weeks of sales, the draft made in one tap, a
// line changed, the order sent; then the delivery received by typing barcodes (a scanner types
// them the same way) and a name, a wrong quantity refused, the page left and found again as it
// was, the differences from the order shown, the reception validated, and the stock moved.
test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

/** An EAN-13 from 12 data digits, with its check digit. */
function ean13(data: string): string {
  const sum = [...data].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return data + ((10 - (sum % 10)) % 10);
}

/** The demo's packaged product number `n` (see services/src/demo/till.rs). */
const demoCode = (n: number) => ean13(`5412345${String(n).padStart(5, '0')}`);

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function scan(page: Page, code: string, quantity: string) {
  await expect(page.locator('#field-code')).toBeFocused();
  await page.locator('#field-code').fill(code);
  await page.locator('#field-code').press('Enter');
  await expect(page.locator('#field-quantity')).toBeFocused();
  await page.locator('#field-quantity').fill(quantity);
  await page.locator('#field-quantity').press('Enter');
}

const line = (page: Page, name: string) => page.locator('.reception-line', { hasText: name });

test('a stock manager orders from the suggestions and receives the delivery on a phone', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await expect(page).toHaveURL(/\/stock$/);
  await page.getByRole('link', { name: /Suggestions de commande/ }).click();
  await expect(page).toHaveURL(/\/stock\/orders\/suggest$/);

  // Vajra: 28 days of sales, 14 days to cover plus 3 of delivery, whole packs.
  await page.locator('#orders-field-supplier').selectOption({ label: 'Vajra' });
  await expect(page.locator('#field-window')).toHaveValue('28');
  await expect(page.locator('#field-coverage')).toHaveValue('14');
  await page.getByRole('button', { name: 'Suggérer' }).click();
  const suggestions = page.getByTestId('suggestions');
  await expect(suggestions.locator('.suggestion.to-order')).toHaveCount(4);
  await expect(suggestions.locator('.suggestion', { hasText: 'Pâtes complètes' }).locator('.packs')).toHaveText('3 × 12 pc');
  await expect(suggestions.locator('.suggestion', { hasText: 'Riz basmati' }).locator('.packs')).toHaveText('2 × 10 pc');
  await expect(page.getByTestId('suggest-total')).toHaveText(/^134,20\s€$/);
  await fitsThePhone(page);

  // One tap makes the draft.
  await page.getByRole('button', { name: 'Créer le brouillon de commande' }).click();
  await expect(page).toHaveURL(/\/stock\/orders\/[0-9a-f-]{36}\?notice=drafted$/);
  const orderUrl = page.url().split('?')[0];
  await expect(page.getByRole('status')).toHaveText(/Brouillon de commande créé/);
  await expect(page.getByTestId('order-state')).toHaveText('brouillon');
  await expect(page.locator('.order-line')).toHaveCount(4);
  await fitsThePhone(page);

  // A line changed: two packs of coffee instead of one; a wrong number refused.
  const coffee = page.locator('.order-line', { hasText: 'Café moulu' });
  await coffee.locator('input[name=packs]').fill('deux');
  await coffee.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByRole('alert').first()).toHaveText('Nombre non valable.');
  await page.locator('.order-line', { hasText: 'Café moulu' }).locator('input[name=packs]').fill('2');
  await page.locator('.order-line', { hasText: 'Café moulu' }).getByRole('button', { name: 'Modifier' }).click();
  await expect(page).toHaveURL(/\?notice=line$/);
  await expect(page.getByTestId('order-total')).toHaveText(/^152,80\s€$/);

  // Sent: the mail goes through the outbox, and the order can be printed.
  await expect(page.getByText('La commande part par e-mail à orders@vajra.example.')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la commande' }).click();
  await expect(page).toHaveURL(/\?notice=sent$/);
  await expect(page.getByTestId('order-state')).toHaveText('envoyée');
  await page.getByRole('link', { name: 'Bon de commande imprimable' }).click();
  await expect(page.locator('.print-sheet tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('print-total')).toHaveText(/^152,80\s€$/);
  await page.goto(orderUrl);

  // The delivery: scanned line by line.
  await page.getByRole('button', { name: 'Réceptionner la livraison' }).click();
  await expect(page).toHaveURL(/\/stock\/receptions\/[0-9a-f-]{36}$/);
  const receptionUrl = page.url();
  await expect(page.locator('#field-code')).toHaveAttribute('data-scan', '');
  await expect(page.getByTestId('picked')).toHaveCount(0);
  await page.locator('#field-code').fill(demoCode(40));
  await page.locator('#field-code').press('Enter');
  await expect(page.getByTestId('picked')).toContainText('Pâtes complètes 500 g');
  await expect(page.getByTestId('picked')).toContainText('Attendu : 36 pc');
  await fitsThePhone(page);
  // A negative quantity is refused, and kept to correct.
  await page.locator('#field-quantity').fill('-3');
  await page.locator('#field-quantity').press('Enter');
  await expect(page.getByRole('alert').first()).toHaveText(
    'Une quantité doit être supérieure à zéro, avec au plus trois décimales.',
  );
  await expect(page.locator('#field-quantity')).toHaveValue('-3');
  await page.locator('#field-quantity').fill('36');
  await page.locator('#field-quantity').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Ligne enregistrée : scannez l\'article suivant.');
  await scan(page, demoCode(41), '18');
  // By name rather than by code.
  await scan(page, 'lentilles', '24');
  // Not on the order: taken, and flagged.
  await scan(page, demoCode(1), '2');

  // The phone locks, the page is opened again: every line is there, once.
  await page.goto('/stock/orders');
  await page.getByTestId('open-receptions').locator('a', { hasText: 'Vajra' }).click();
  await expect(page).toHaveURL(receptionUrl);
  await expect(line(page, 'Pâtes complètes').getByTestId('difference')).toHaveText('Conforme');
  await expect(line(page, 'Riz basmati').getByTestId('difference')).toHaveText('Manque 2 pc');
  await expect(line(page, 'Lentilles corail').getByTestId('difference')).toHaveText('Conforme');
  await expect(line(page, 'Pain complet').getByTestId('difference')).toHaveText('Hors commande');
  await expect(line(page, 'Café moulu').getByTestId('difference')).toHaveText('Manquant');
  // Scanning the rice again replaces its line rather than adding to it.
  await scan(page, demoCode(41), '20');
  await expect(page.locator('.reception-line')).toHaveCount(5);
  await expect(line(page, 'Riz basmati').getByTestId('difference')).toHaveText('Conforme');
  await fitsThePhone(page);

  await page.getByRole('button', { name: 'Valider la réception', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/Réception validée/);
  await expect(page.getByTestId('reception-validated')).toHaveText('validée');
  await expect(page.locator('#field-code')).toHaveCount(0);

  // The order is partly received (the coffee did not come), and the pasta is in stock.
  await page.goto(orderUrl);
  await expect(page.getByTestId('order-state')).toHaveText('reçue en partie');
  await page.goto('/stock/products?q=pates+completes');
  await page.locator('.product-list a', { hasText: 'Pâtes complètes 500 g' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('40 pc');
  await expect(page.locator('.moves li').first()).toContainText('+36 pc');
});
