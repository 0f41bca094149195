import { expect, Page, test } from '@playwright/test';
import { hydrated, signIn, watchConsole } from './helpers';

// The stock manager works on a phone, in French (the demo stock manager's language).
test.use({ viewport: { width: 360, height: 740 } });

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
  expect(width).toBeLessThanOrEqual(360);
}

test('a stock manager adds a product with a barcode, changes its price and its stock', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'stock@demo.ruche.coop');
  // Stock managers land on the catalogue.
  await expect(page).toHaveURL(/\/stock$/);
  await hydrated(page);
  await fitsThePhone(page);
  await page.getByRole('link', { name: /Nouveau produit/ }).click();
  await expect(page).toHaveURL(/\/stock\/products\/new$/);
  await hydrated(page);

  const name = `Confiture d'abricots ${stamp}`;
  const barcode = freshBarcode();
  await page.locator('#field-name').fill(name);
  await page.locator('#field-price').fill('4,3x');
  await page.locator('#field-barcodes').fill('5901234123458');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  // Every broken rule is shown beside its field, and nothing is added.
  await expect(page.locator('.field.invalid')).toHaveCount(2);
  await expect(page.locator('.field-error')).toHaveText([
    'Montant en euros non valable.',
    'Code-barres invalide (EAN-13, EAN-8 ou UPC-A avec sa clé de contrôle).',
  ]);
  await expect(page).toHaveURL(/\/stock\/products\/new$/);

  await page.locator('#field-price').fill('4,35');
  await page.locator('#field-barcodes').fill(barcode);
  await page.locator('#field-category').selectOption({ index: 0 });
  await expect(page.locator('#field-vat_percent')).toHaveValue('6');
  await page.getByLabel('Payable en chèques-repas').check();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/products\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByRole('status').first()).toHaveText('Produit ajouté au catalogue.');
  await expect(page.getByTestId('product-title')).toHaveText(name);
  await hydrated(page);
  await fitsThePhone(page);

  // A new price, kept.
  await page.locator('#field-price').fill('4.50');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').last()).toHaveText('Enregistré.');
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#field-price')).toHaveValue('4.50');
  await expect(page.locator('#field-barcodes')).toHaveValue(barcode);
  await expect(page.getByLabel('Payable en chèques-repas')).toBeChecked();

  // Stock: a reception, then a loss that needs its reason.
  await expect(page.getByTestId('on-hand')).toHaveText('0 pc');
  await page.locator('#field-quantity').fill('0');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.locator('.field-error')).toHaveText('Une quantité doit être supérieure à zéro, avec au plus trois décimales.');
  await page.locator('#field-quantity').fill('12');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('12 pc');
  await page.locator('#field-kind').selectOption('loss');
  await page.locator('#field-quantity').fill('2');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.locator('.field-error')).toHaveText('Obligatoire.');
  await expect(page.getByTestId('on-hand')).toHaveText('12 pc');
  await page.locator('#field-reason').selectOption('expired');
  await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
  await expect(page.getByTestId('on-hand')).toHaveText('10 pc');
  await expect(page.locator('.moves li').first()).toContainText('Perte · Périmé');
  await expect(page.locator('.moves li').first()).toContainText('-2 pc');

  // Found by name without accents or case, and by its barcode.
  await page.goto(`/stock/products?q=CONFITURE+abricots+${stamp}`);
  await hydrated(page);
  await expect(page.getByTestId('product-count')).toHaveText('1 produit');
  await expect(page.locator('.product-list li')).toContainText('4,50 €');
  await fitsThePhone(page);
  await page.goto(`/stock/products?q=${barcode}`);
  await expect(page.getByTestId('product-count')).toHaveText('1 produit');
  await expect(page.locator('.product-name')).toHaveText(name);
  expect(errors).toEqual([]);
});

