import { expect, Page, test } from '@playwright/test';
import { signIn } from './helpers';

// The stock manager's pages as a phone without JavaScript gets them: plain HTML forms and
// links, no WASM. Every change goes to the server as a form post and comes back as a page,
// with its errors in the person's language (the demo stock manager's: French).
test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

const stamp = Date.now().toString(36);

/** An EAN-13 from 12 data digits, with its check digit. */
function ean13(data: string): string {
  const sum = [...data].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return data + ((10 - (sum % 10)) % 10);
}

/** A barcode no other run used: in-store prefix 20, then digits of the time. */
function freshBarcode(): string {
  return ean13(`20${Date.now().toString().slice(-10)}`);
}

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}

test('without JavaScript, a stock manager adds a product, changes its price and its stock, and finds it', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await expect(page).toHaveURL(/\/stock$/);
  await fitsThePhone(page);
  await shot(page, 'stock-home');
  await page.getByRole('link', { name: /Nouveau produit/ }).click();
  await expect(page).toHaveURL(/\/stock\/products\/new$/);

  // Every broken rule is shown beside its field, and nothing is added.
  const name = `Miel de tilleul ${stamp}`;
  const barcode = freshBarcode();
  await page.locator('#field-name').fill(name);
  await page.locator('#field-price').fill('4,3x');
  await page.locator('#field-barcodes').fill('5901234123458');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/products\/new\?/);
  await expect(page.locator('.field.invalid')).toHaveCount(2);
  // What was typed is still there, to correct.
  await expect(page.locator('#field-name')).toHaveValue(name);
  await expect(page.locator('#field-price')).toHaveValue('4,3x');
  await expect(page.locator('.field-error')).toHaveText([
    'Montant en euros non valable.',
    'Code-barres invalide (EAN-13, EAN-8 ou UPC-A avec sa clé de contrôle).',
  ]);
  await fitsThePhone(page);
  await shot(page, 'stock-product-new-refused');

  await page.locator('#field-name').fill(name);
  await page.locator('#field-price').fill('4,35');
  await page.locator('#field-barcodes').fill(barcode);
  await page.getByLabel('Payable en chèques-repas').check();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/products\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByRole('status').first()).toHaveText('Produit ajouté au catalogue.');
  await expect(page.getByTestId('product-title')).toHaveText(name);
  await expect(page.locator('#field-barcodes')).toHaveValue(barcode);
  await expect(page.getByLabel('Payable en chèques-repas')).toBeChecked();
  await expect(page.getByLabel('En vente')).toBeChecked();
  await fitsThePhone(page);

  // A new price, kept; a wrong one refused beside its field.
  await page.locator('#field-price').fill('quatre');
  await page.locator('.product-edit').getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.product-edit .field-error')).toHaveText('Montant en euros non valable.');
  await expect(page.locator('#field-price')).toHaveValue('quatre');
  await page.locator('#field-price').fill('4.50');
  await page.getByLabel('Payable en chèques-repas').uncheck();
  await page.locator('.product-edit').getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\?notice=saved$/);
  await expect(page.locator('.product-edit [role=status]')).toHaveText('Enregistré.');
  await expect(page.locator('#field-price')).toHaveValue('4.50');
  await expect(page.getByLabel('Payable en chèques-repas')).not.toBeChecked();

  // Stock: a refused quantity, a reception, then a loss that needs its reason.
  await expect(page.getByTestId('on-hand')).toHaveText('0 pc');
  await page.locator('#field-quantity').fill('0');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.locator('.product-stock .field-error')).toHaveText('Une quantité doit être supérieure à zéro, avec au plus trois décimales.');
  await page.locator('#field-quantity').fill('12');
  await page.getByLabel('Note (facultative)').fill('Livraison du matin');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page).toHaveURL(/\?notice=moved$/);
  await expect(page.locator('.product-stock [role=status]')).toHaveText('Mouvement de stock enregistré.');
  await expect(page.getByTestId('on-hand')).toHaveText('12 pc');
  await expect(page.locator('.moves li').first()).toContainText('Réception · Livraison du matin');

  // The loss's reason shows once the kind is a loss, even without JavaScript.
  await expect(page.getByLabel('Raison de la perte')).toBeHidden();
  await page.locator('#field-kind').selectOption('loss');
  await expect(page.getByLabel('Raison de la perte')).toBeVisible();
  await expect(page.getByLabel('Note (facultative)')).toBeHidden();
  await page.locator('#field-quantity').fill('2');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  // Back with the loss still chosen and its reason asked for.
  await expect(page.locator('#field-kind')).toHaveValue('loss');
  await expect(page.locator('#field-quantity')).toHaveValue('2');
  await expect(page.locator('.product-stock .field-error')).toHaveText('Obligatoire.');
  await expect(page.getByTestId('on-hand')).toHaveText('12 pc');
  await shot(page, 'stock-product-loss-refused');
  await page.getByLabel('Raison de la perte').selectOption('expired');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('10 pc');
  await expect(page.locator('.moves li').first()).toContainText('Perte · Périmé');
  await expect(page.locator('.moves li').first()).toContainText('-2 pc');
  await fitsThePhone(page);
  await shot(page, 'stock-product');

  // Found by name without accents or case, and by its barcode, from the search form.
  await page.goto('/stock/products');
  await page.getByRole('searchbox').fill(`MIEL tilleul ${stamp}`);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/\/stock\/products\?q=/);
  await expect(page.getByTestId('product-count')).toHaveText('1 produit');
  await expect(page.locator('.product-list li')).toContainText('4,50 €');
  await page.getByRole('searchbox').fill(barcode);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('.product-name')).toHaveText(name);
  await page.locator('.product-list a').first().click();
  await expect(page.getByTestId('product-title')).toHaveText(name);

  // The whole list, a page at a time.
  await page.goto('/stock/products');
  await fitsThePhone(page);
  await shot(page, 'stock-products');
  const count = await page.getByTestId('product-count').textContent();
  expect(Number(count?.replace(/\D/g, ''))).toBeGreaterThan(50);
  await page.getByRole('link', { name: /Suivant/ }).click();
  await expect(page).toHaveURL(/page=1/);
  await expect(page.getByRole('link', { name: /Précédent/ })).toBeVisible();
});

