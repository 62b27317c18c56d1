import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/binary';
import { readDiagnostics, reportError } from '../../renderer/diagnostics';
import { BrowserHost } from '../../renderer/host/browser-host';
import { catalogueKeys, translate } from '../../renderer/i18n/messages';
import { demoKioskConfig } from '../../shared/demo';
import { fakeKioskDb } from './support/fake-db';

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
  it('runs a demo ward with a kiosk id of its own, kept across restarts', async () => {
    const db = fakeKioskDb();
    let made = 0;
    const newId = () => `7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5${++made}`;
    const first = await new BrowserHost(db, '?demo=hue-3', newId).loadConfig();
    const second = await new BrowserHost(db, '', newId).loadConfig();
    expect(first.kioskId).toBe(second.kioskId);
    expect(made).toBe(1);
    expect(first.template.id).toBe('hue-3');
    expect(second.template.id).toBe('sipas-5');
    expect((await new BrowserHost(db, '?demo=nonsense', newId).loadConfig()).template.id).toBe('sipas-5');
  });

  it('prefers a stored configuration, and ignores a corrupted one', async () => {
    const db = fakeKioskDb();
    const stored = demoKioskConfig('11111111-2222-4333-8444-555555555555', 'tt01-2018');
    await db.meta.put({ key: 'config', value: stored });
    expect((await new BrowserHost(db, '').loadConfig()).template.id).toBe('tt01-2018');
    await db.meta.put({ key: 'config', value: { ...stored, kioskId: 42 } });
    expect((await new BrowserHost(db, '').loadConfig()).kioskId).not.toBe(42);
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
