import { defineConfig } from '@playwright/test';

// The server under test: started by Playwright on a fresh SQLite database with the demo coop,
// stopped when the tests end. `make test` sets E2E_SERVER (the built binary) and E2E_DB. It
// sends mail to 127.0.0.1:E2E_SMTP_PORT, where a test that reads a mail listens
// (tests/smtp.ts): the admins' outbox never shows a reset link.
const port = process.env.E2E_PORT ?? '3100';
const base = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: base,
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: process.env.E2E_SERVER ?? '../target/debug/server',
    url: `${base}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DB ?? 'sqlite://../target/e2e/ruche.db?mode=rwc',
      RUCHE_DEMO: '1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: process.env.E2E_SMTP_PORT ?? '3125',
      SMTP_TLS: 'none',
      SMTP_FROM: 'Ruche <noreply@ruche.test>',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: process.env.E2E_SITE_ROOT ?? '../target/site',
      LEPTOS_OUTPUT_NAME: 'ruche',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
    },
  },
});