test('without JavaScript, a products import with a bad row imports nothing and says why; a good one imports all', async ({ page }) => {
  const batch = `n${stamp}`;
  await signIn(page, 'stock@demo.ruche.coop');
  await page.goto('/stock/import');
  await fitsThePhone(page);
  const bad = [
    'name;category;unit;price;vat_percent;meal_voucher;barcodes',
    `Pois chiches ${batch};Vrac ${batch};kg;3,80;6;oui;`,
    `Savon noir ${batch};Droguerie ${batch};boite;5,20;21;non;`,
  ].join('\n');
  await page.locator('#import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Rien n’a été importé : 1 problème à corriger.');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(report.locator('tbody tr').nth(0).locator('td')).toHaveText(['3', 'unit', 'Unité inconnue (pièce : piece, kg ou litre).']);
  await fitsThePhone(page);
  await shot(page, 'stock-import-refused');
  await page.goto(`/stock/products?q=${batch}&state=all`);
  await expect(page.getByTestId('product-count')).toHaveText('0 produit');

  // The good file, pasted this time.
  await page.goto('/stock/import');
  await page.locator('#import-text').fill(bad.replace(';boite;', ';piece;'));
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Import terminé : 2 ajouté(s), 0 mis à jour, 0 inchangé(s).');
  await page.goto(`/stock/products?q=${batch}&state=all`);
  await expect(page.getByTestId('product-count')).toHaveText('2 produits');
});