test('a products import with bad rows imports nothing and says why; a good one imports all', async ({ page }) => {
  const batch = `lot${stamp}`;
  await signIn(page, 'stock@demo.ruche.coop');
  await page.goto('/stock/import');
  await hydrated(page);
  await fitsThePhone(page);
  const bad = [
    'name;category;unit;price;vat_percent;meal_voucher;barcodes',
    `Lentilles vertes ${batch};Vrac ${batch};kg;4,20;6;oui;`,
    `Savon ${batch};Droguerie ${batch};box;3,99;21;non;`,
    `Huile d'olive ${batch};Épicerie ${batch};litre;12,5;6;oui;4006381333932`,
  ].join('\n');
  await page.locator('#import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.locator('#import-text')).toHaveValue(bad);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Rien n’a été importé : 2 problèmes à corriger.');
  await expect(report.locator('tbody tr')).toHaveCount(2);
  await expect(report.locator('tbody tr').nth(0).locator('td')).toHaveText(['3', 'unit', 'Unité inconnue (pièce : piece, kg ou litre).']);
  await expect(report.locator('tbody tr').nth(1).locator('td')).toHaveText(['4', 'barcodes', 'Code-barres invalide (EAN-13, EAN-8 ou UPC-A avec sa clé de contrôle).']);
  await page.goto(`/stock/products?q=${batch}&state=all`);
  await expect(page.getByTestId('product-count')).toHaveText('0 produit');

  await page.goto('/stock/import');
  await hydrated(page);
  const good = bad.replace(';box;', ';piece;').replace('4006381333932', freshBarcode());
  await page.locator('#import-text').fill(good);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Import terminé : 3 ajouté(s), 0 mis à jour, 0 inchangé(s).');
  await page.goto(`/stock/products?q=${batch}&state=all`);
  await expect(page.getByTestId('product-count')).toHaveText('3 produits');

  // The same list again with a new price: the lentils (no barcode: known by their name) are
  // updated, the others are left as they are, nothing is added.
  await page.goto('/stock/import');
  await hydrated(page);
  await page.locator('#import-text').fill(good.replace(';kg;4,20;', ';kg;4,40;'));
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Import terminé : 0 ajouté(s), 1 mis à jour, 2 inchangé(s).');
  await page.goto(`/stock/products?q=${batch}&state=all`);
  await expect(page.getByTestId('product-count')).toHaveText('3 produits');
  await expect(page.locator('.product-list li').filter({ hasText: 'Lentilles' })).toContainText('4,40 €');

  // Their categories were made on the way; one is renamed, and another's name is refused.
  await page.goto('/stock/categories');
  await hydrated(page);
  const categories = page.getByTestId('categories');
  await expect(categories).toContainText(`Vrac ${batch}`);
  const bulk = page.getByTestId('category').filter({ hasText: `Vrac ${batch}` });
  await bulk.getByTestId('category-rename').click();
  const name = page.getByLabel('Nouveau nom');
  await name.fill(`Droguerie ${batch}`);
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(page.locator('.field-error')).toHaveText('Déjà utilisé par quelqu’un d’autre.');
  await name.fill(`Légumineuses ${batch}`);
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(categories).toContainText(`Légumineuses ${batch}`);
  await expect(categories).not.toContainText(`Vrac ${batch}`);
  await expect(page.getByTestId('category').filter({ hasText: `Légumineuses ${batch}` }).locator('td.num')).toHaveText('1');
});

test('a stock manager edits the barcode nomenclature', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'stock@demo.ruche.coop');
  await page.goto('/stock/nomenclature');
  await hydrated(page);
  const rules = page.getByTestId('rule');
  const before = await rules.count();
  expect(before).toBeGreaterThan(0);

  // A price-labelled rule for 29, tried first; with a typo first.
  await page.getByRole('button', { name: 'Ajouter une règle' }).click();
  await expect(rules).toHaveCount(before + 1);
  const added = rules.last();
  await added.locator('select[name$="[kind]"]').selectOption('price_embedded');
  await added.locator('input[name$="[pattern]"]').fill('2x');
  await added.locator('select[name$="[length]"]').selectOption('13');
  await added.locator('input[name$="[start]"]').fill('8');
  await added.locator('input[name$="[len]"]').fill('5');
  // Up to the top, one place at a time: at step n it is the (before - n)th rule.
  for (let n = 0; n < before; n++) {
    const moving = rules.nth(before - n);
    await expect(moving.locator('input[name$="[pattern]"]')).toHaveValue('2x');
    await moving.getByRole('button', { name: 'Monter' }).click();
  }
  const first = rules.first();
  await expect(first.locator('strong')).toHaveText('Règle 1');
  await expect(first.locator('input[name$="[pattern]"]')).toHaveValue('2x');
  await expect(first.getByRole('button', { name: 'Monter' })).toBeDisabled();
  await fitsThePhone(page);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('alert').last()).toHaveText('La règle 1 de la nomenclature est inutilisable.');
  await expect(first.locator('.field-error')).toHaveText('Utilisez seulement des chiffres, . pour n\'importe quel chiffre et des plages comme [1-9].');

  await first.locator('input[name$="[pattern]"]').fill('29');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Nomenclature enregistrée');
  await page.reload();
  await hydrated(page);
  await expect(rules).toHaveCount(before + 1);
  await expect(rules.first().locator('select[name$="[kind]"]')).toHaveValue('price_embedded');
  await expect(rules.first().locator('input[name$="[pattern]"]')).toHaveValue('29');
  await expect(rules.first().locator('input[name$="[start]"]')).toHaveValue('8');

  // Removed again, and the usual rules back for the tills.
  await rules.first().getByRole('button', { name: 'Retirer' }).click();
  await expect(rules).toHaveCount(before);
  await page.getByRole('button', { name: 'Remettre les règles habituelles' }).click();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Nomenclature enregistrée');
  expect(errors).toEqual([]);
});

test('an admin adds a till', async ({ page }) => {
  await signIn(page, 'admin@demo.ruche.coop');
  await page.goto('/stock');
  await page.getByRole('link', { name: /Tills/ }).click();
  await expect(page).toHaveURL(/\/admin\/tills$/);
  await hydrated(page);
  await page.locator('#field-name').fill(`Till ${stamp}`);
  await page.getByRole('button', { name: 'Add the till' }).click();
  await expect(page.getByTestId('tills')).toContainText(`Till ${stamp}`);
  // The name is cleared for the next till; the same name again is refused.
  await expect(page.locator('#field-name')).toHaveValue('');
  await page.locator('#field-name').fill(`Till ${stamp}`);
  await page.getByRole('button', { name: 'Add the till' }).click();
  await expect(page.locator('.field-error')).toHaveText('Already used by someone else.');
});
