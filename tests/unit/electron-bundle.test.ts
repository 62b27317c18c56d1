import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type KioskBridge } from '../../shared/contract/bridge';
import { KIOSK_CSP } from '../../shared/security/kiosk-csp';
import { DEFAULT_OPENING_HOURS, isOpen } from '../../shared/schema/opening-hours';
import { fakeElectron, type FakeElectron } from './support/fake-electron';

/**
 * The Electron binary cannot run here, so the shell's two bundles are loaded in Node with a fake
 * `electron` module: this checks the wiring of main.ts (what it registers, with which options and
 * guards) and of the preload, as built for packaging, not only the modules they call.
 */
let out: string;
let electron: FakeElectron;
const load = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const realLoad = load._load;

async function buildShell(dir: string) {
  for (const mode of ['preload', 'main']) {
    await build({ configFile: 'vite.electron.config.ts', mode, logLevel: 'silent', build: { outDir: dir } });
  }
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'hai-long-shell-'));
  await buildShell(out);
  await mkdir(join(out, 'renderer'), { recursive: true });
  await writeFile(join(out, 'renderer', 'index.html'), '<!doctype html><title>Hài Lòng</title>');
  electron = fakeElectron(join(out, 'user-data-parent'));
  load._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? electron.module : realLoad.call(this, request, ...rest);
  };
}, 60_000);

afterAll(async () => {
  load._load = realLoad;
  await rm(out, { recursive: true, force: true });
});

describe('the bundled preload', () => {
  it('is one file requiring only electron, and exposes window.kiosk that checks messages before sending', async () => {
    const source = await readFile(join(out, 'preload.cjs'), 'utf8');
    expect([...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    createRequire(import.meta.url)(join(out, 'preload.cjs'));
    const kiosk = electron.exposed.get('kiosk') as KioskBridge;
    // One door, one method: every channel of the bridge contract goes through `invoke`.
    expect(Object.keys(kiosk)).toEqual(['invoke']);
    await kiosk.invoke('kiosk:screen', { onStartScreen: true });
    expect(await kiosk.invoke('kiosk:enrol', { code: 'ABCD', serverOrigin: 'file:///etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'invalid kiosk:enrol message' },
    });
    expect(await kiosk.invoke('kiosk:no-such-channel' as never, undefined as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(electron.invoked).toEqual([['kiosk:screen', { onStartScreen: true }]]);
  });
});

describe('the bundled main process', () => {
  beforeAll(async () => {
    // What `npm start` passes: the setup screen's suggested server.
    process.argv.push('--server=http://127.0.0.1:45678');
    createRequire(import.meta.url)(join(out, 'main.cjs'));
    await electron.ready();
    process.argv.pop();
  });

  it('opens one locked-down kiosk window on app://kiosk/ with the preload', () => {
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window!.options.webPreferences).toEqual({
      preload: join(out, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: true, // an unpackaged shell; a packaged one has none
      spellcheck: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      zoomFactor: 1,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window!.options).toMatchObject({ fullscreen: true, kiosk: true, autoHideMenuBar: true });
    expect(window!.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(window!.loaded).toEqual(['app://kiosk/']);
    expect(electron.singleInstance).toBe(true);
    expect(electron.userData).toMatch(/hai-long-kiosk$/);
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('blocks navigation away, new windows, webviews and the escape shortcuts', () => {
    const contents = electron.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(contents.fire(event, { url: 'https://evil.example/' }), event).toBe(true);
      expect(contents.fire(event, { url: 'app://kiosk/index.html' }), event).toBe(false);
    }
    expect(contents.fire('will-attach-webview', {})).toBe(true);
    expect(contents.windowOpen?.({ url: 'app://kiosk/' })).toEqual({ action: 'deny' });
    expect(
      contents.fire('before-input-event', {}, { type: 'keyDown', key: 'F4', alt: true, control: false, shift: false, meta: false }),
    ).toBe(true);
    expect(
      contents.fire('before-input-event', {}, { type: 'keyDown', key: 'a', alt: false, control: false, shift: false, meta: false }),
    ).toBe(false);
  });

  it('answers every bridge channel, only for the kiosk page', async () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...BRIDGE_CHANNELS].sort());
    const settings = electron.handlers.get('kiosk:settings')!;
    const fromKiosk = { senderFrame: { url: 'app://kiosk/', parent: null } };
    expect(await settings(fromKiosk, undefined)).toMatchObject({
      ok: true,
      value: { serverOrigin: 'http://127.0.0.1:45678', qrScanning: false },
    });
    expect(await settings({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await electron.handlers.get('kiosk:config')!(fromKiosk, undefined)).toEqual({ ok: true, value: null });
    // What only the main process knows, for the technician's screen.
    expect(await electron.handlers.get('kiosk:diagnostics')!(fromKiosk, undefined)).toEqual({
      ok: true,
      value: { tokenEncrypted: null, journalEntries: 0, incarnations: 0, update: { pending: null, installing: false } },
    });
  });

  it('serves the packaged renderer with the CSP, and denies permissions and remote requests', async () => {
    const page = await electron.protocolHandler!(new Request('app://kiosk/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await electron.protocolHandler!(new Request('app://kiosk/../../main.cjs'))).status).toBe(404);
    expect(electron.permission('media', 'app://kiosk/')).toBe(false);
    expect(electron.permission('notifications', 'app://kiosk/')).toBe(false);
    expect(electron.cancelRequest('https://cdn.example/x.js')).toBe(true);
    expect(electron.cancelRequest('app://kiosk/assets/a.js')).toBe(false);
    // The same CSP on every response of the window's session, as the scan reads it from main.ts.
    expect(electron.headersFor({ 'x-other': ['1'] })).toEqual({ 'x-other': ['1'], 'Content-Security-Policy': [KIOSK_CSP] });
  });

  it('keeps the display awake if and only if the counter is open now', () => {
    expect(electron.blockers.size).toBe(isOpen(DEFAULT_OPENING_HOURS, new Date()) ? 1 : 0);
  });
});
