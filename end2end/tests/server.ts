import { ChildProcess, spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';

/**
 * A server of its own for a test that stops and starts it: the binary Playwright's webServer
 * runs (E2E_SERVER), with the same environment, on its own loopback port and a fresh SQLite
 * file with the demo coop.
 */
export class OwnServer {
  readonly url: string;
  private readonly db: string;
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {
    this.url = `http://127.0.0.1:${port}`;
    const file = path.join(os.tmpdir(), `ruche-e2e-${port}-${process.pid}-${Date.now()}.db`);
    this.db = `sqlite://${file}?mode=rwc`;
  }

  /** Starts the server and waits until it answers /health (60 s at most). */
  async start() {
    this.child = spawn(process.env.E2E_SERVER ?? '../target/debug/server', [], {
      env: {
        ...process.env,
        DATABASE_URL: this.db,
        RUCHE_DEMO: '1',
        LEPTOS_SITE_ADDR: `127.0.0.1:${this.port}`,
        LEPTOS_SITE_ROOT: process.env.E2E_SITE_ROOT ?? '../target/site',
        LEPTOS_OUTPUT_NAME: 'ruche',
        LEPTOS_SITE_PKG_DIR: 'pkg',
        LEPTOS_ENV: 'PROD',
        RUST_LOG: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server on ${this.url} did not answer /health within 60 s`);
  }

  /** Kills the server (SIGKILL) and waits until it is gone. */
  async kill() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}
