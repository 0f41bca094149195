import { expect, Page, test } from '@playwright/test';
import { signIn } from './helpers';

// Inventory counts on phones: two people count the same product at once (one by its barcode,
// the other by a search), each sees the other's line and the difference, one validates, and
// the stock holds what was counted. The camera scanning script is on the count page only, and
// its WASM decoder reads a code under the page's Content-Security-Policy.
const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

const stamp = Date.now().toString(36);
const BREAD = '5412345000013';
const BREAD_NAME = 'Pain complet 800 g';

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(phone.width);
}

/** The quantity on hand of the demo's bread, in pieces, from its product page. */
async function breadOnHand(page: Page): Promise<number> {
  await page.goto(`/stock/products?q=${encodeURIComponent(BREAD)}`);
  await page.locator('.product-list a').first().click();
  const text = (await page.getByTestId('on-hand').textContent()) ?? '';
  return Number(text.replace(/[^0-9-]/g, ''));
}

test('two people count the same product at once, see the difference and validate it', async ({ browser }) => {
  const shelf = await browser.newContext({ viewport: phone });
  const stockroom = await browser.newContext({ viewport: phone });
  const lea = await shelf.newPage();
  const tom = await stockroom.newPage();
  await signIn(lea, 'stock@demo.ruche.coop');
  await expect(lea).toHaveURL(/\/stock$/);
  await signIn(tom, 'admin@demo.ruche.coop');
  const before = await breadOnHand(lea);

  // Léa opens a count from the stock hub.
  await lea.goto('/stock');
  await lea.getByRole('link', { name: /Inventaires/ }).click();
  await expect(lea).toHaveURL(/\/stock\/counts$/);
  await lea.locator('#field-title').fill(`Rayon pain ${stamp}`);
  await lea.locator('#field-location').fill('Rayon 1');
  await lea.getByRole('button', { name: "Ouvrir l'inventaire" }).click();
  await expect(lea).toHaveURL(/\/stock\/counts\/[0-9a-f-]{36}$/);
  const count = lea.url();
  await expect(lea.getByTestId('count-title')).toContainText(`Rayon pain ${stamp}`);
  await fitsThePhone(lea);

  // The barcode field takes the scanner's input at once, and has its camera button.
  await expect(lea.locator('#field-code')).toBeFocused();
  await expect(lea.locator('#field-code')).toHaveAttribute('data-scan', '');
  await expect(lea.locator('.scan-camera')).toHaveText('📷 Caméra');

  // A refused quantity comes back with what was typed, and counts nothing.
  await lea.locator('#field-code').fill(BREAD);
  await lea.locator('#field-quantity').fill('-3');
  await lea.getByRole('button', { name: 'Compter', exact: true }).click();
  await expect(lea.locator('.field-error')).toHaveCount(1);
  await expect(lea.locator('#field-code')).toHaveValue(BREAD);
  await expect(lea.locator('#field-quantity')).toHaveValue('-3');
  await expect(lea.getByTestId('count-line')).toHaveCount(0);

  // Léa scans 7 loaves on the shelf.
  await lea.locator('#field-quantity').fill('7');
  await lea.getByRole('button', { name: 'Compter', exact: true }).click();
  await expect(lea).toHaveURL(/\?counted=/);
  await expect(lea.getByTestId('counted')).toContainText(BREAD_NAME);
  await expect(lea.getByTestId('count-line')).toHaveCount(1);
  await expect(lea.locator('#field-code')).toBeFocused();

  // Tom, at the same time in the stockroom, finds it by name and counts 5.
  await tom.goto(count);
  await tom.getByRole('searchbox').fill('pain complet');
  await tom.getByRole('searchbox').press('Enter');
  await tom.getByTestId('count-search').getByRole('link', { name: new RegExp(BREAD_NAME) }).click();
  await expect(tom.getByTestId('count-product')).toContainText(BREAD_NAME);
  await expect(tom.locator('#field-quantity')).toBeFocused();
  await tom.locator('#field-quantity').fill('5');
  await tom.locator('.count-form button[type=submit]').click();
  await expect(tom).toHaveURL(/\?counted=/);
  await fitsThePhone(tom);

  // Léa refreshes: both lines merge, and the difference shows.
  await lea.getByTestId('count-refresh').click();
  const line = lea.getByTestId('count-line');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('count-counters')).toContainText('7 pc');
  await expect(line.getByTestId('count-counters')).toContainText('5 pc');
  const difference = 12 - before;
  const signed = `${difference > 0 ? '+' : ''}${difference} pc`;
  await expect(line.getByTestId('count-difference')).toContainText(signed);
  await fitsThePhone(lea);

  // Léa validates; the stock holds the 12 counted.
  await lea.getByTestId('count-validate-open').click();
  await lea.getByTestId('count-validate').click();
  await expect(lea).toHaveURL(/\?notice=validated$/);
  await expect(lea.getByTestId('count-closed')).toContainText('Validé par');
  await expect(lea.locator('#field-code')).toHaveCount(0);
  expect(await breadOnHand(lea)).toBe(12);

  // Validating again from Tom's page, still showing the form, is refused and changes nothing.
  await tom.getByTestId('count-validate-open').click();
  await tom.getByTestId('count-validate').click();
  await expect(tom.locator('.alert.error')).toBeVisible();
  expect(await breadOnHand(lea)).toBe(12);
  await shelf.close();
  await stockroom.close();
});

