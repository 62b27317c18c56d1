import { describe, expect, it } from 'vitest';
import { crashPolicy } from '../../electron/crash-policy';
import { allowPermission } from '../../electron/permissions';
import { isBlockedShortcut, type KeyInput } from '../../electron/shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('keyboard escapes the kiosk swallows', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+plus (zoom)', key('+', { control: true })],
    ['Ctrl+minus (zoom)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['browser back key', key('BrowserBack')],
    ['context menu key', key('ContextMenu')],
  ])('%s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital with Shift', key('Ư', { shift: true })],
    ['a digit', key('7')],
    ['Backspace', key('Backspace')],
    ['Enter (a scanner ends a code with it)', key('Enter')],
    ['space', key(' ')],
    ['Ctrl+W released (keyUp)', { ...key('w', { control: true }), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });
});

describe('reloading a crashed page', () => {
  it('waits longer after each crash and gives up after five in ten minutes', () => {
    const policy = crashPolicy();
    const t0 = 1_000_000;
    expect([0, 1, 2, 3, 4].map((i) => policy.afterCrash(t0 + i * 1000))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(policy.afterCrash(t0 + 6_000)).toBeNull();
  });

  it('forgets old crashes: one a day never stops the kiosk', () => {
    const policy = crashPolicy();
    for (let day = 0; day < 30; day++) expect(policy.afterCrash(day * 86_400_000)).toBe(1_000);
  });

  it('never waits more than a minute', () => {
    const policy = crashPolicy({ maxCrashes: 20 });
    const delays = Array.from({ length: 12 }, (_, i) => policy.afterCrash(i));
    expect(Math.max(...(delays as number[]))).toBe(60_000);
  });
});

describe('permission requests', () => {
  const kiosk = { kioskOrigin: 'app://kiosk', qrScanning: false };
  it.each([
    ['media', 'app://kiosk/index.html', kiosk, false],
    ['media', 'app://kiosk/index.html', { ...kiosk, qrScanning: true }, true],
    ['media', 'https://evil.example/', { ...kiosk, qrScanning: true }, false],
    ['media', 'app://kiosk.evil/', { ...kiosk, qrScanning: true }, false],
    ['geolocation', 'app://kiosk/', { ...kiosk, qrScanning: true }, false],
    ['notifications', 'app://kiosk/', kiosk, false],
    ['clipboard-read', 'app://kiosk/', kiosk, false],
    ['openExternal', 'app://kiosk/', kiosk, false],
    ['media', 'not a url', { ...kiosk, qrScanning: true }, false],
    ['media', 'app://user@kiosk/', { ...kiosk, qrScanning: true }, false],
    ['media', 'app://kiosk:8080/', { ...kiosk, qrScanning: true }, false],
    ['media', 'APP://KIOSK/', { ...kiosk, qrScanning: true }, false], // compared exactly as written
  ])('%s from %s → %s', (permission, url, options, allowed) => {
    expect(allowPermission(permission, url, options)).toBe(allowed);
  });
});
