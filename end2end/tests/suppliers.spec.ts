import { expect, Page, test } from '@playwright/test';
import { signIn } from './helpers';

// A stock manager on a phone (no JavaScript, as the stock pages ship none) adds a supplier,
// gives a new product a cost from it, finds the price that differs on /stock/pricing, applies
// it, and the product's price is the computed one. The demo stock manager reads French.
test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

const stamp = Date.now().toString(36);

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}

test('a stock manager adds a supplier, gives a product its cost and applies the computed price', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await expect(page).toHaveURL(/\/stock$/);
  await page.getByRole('link', { name: /Fournisseurs/ }).click();
  await expect(page).toHaveURL(/\/stock\/suppliers$/);
  await expect(page.getByTestId('suppliers')).toContainText('Biofresh Bruxelles');
  await fitsThePhone(page);
  await shot(page, 'suppliers');
  await page.getByRole('link', { name: 'Nouveau fournisseur' }).click();

  // A broken form comes back with every error beside its field and what was typed.
  const supplier = `Ferme du Houx ${stamp}`;
  await page.locator('#field-order_email').fill('commandes at ferme');
  await page.locator('#field-min_order').fill('75');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.field-error')).toHaveText(['Obligatoire.', 'Adresse courriel non valable.']);
  await expect(page.locator('#field-min_order')).toHaveValue('75');
  await page.locator('#field-name').fill(supplier);
  await page.locator('#field-order_email').fill(`commandes.${stamp}@ferme.example`);
  await page.locator('#field-lead_days').fill('2');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/suppliers\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByTestId('supplier-title')).toHaveText(supplier);
  await fitsThePhone(page);
  await shot(page, 'supplier');

  // A new product at 5,00 € with 6 % VAT and no category: the coop's 20 % margin applies.
  const product = `Confiture de rhubarbe ${stamp}`;
  await page.goto('/stock/products/new');
  await page.locator('#field-name').fill(product);
  await page.locator('#field-price').fill('5,00');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/products\/[0-9a-f-]{36}\?notice=created$/);
  const productPage = page.url().split('?')[0];
  await expect(page.getByTestId('product-supplier-lines')).toHaveCount(0);

  // A cost without a supplier, then a pack of nothing: refused, nothing kept.
  await page.locator('#field-pack_size').fill('6');
  await page.locator('#field-pack_cost').fill('12,00');
  await page.getByRole('button', { name: 'Enregistrer le prix' }).click();
  await expect(page.locator('.product-suppliers .field-error')).toHaveText('Obligatoire.');
  await expect(page.locator('#field-pack_cost')).toHaveValue('12,00');
  await page.locator('#field-supplier_id').selectOption({ label: supplier });
  await page.locator('#field-pack_size').fill('0');
  await page.getByRole('button', { name: 'Enregistrer le prix' }).click();
  await expect(page.locator('.product-suppliers .field-error')).toHaveText(
    'Une quantité doit être supérieure à zéro, avec au plus trois décimales.',
  );
  await expect(page.getByTestId('product-supplier-lines')).toHaveCount(0);
  // Six jars for 12,00 €: 2,00 € each, x 1,20 x 1,06 = 2,544 -> 2,55 €.
  await page.locator('#field-supplier_id').selectOption({ label: supplier });
  await page.locator('#field-code').fill('RH-6');
  await page.locator('#field-pack_size').fill('6');
  await page.getByRole('button', { name: 'Enregistrer le prix' }).click();
  await expect(page).toHaveURL(/\?notice=supplier-line/);
  await expect(page.locator('.product-suppliers [role=status]')).toHaveText('Prix du fournisseur enregistré.');
  const line = page.getByTestId('product-supplier-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(supplier);
  await expect(line).toContainText('Préféré');
  await expect(line).toContainText('6 pc pour 12,00 €');
  await fitsThePhone(page);
  await shot(page, 'product-suppliers');

  // The pricing page shows both prices; the ticked one is applied.
  await page.goto('/stock');
  await page.getByRole('link', { name: /Prix de vente/ }).click();
  await expect(page).toHaveURL(/\/stock\/pricing$/);
  const row = page.getByTestId('price-difference').filter({ hasText: product });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('computed-price')).toHaveText('2,55 €');
  await expect(row).toContainText('5,00 €');
  await expect(row).toContainText(supplier);
  await fitsThePhone(page);
  await shot(page, 'pricing');
  await row.locator('input[type=checkbox]').check();
  await page.getByRole('button', { name: 'Appliquer les prix cochés' }).click();
  await expect(page).toHaveURL(/\/stock\/pricing\?applied=1$/);
  await expect(page.getByTestId('pricing-notice')).toHaveText(
    '1 prix changé : les caisses le reçoivent à leur prochaine mise à jour.',
  );
  await expect(page.getByTestId('price-difference').filter({ hasText: product })).toHaveCount(0);

  // The product's price is the computed one.
  await page.goto(productPage);
  await expect(page.locator('#field-price')).toHaveValue('2.55');
});