test('the camera script is on the count page only, and its WASM decoder reads a code', async ({ page }) => {
  await signIn(page, 'stock@demo.ruche.coop');
  for (const path of ['/stock', '/stock/products', '/stock/counts', '/stock/categories']) {
    await page.goto(path);
    await expect(page.locator('script[src="/scan.js"]')).toHaveCount(0);
    await expect(page.locator('script[src*="scanner"]')).toHaveCount(0);
  }
  await page.goto('/stock/counts');
  await page.locator('#field-title').fill(`Caméra ${stamp}`);
  await page.getByRole('button', { name: "Ouvrir l'inventaire" }).click();
  await expect(page).toHaveURL(/\/stock\/counts\/[0-9a-f-]{36}$/);
  const script = page.locator('script[src="/scan.js"]');
  await expect(script).toHaveCount(1);
  // It carries the page's nonce (browsers hide the attribute's value, not the property's).
  expect(await script.evaluate((s: HTMLScriptElement) => s.nonce.length > 0)).toBe(true);

  // The fallback decoder, loaded as scan.js loads it, reads a drawn EAN-13 under the page's CSP.
  const read = await page.evaluate(async (code: string) => {
    const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
    const G = L.map((l) => [...l].map((b) => (b === '0' ? '1' : '0')).reverse().join(''));
    const R = L.map((l) => [...l].map((b) => (b === '0' ? '1' : '0')).join(''));
    const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGGL', 'LGLGLG', 'LGGLGL'];
    const d = [...code].map(Number);
    let bits = '101';
    for (let i = 1; i < 7; i += 1) bits += (PARITY[d[0]][i - 1] === 'G' ? G : L)[d[i]];
    bits += '01010';
    for (let i = 7; i < 13; i += 1) bits += R[d[i]];
    bits += '101';
    const scale = 3;
    const width = (bits.length + 20) * scale;
    const height = 20;
    const gray = new Uint8Array(width * height).fill(220);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const m = Math.floor(x / scale) - 10;
        if (m >= 0 && m < bits.length && bits[m] === '1') gray[y * width + x] = 30;
      }
    }
    const m = await import('/pkg/scanner.js');
    await m.default({ module_or_path: '/pkg/scanner_bg.wasm' });
    return m.decode(gray, width, height);
  }, BREAD);
  expect(read).toBe(BREAD);
});
