import { defineConfig } from '@playwright/test';

// The till's figures measured in Chromium, run only by `make bench` (scripts/bench.sh): a
// release server on a database with 20,000 products and the demo coop, already started at
// BENCH_URL; the figures are merged into BENCH_RESULTS.
export default defineConfig({
  testDir: './bench',
  testMatch: '*.bench.ts',
  timeout: 300_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.BENCH_URL ?? 'http://127.0.0.1:3202',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
