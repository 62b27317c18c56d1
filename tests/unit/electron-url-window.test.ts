import { describe, expect, it } from 'vitest';
import { isKioskUrl } from '../../electron/url-policy';
import { DEFAULT_OPENING_HOURS, isOpen, mayInstallUpdate, openMinutesBetween, OpeningHours } from '../../shared/schema/opening-hours';

describe('where the kiosk window may go', () => {
  it.each([
    'app://kiosk/',
    'app://kiosk/index.html',
    'app://kiosk/index.html?demo=quick',
    'app://kiosk/assets/index-abc.js',
    'app://kiosk/#x',
  ])('allows %s', (url) => {
    expect(isKioskUrl(url)).toBe(true);
  });

  it.each([
    ['another scheme', 'https://kiosk/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a look-alike host', 'app://kiosk.evil.example/'],
    ['a host that starts the same', 'app://kiosks/'],
    ['user info', 'app://kiosk@evil.example/'],
    ['user info on the kiosk host', 'app://evil@kiosk/'],
    ['a port', 'app://kiosk:8080/'],
    ['an empty host', 'app:///kiosk/'],
    ['a backslash trick', 'app://kiosk\\@evil.example/'],
    ['a newline', 'app://kiosk/\n'],
    ['a tab in the host', 'app://ki\tosk/'],
    ['percent-encoded host', 'app://%6Biosk/'],
    ['upper-case host', 'APP://KIOSK/'],
    ['the server over http', 'http://127.0.0.1:8080/kiosk/'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome pages', 'chrome://settings'],
    ['not a string', 42],
    ['nothing', undefined],
    ['very long', `app://kiosk/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isKioskUrl(url)).toBe(false);
  });
});

describe('opening hours', () => {
  it('counts only open minutes between two instants (a silent kiosk over a weekend is not alarming)', () => {
    const vn = (s: string) => Date.parse(`${s}+07:00`);
    // Monday 23 November 2026.
    expect(openMinutesBetween(DEFAULT_OPENING_HOURS, vn('2026-11-23T07:00:00'), vn('2026-11-23T08:00:00'))).toBe(30);
    expect(openMinutesBetween(DEFAULT_OPENING_HOURS, vn('2026-11-23T11:00:00'), vn('2026-11-23T14:00:00'))).toBe(60);
    expect(openMinutesBetween(DEFAULT_OPENING_HOURS, vn('2026-11-23T00:00:00'), vn('2026-11-24T00:00:00'))).toBe(450);
    // Saturday noon to Monday 08:00: only Monday's first half hour.
    expect(openMinutesBetween(DEFAULT_OPENING_HOURS, vn('2026-11-28T12:00:00'), vn('2026-11-30T08:00:00'))).toBe(30);
    expect(openMinutesBetween(DEFAULT_OPENING_HOURS, vn('2026-11-23T09:00:00'), vn('2026-11-23T08:00:00'))).toBe(0);
  });

  // 2026-11-23 is a Monday. Times are UTC; Vietnam is UTC+7.
  const at = (iso: string) => new Date(iso);
  it.each([
    ['Monday 07:29 in Hà Nội', '2026-11-23T00:29:00Z', false],
    ['Monday 07:30', '2026-11-23T00:30:00Z', true],
    ['Monday 11:29', '2026-11-23T04:29:00Z', true],
    ['Monday lunch 12:00', '2026-11-23T05:00:00Z', false],
    ['Monday 16:59', '2026-11-23T09:59:00Z', true],
    ['Monday 17:00', '2026-11-23T10:00:00Z', false],
    ['Saturday 09:00', '2026-11-28T02:00:00Z', true],
    ['Saturday 14:00', '2026-11-28T07:00:00Z', false],
    ['Sunday 09:00', '2026-11-29T02:00:00Z', false],
    ['Tuesday 06:00 (still Monday 23:00 UTC)', '2026-11-23T23:00:00Z', false],
  ])('%s → %s', (_name, iso, open) => {
    expect(isOpen(DEFAULT_OPENING_HOURS, at(iso))).toBe(open);
  });

  it('installs updates only when closed and on the start screen', () => {
    expect(mayInstallUpdate(DEFAULT_OPENING_HOURS, at('2026-11-23T12:00:00Z'), true)).toBe(true);
    expect(mayInstallUpdate(DEFAULT_OPENING_HOURS, at('2026-11-23T12:00:00Z'), false)).toBe(false);
    expect(mayInstallUpdate(DEFAULT_OPENING_HOURS, at('2026-11-23T02:00:00Z'), true)).toBe(false);
  });

  it('refuses malformed hours', () => {
    expect(OpeningHours.safeParse({ '1': [{ from: '17:00', to: '07:30' }] }).success).toBe(false);
    expect(OpeningHours.safeParse({ '8': [] }).success).toBe(false);
    expect(OpeningHours.safeParse({ '1': [{ from: '7:30', to: '11:30' }] }).success).toBe(false);
    expect(OpeningHours.safeParse(DEFAULT_OPENING_HOURS).success).toBe(true);
  });
});
