import { describe, expect, it } from 'vitest';
import { browserName, dayFromText } from '../../dashboard/pages/format';

describe('a session’s browser, as its owner recognises it', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Chrome, Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge, Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome, Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari, iOS',
    ],
    ['Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0', 'Firefox, Android'],
    ['curl/8.5.0', 'curl/8.5.0'],
  ])('%s → %s', (userAgent, name) => {
    expect(browserName(userAgent)).toBe(name);
  });
});

describe('a day typed as Vietnamese offices write it', () => {
  it.each([
    ['01/10/2026', '2026-10-01'],
    ['1/10/2026', '2026-10-01'],
    [' 31.12.2026 ', '2026-12-31'],
    ['29-02-2028', '2028-02-29'],
    ['01102026', '2026-10-01'],
  ])('%s → %s', (text, iso) => {
    expect(dayFromText(text)).toBe(iso);
  });

  it.each(['31/02/2026', '29/02/2027', '00/10/2026', '01/13/2026', '2026-10-01', '10/2026', '', 'hôm nay', '01/10/26', '01/10/1900'])(
    'refuses %j',
    (text) => {
      expect(dayFromText(text)).toBeNull();
    },
  );
});