test('without JavaScript, a stock manager adds and renames categories', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await page.goto('/stock/categories');
  const categories = page.getByTestId('categories');

  // Added; the same name again is refused, in French, beside the field.
  await page.getByLabel('Nouvelle catégorie').fill(`Conserves ${stamp}`);
  await page.getByRole('button', { name: 'Ajouter la catégorie' }).click();
  await expect(page.getByRole('status')).toHaveText('Catégorie ajoutée.');
  await expect(categories).toContainText(`Conserves ${stamp}`);
  await page.getByLabel('Nouvelle catégorie').fill(`Conserves ${stamp}`);
  await page.getByRole('button', { name: 'Ajouter la catégorie' }).click();
  await expect(page.locator('.field-error')).toHaveText('Déjà utilisé par quelqu’un d’autre.');
  await page.getByLabel('Nouvelle catégorie').fill(`Surgelés ${stamp}`);
  await page.getByRole('button', { name: 'Ajouter la catégorie' }).click();
  await expect(categories).toContainText(`Surgelés ${stamp}`);

  // Renamed, after a refused name.
  await page.getByTestId('category').filter({ hasText: `Conserves ${stamp}` }).getByTestId('category-rename').click();
  await expect(page).toHaveURL(/\?rename=/);
  const name = page.getByLabel('Nouveau nom');
  await name.fill(`Surgelés ${stamp}`);
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(page.locator('.field-error')).toHaveText('Déjà utilisé par quelqu’un d’autre.');
  await shot(page, 'stock-categories-refused');
  await fitsThePhone(page);
  await name.fill(`Bocaux ${stamp}`);
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(page).toHaveURL(/\/stock\/categories$/);
  await expect(categories).toContainText(`Bocaux ${stamp}`);
  await expect(categories).not.toContainText(`Conserves ${stamp}`);
  await shot(page, 'stock-categories');
});

test('without JavaScript, a stock manager edits the barcode nomenclature', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  await page.goto('/stock/nomenclature');
  const rules = page.getByTestId('rule');
  const before = await rules.count();
  expect(before).toBeGreaterThan(1);

  // A price-labelled rule for 29, added at the end, then moved up one place; nothing is saved
  // on the way.
  await page.getByRole('button', { name: 'Ajouter une règle' }).click();
  await expect(rules).toHaveCount(before + 1);
  const added = rules.last();
  await expect(added.locator('input[name$="[start]"]')).toBeHidden();
  await added.locator('select[name$="[kind]"]').selectOption('price_embedded');
  await expect(added.locator('input[name$="[start]"]')).toBeVisible();
  await added.locator('input[name$="[pattern]"]').fill('2x');
  await added.locator('select[name$="[length]"]').selectOption('13');
  await added.locator('input[name$="[start]"]').fill('8');
  await added.locator('input[name$="[len]"]').fill('5');
  await added.getByRole('button', { name: 'Monter' }).click();
  const moved = rules.nth(before - 1);
  await expect(moved.locator('input[name$="[pattern]"]')).toHaveValue('2x');
  await expect(moved.locator('select[name$="[kind]"]')).toHaveValue('price_embedded');
  await expect(moved.locator('strong')).toHaveText(`Règle ${before}`);
  await fitsThePhone(page);

  // Refused: the rule is named with its reason, and the rules come back as typed.
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.alert.error')).toHaveText(`La règle ${before} de la nomenclature est inutilisable.`);
  await expect(moved.locator('.field-error')).toHaveText('Utilisez seulement des chiffres, . pour n\'importe quel chiffre et des plages comme [1-9].');
  await expect(moved.locator('input[name$="[pattern]"]')).toHaveValue('2x');
  await expect(rules).toHaveCount(before + 1);
  await shot(page, 'stock-nomenclature-refused');

  await moved.locator('input[name$="[pattern]"]').fill('29');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Nomenclature enregistrée');
  await page.goto('/stock/nomenclature');
  await expect(rules).toHaveCount(before + 1);
  await expect(rules.nth(before - 1).locator('input[name$="[pattern]"]')).toHaveValue('29');
  await expect(rules.nth(before - 1).locator('input[name$="[start]"]')).toHaveValue('8');

  // Removed again, and the usual rules back for the tills.
  await rules.nth(before - 1).getByRole('button', { name: 'Retirer' }).click();
  await expect(rules).toHaveCount(before);
  await page.getByRole('button', { name: 'Remettre les règles habituelles' }).click();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Nomenclature enregistrée');
  await shot(page, 'stock-nomenclature');
});
