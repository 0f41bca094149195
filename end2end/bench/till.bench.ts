import { Browser, expect, Page, test } from '@playwright/test';
import * as fs from 'fs';

// The till in headless Chromium with 20,000 products (`loadgen products`) and the demo coop:
// - till_catalogue_cold_ms: from picking the till to the scan field ready, on a device that
//   keeps nothing yet (a fresh browser context): the catalogue comes from the server. Median
//   of 3.
// - till_catalogue_warm_ms: the same from the device's own copy (IndexedDB), page reloaded.
//   Median of 5.
// - scan_to_line_p95_ms: from the scanner's Enter (keydown in the page) to the frame after
//   the line appears, with 50 lines in the basket; 60 scans of products not in it yet.

/** The barcode of bulk product i: 977 + 9 digits + EAN-13 check digit. */
function barcode(i: number): string {
  const data = `977${String(i).padStart(9, '0')}`;
  const sum = [...data].reduce((s, d, k) => s + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  return data + String((10 - (sum % 10)) % 10);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(s.length * p))) - 1];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Records, in the page, when the till was picked and when the scan field came. */
const WATCH = () => {
  const w = window as unknown as { pickedAt?: number; readyAt?: number };
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element).closest('[data-testid=till-pick]')) w.pickedAt = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (w.readyAt === undefined && document.querySelector('[data-testid=scan]')) w.readyAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.locator('#email').fill('cashier@demo.ruche.coop');
  await page.locator('#password').fill('ruche-demo');
  await page.locator('form[action="/auth/sign-in"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/till$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
}

/** Picks Till 1 (opening it with a float the first time) and times it until it can scan. */
async function pickTill(page: Page): Promise<number> {
  await page.getByTestId('till-pick').filter({ hasText: 'Till 1' }).click();
  if (await page.getByTestId('open-session').isVisible()) {
    await page.locator('#count-1000').fill('5');
    await page.evaluate(() => ((window as unknown as { pickedAt?: number }).pickedAt = performance.now()));
    await page.getByTestId('open-session').click();
  }
  await expect(page.getByTestId('scan')).toBeVisible({ timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as unknown as { pickedAt: number; readyAt: number };
    return w.readyAt - w.pickedAt;
  });
}

/** Waits until the device has saved its copy of the whole catalogue. */
async function kept(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const r = indexedDB.open('ruche-till');
              r.onsuccess = () => {
                const g = r.result.transaction('kept').objectStore('kept').get('catalogue');
                g.onsuccess = () => resolve(typeof g.result === 'string' ? g.result.length : 0);
                g.onerror = () => resolve(0);
              };
              r.onerror = () => resolve(0);
            }),
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(1_000_000);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  await signIn(page);
  return page;
}

test('the till with 20,000 products', async ({ browser }) => {
  const cold: number[] = [];
  for (let k = 0; k < 3; k++) {
    const page = await freshPage(browser);
    cold.push(await pickTill(page));
    if (k < 2) await page.context().close();
  }
  const page = await freshPage(browser);
  await pickTill(page);
  await kept(page);
  const warm: number[] = [];
  for (let k = 0; k < 5; k++) {
    await page.reload();
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    warm.push(await pickTill(page));
  }

  // 50 lines in the basket, then 60 timed scans of other products.
  const lines = page.getByTestId('line');
  for (let i = 0; i < 50; i++) await page.keyboard.type(`${barcode(i * 199)}\n`);
  await expect(lines).toHaveCount(50);
  await page.evaluate(() => {
    const w = window as unknown as { scans: number[] };
    w.scans = [];
    const scan = document.querySelector('[data-testid=scan]')!;
    scan.addEventListener(
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key !== 'Enter') return;
        const t0 = performance.now();
        const before = document.querySelectorAll('[data-testid=line]').length;
        const seen = new MutationObserver(() => {
          if (document.querySelectorAll('[data-testid=line]').length === before) return;
          seen.disconnect();
          requestAnimationFrame(() => w.scans.push(performance.now() - t0));
        });
        seen.observe(document.body, { childList: true, subtree: true });
      },
      true,
    );
  });
  for (let k = 0; k < 60; k++) {
    await page.keyboard.type(`${barcode(10_001 + k * 131)}\n`);
    await expect(lines).toHaveCount(51 + k);
  }
  // Each time is taken in the frame after its line appears: the last one may come after the
  // line count was seen.
  const scans = async (): Promise<number[]> =>
    page.evaluate(() => (window as unknown as { scans: number[] }).scans);
  await expect.poll(async () => (await scans()).length).toBe(60);
  const times = await scans();

  const figures = {
    till_catalogue_cold_ms: round(median(cold)),
    till_catalogue_warm_ms: round(median(warm)),
    scan_to_line_p95_ms: round(percentile(times, 0.95)),
  };
  console.log(JSON.stringify({ cold, warm, scan_p50: percentile(times, 0.5), ...figures }));
  const out = process.env.BENCH_RESULTS;
  if (out) {
    const all = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
    fs.writeFileSync(out, JSON.stringify({ ...all, ...figures }, null, 2));
  }
});
