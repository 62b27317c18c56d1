import { describe, expect, it } from 'vitest';
import { serverFromArgs } from '../../electron/launch-args';
import { ServerOrigin } from '../../shared/schema/shell-settings';

describe('the server address: typed by a technician or passed by npm start', () => {
  it.each([
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
    ['http://127.0.0.1:41234/', 'http://127.0.0.1:41234'],
    ['  https://hailong.quanhoankiem.gov.vn/ ', 'https://hailong.quanhoankiem.gov.vn'],
    ['hailong.quanhoankiem.gov.vn', 'https://hailong.quanhoankiem.gov.vn'],
    ['HTTPS://HaiLong.Example:8443', 'https://hailong.example:8443'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('%j → %s', (typed, origin) => {
    expect(ServerOrigin.parse(typed)).toBe(origin);
    expect(serverFromArgs(['electron', '.', `--server=${typed.trim()}`])).toBe(origin);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ftp://quan.example',
    'https://user:pass@quan.example',
    'https://quan.example@evil.example',
    'https://quan.example/kiosk/',
    'https://quan.example/?x=1',
    'https://quan.example/#admin',
    'http://',
    '',
    'x'.repeat(300),
  ])('refuses %j', (typed) => {
    expect(ServerOrigin.safeParse(typed).success).toBe(false);
    expect(serverFromArgs([`--server=${typed}`])).toBeNull();
  });

  it('is null without the argument', () => {
    expect(serverFromArgs(['electron', '.'])).toBeNull();
  });
});
