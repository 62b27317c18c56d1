import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/binary';
import { readDiagnostics, reportError } from '../../renderer/diagnostics';
import { UpdateGate } from '../../renderer/host/app-update';
import { BrowserHost, DEVICE_TOKEN_KEY, type BrowserHostOptions } from '../../renderer/host/browser-host';
import { EnrolmentError } from '../../shared/sync/enrolment';
import { catalogueKeys, translate } from '../../renderer/i18n/messages';
import { demoKioskConfig } from '../../shared/demo';
import { fakeKioskDb } from './support/fake-db';
import { sampleRating } from '../support/fixtures';

const sampleQueued = (kioskId: string) => ({ ...sampleRating(1, new Date(), { kioskId }), syncedAt: null });

describe('locale files', () => {
  it('English has every Vietnamese key and no others', () => {
    expect(catalogueKeys('en')).toEqual(catalogueKeys('vi'));
  });

  it('fills placeholders and keeps full diacritics', () => {
    expect(translate('vi', 'comment.counter', { count: 12, max: 500 })).toBe('12/500 ký tự');
    expect(translate('vi', 'apology.storage.title')).toBe('Xin lỗi, máy tạm thời chưa ghi nhận được đánh giá');
    expect(translate('vi', 'apology.internal.title')).toBe('Xin lỗi, vui lòng thử lại');
    expect(translate('en', 'countdown.body', { seconds: 3 })).toBe('The screen will start over in 3 seconds.');
  });
});

describe('browser host', () => {
  const SERVER = 'http://127.0.0.1:8080';
  const noNetwork: typeof fetch = () => Promise.reject(new TypeError('offline'));
  const host = (db: ReturnType<typeof fakeKioskDb>, search: string, extra: Partial<BrowserHostOptions> = {}) =>
    new BrowserHost(db, { search, serverOrigin: SERVER, fetch: noNetwork, appVersion: '0.1.0', ...extra });

  it('runs a demo ward with a kiosk id of its own, kept across restarts', async () => {
    const db = fakeKioskDb();
    let made = 0;
    const newKioskId = () => `7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5${++made}`;
    const first = (await host(db, '?demo=hue-3', { newKioskId }).loadConfig())!;
    const second = (await host(db, '?demo', { newKioskId }).loadConfig())!;
    expect(first.kioskId).toBe(second.kioskId);
    expect(made).toBe(1);
    expect(first.template.id).toBe('hue-3');
    expect(second.template.id).toBe('sipas-5');
    expect((await host(db, '?demo=nonsense', { newKioskId }).loadConfig())?.template.id).toBe('sipas-5');
  });

  it('has no configuration until enrolled or asked for the demo: the setup screen shows', async () => {
    expect(await host(fakeKioskDb(), '').loadConfig()).toBeNull();
    let asked = '';
    const up: typeof fetch = async (url) => {
      asked = String(url);
      return new Response('{"ok":true}');
    };
    expect(await host(fakeKioskDb(), '', { fetch: up }).checkConnection()).toBe(true);
    expect(asked).toBe(`${SERVER}/healthz`);
    expect(await host(fakeKioskDb(), '').checkConnection()).toBe(false);
  });

  it('prefers a stored configuration, and ignores a corrupted one', async () => {
    const db = fakeKioskDb();
    const stored = demoKioskConfig('11111111-2222-4333-8444-555555555555', 'tt01-2018');
    await db.meta.put({ key: 'config', value: stored });
    expect((await host(db, '').loadConfig())?.template.id).toBe('tt01-2018');
    await db.meta.put({ key: 'config', value: { ...stored, kioskId: 42 } });
    expect(await host(db, '').loadConfig()).toBeNull();
  });

  it('enrols with ?enrol=, keeps the configuration and the token, and never redeems twice', async () => {
    const db = fakeKioskDb();
    const config = demoKioskConfig('11111111-2222-4333-8444-555555555555', 'hue-3');
    const calls: { url: string; body: unknown }[] = [];
    const server: typeof fetch = async (url, init) => {
      calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(
        JSON.stringify({ kioskId: config.kioskId, deviceToken: 'd'.repeat(43), config, serverTime: '2026-11-22T10:00:00.000+07:00' }),
        {
          status: 201,
        },
      );
    };
    expect(await host(db, '?enrol=ABCD-EFGH-JKLM', { fetch: server }).loadConfig()).toEqual(config);
    // With the public half of the kiosk's new export key (the private half stays in WebCrypto).
    expect(calls).toEqual([
      {
        url: `${SERVER}/api/v1/enrol`,
        body: { code: 'ABCD-EFGH-JKLM', appVersion: '0.1.0', exportKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
      },
    ]);
    expect((await db.meta.get(DEVICE_TOKEN_KEY))?.value).toBe('d'.repeat(43));
    expect(await host(db, '?enrol=ABCD-EFGH-JKLM', { fetch: server }).loadConfig()).toEqual(config);
    expect(calls).toHaveLength(1);
  });

  it('re-enrols with a new code; holding unsent ratings, it asks to keep its identity', async () => {
    const db = fakeKioskDb();
    const config = demoKioskConfig('11111111-2222-4333-8444-555555555555', 'hue-3');
    const bodies: unknown[] = [];
    const server: typeof fetch = async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(
        JSON.stringify({
          kioskId: config.kioskId,
          deviceToken: `t${bodies.length}`.padEnd(43, 'x'),
          config,
          serverTime: '2026-11-22T10:00:00.000+07:00',
        }),
        {
          status: 201,
        },
      );
    };
    await host(db, '?enrol=ABCD-EFGH-JKLM', { fetch: server }).loadConfig();
    // Nothing unsent: a new code may give it a new identity (a move to another counter).
    await host(db, '?enrol=BBBB-CCCC-DDDD', { fetch: server }).loadConfig();
    // The same export key again: files this kiosk signed before still import.
    expect(bodies[1]).toEqual({ code: 'BBBB-CCCC-DDDD', appVersion: '0.1.0', exportKey: (bodies[0] as { exportKey: string }).exportKey });
    await db.ratings.add({ ...sampleQueued(config.kioskId), state: 'pending' } as never);
    await host(db, '?enrol=CCCC-DDDD-EEEE', { fetch: server }).loadConfig();
    expect(bodies[2]).toEqual({
      code: 'CCCC-DDDD-EEEE',
      appVersion: '0.1.0',
      keepKioskId: config.kioskId,
      exportKey: (bodies[0] as { exportKey: string }).exportKey,
    });
    expect((await db.meta.get(DEVICE_TOKEN_KEY))?.value).toBe('t3'.padEnd(43, 'x'));
    // The server refuses another kiosk's code: explained, and the kiosk keeps what it had.
    const refusing: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'kiosk_mismatch', message: '' } }), { status: 409 });
    await expect(host(db, '?enrol=DDDD-EEEE-FFFF', { fetch: refusing }).loadConfig()).rejects.toMatchObject({ problem: 'kiosk_mismatch' });
    expect((await db.meta.get(DEVICE_TOKEN_KEY))?.value).toBe('t3'.padEnd(43, 'x'));
    expect(await host(db, '').loadConfig()).toEqual(config);
  });

  it.each([
    [404, { error: { code: 'unknown_code', message: '' } }, 'wrong_code'],
    [409, { error: { code: 'code_used', message: '' } }, 'used_code'],
    [410, { error: { code: 'code_expired', message: '' } }, 'expired_code'],
    [500, { error: { code: 'internal', message: '' } }, 'server_error'],
    [502, '<html>Bad gateway</html>', 'server_error'],
    [201, { kioskId: 'not what the schema says' }, 'server_error'],
  ])('explains an HTTP %i answer as %s, and keeps nothing', async (status, body, problem) => {
    const db = fakeKioskDb();
    const server: typeof fetch = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    await expect(host(db, '?enrol=ABCD-EFGH-JKLM', { fetch: server }).loadConfig()).rejects.toMatchObject({ problem });
    expect(await db.meta.count()).toBe(0);
  });

  it('explains an unreachable server', async () => {
    await expect(host(fakeKioskDb(), '?enrol=ABCD-EFGH-JKLM').loadConfig()).rejects.toEqual(new EnrolmentError('unreachable'));
  });
});

