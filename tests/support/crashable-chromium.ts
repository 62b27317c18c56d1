import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

/**
 * A Chromium we start ourselves, in its own process group, on a persistent profile: so a test can
 * SIGKILL the whole browser (no clean shutdown, no flush on exit) and start it again on the same disk.
 */
export class CrashableChromium {
  private process: ChildProcess | null = null;
  browser: Browser | null = null;

  constructor(private readonly profileDir: string) {}

  async launch(): Promise<Browser> {
    const executable = chromiumExecutable() ?? chromium.executablePath();
    const portFile = join(this.profileDir, 'DevToolsActivePort');
    await readFile(portFile).then(
      () => import('node:fs/promises').then((fs) => fs.rm(portFile)),
      () => undefined,
    );
    this.process = spawn(
      executable,
      [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${this.profileDir}`, 'about:blank'],
      { detached: true, stdio: 'ignore' },
    );
    const port = await waitForPort(portFile);
    this.browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return this.browser;
  }

  /** Like a crash: every process of the browser dies at once. */
  kill() {
    if (this.process?.pid) process.kill(-this.process.pid, 'SIGKILL');
    this.process = null;
    this.browser = null;
  }

  async close() {
    await this.browser?.close().catch(() => undefined);
    this.kill();
  }
}

async function waitForPort(portFile: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const text = await readFile(portFile, 'utf8').catch(() => '');
    const port = Number.parseInt(text.split('\n')[0] ?? '', 10);
    if (port > 0) return port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Chromium did not open its DevTools port in time');
}
