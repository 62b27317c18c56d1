import { describe, expect, it } from 'vitest';
import { kioskUrlFromArgs } from '../../electron/kiosk-url';

const FALLBACK = 'http://127.0.0.1:8080/kiosk/';

describe('the kiosk page the Electron shell opens', () => {
  it.each([
    'http://127.0.0.1:41234/kiosk/',
    'http://localhost:8080/kiosk/?demo=quick',
    'http://[::1]:8080/kiosk/',
  ])('accepts the local server %s', (url) => {
    expect(kioskUrlFromArgs(['electron', '.', `--kiosk-url=${url}`])).toBe(url);
  });

  it.each([
    'https://evil.example/kiosk/',
    'http://127.0.0.1.evil.example/kiosk/',
    'http://user:pass@evil.example/kiosk/',
    'http://127.0.0.1@evil.example/kiosk/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://127.0.0.1:8080/admin/',
    'not a url',
    '',
  ])('refuses %j and falls back to the default local kiosk', (url) => {
    expect(kioskUrlFromArgs([`--kiosk-url=${url}`])).toBe(FALLBACK);
  });

  it('uses the default without the argument', () => {
    expect(kioskUrlFromArgs(['electron', '.'])).toBe(FALLBACK);
  });
});
