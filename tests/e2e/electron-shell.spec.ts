import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../electron/binary';

// The real shell, where the Electron binary is installed (`npx install-electron`): this workplace's
// machines cannot download it, so here these tests are reported as skipped with the reason. What they
// check in the real binary is also checked without it: the bundles against a fake electron module
// (tests/unit/electron-bundle.test.ts) and the renderer over the bundled preload
// (tests/e2e/electron-renderer.spec.ts).
const binary = findElectronBinary(fileURLToPath(new URL('../../node_modules/electron/', import.meta.url)));
test.skip(!binary.found, binary.found ? '' : `no Electron binary on this machine: ${binary.advice.split('\n')[0]}`);

test('the packaged renderer opens at app://kiosk/ in a sandboxed window with only window.kiosk', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'hai-long-electron-'));
  const app = await electron.launch({
    executablePath: binary.found ? binary.path : undefined,
    args: ['dist/electron-app', `--server=${process.env.HAILONG_BASE_URL}`],
    env: { ...process.env, HAILONG_USER_DATA: userData },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('[data-screen="setup"]')).toBeVisible();
    expect(window.url()).toBe('app://kiosk/');
    expect(
      await window.evaluate(() => [
        typeof (window as { require?: unknown }).require,
        typeof (window as { process?: unknown }).process,
        typeof (window as { kiosk?: unknown }).kiosk,
      ]),
    ).toEqual(['undefined', 'undefined', 'object']);
    await expect(window.getByLabel('Địa chỉ máy chủ của quận')).toHaveValue(process.env.HAILONG_BASE_URL!);
    // Navigation away is refused by the main process: its own will-navigate handler (registered
    // before this listener) has prevented it by the time this listener hears of the attempt.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as { navigationRefused?: Promise<boolean> }).navigationRefused = new Promise((resolve) =>
        contents.once('will-navigate', (event) => resolve(event.defaultPrevented)),
      );
    });
    await window.evaluate(() => (location.href = 'https://example.com/'));
    expect(await app.evaluate(() => (globalThis as { navigationRefused?: Promise<boolean> }).navigationRefused)).toBe(true);
    expect(window.url()).toBe('app://kiosk/');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