describe('applying a new app version', () => {
  it('waits for the start screen, never reloads a citizen’s flow, and applies once', () => {
    const gate = new UpdateGate();
    let applied = 0;
    gate.screenShown('start');
    gate.screenShown('criteria');
    gate.updateReady(() => applied++);
    for (const screen of ['reasons', 'comment', 'thanks']) gate.screenShown(screen);
    expect(applied).toBe(0);
    gate.screenShown('start');
    expect(applied).toBe(1);
    gate.screenShown('criteria');
    gate.screenShown('start');
    expect(applied).toBe(1);
    // Idle on the start screen (or the setup screen): applied at once.
    gate.updateReady(() => applied++);
    expect(applied).toBe(2);
    const setup = new UpdateGate();
    setup.screenShown('setup');
    setup.updateReady(() => applied++);
    expect(applied).toBe(3);
  });
});

describe('diagnostics log', () => {
  const memoryStorage = (): Storage => {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (k) => data.get(k) ?? null,
      key: (i) => [...data.keys()][i] ?? null,
      removeItem: (k) => data.delete(k),
      setItem: (k, v) => data.set(k, v),
    };
  };

  it('keeps the last 50 errors by name and message', () => {
    const storage = memoryStorage();
    const quiet = console.error;
    console.error = () => {};
    try {
      for (let i = 0; i < 60; i++) reportError('test', new DOMException(`full ${i}`, 'QuotaExceededError'), storage);
      reportError('render', { error: new TypeError('x is undefined'), componentStack: '...' }, storage);
    } finally {
      console.error = quiet;
    }
    const entries = readDiagnostics(storage);
    expect(entries).toHaveLength(50);
    expect(entries.at(-1)).toMatchObject({ where: 'render', name: 'TypeError', message: 'x is undefined' });
    expect(entries[0]).toMatchObject({ name: 'QuotaExceededError', message: 'full 11' });
  });

  it('survives a corrupted log', () => {
    const storage = memoryStorage();
    storage.setItem('hai-long:errors', '{not json');
    expect(readDiagnostics(storage)).toEqual([]);
  });
});

describe('finding the Electron binary without downloading it', () => {
  it('explains how to get it when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-'));
    const result = findElectronBinary(dir);
    expect(result.found).toBe(false);
    if (!result.found) expect(result.advice).toMatch(/npx install-electron/);
  });

  it('finds an installed binary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    expect(findElectronBinary(dir).found).toBe(false);
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir)).toEqual({ found: true, path: join(dir, 'dist', 'electron') });
  });
});
