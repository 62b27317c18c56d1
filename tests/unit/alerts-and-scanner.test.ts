import { describe, expect, it } from 'vitest';
import { isSatisfied } from '../../shared/rating/satisfied';
import { AlertSettings, ratingAlerts, satisfactionAlert, silentKioskAlerts, type RatedItem } from '../../shared/alerts/rules';
import { checkDossierCode, readScan, type TimedKey } from '../../shared/input/scanner';

const settings = AlertSettings.parse({ window: 10, minSatisfiedShare: 0.7 });
let n = 0;
const rated = (overall: number, comment = '', scaleSize = 5): RatedItem => ({
  id: `r${++n}`,
  wardId: 'hang-bac',
  overall,
  scaleSize,
  comment,
});

describe('alert rules', () => {
  it.each([
    [rated(1, 'Chờ 3 tiếng không ai tiếp'), 1],
    [rated(1, '   '), 0],
    [rated(1), 0],
    [rated(2, 'Hơi chậm'), 0],
    [rated(5, 'Rất tốt'), 0],
  ])('a rating %j raises %i alert(s)', (rating, count) => {
    expect(ratingAlerts(rating)).toHaveLength(count);
  });

  it('satisfied means the top two of five levels, the top of three', () => {
    // The same two top levels the published satisfied share counts: Rất hài lòng and Hài lòng.
    expect([0, 1, 2, 3, 4, 5].map((o) => isSatisfied(o, 5))).toEqual([false, false, false, false, true, true]);
    expect([0, 1, 2, 3].map((o) => isSatisfied(o, 3))).toEqual([false, false, true, true]);
  });

  it('raises a satisfaction drop once, and again only after recovery', () => {
    const good = Array.from({ length: 10 }, () => rated(5));
    expect(satisfactionAlert('hang-bac', good, settings, false)).toEqual({ alert: null, low: false });
    const worse = [...good, rated(1), rated(2), rated(3), rated(2)]; // last 10: 6 of 10 satisfied
    const first = satisfactionAlert('hang-bac', worse, settings, false);
    expect(first).toMatchObject({ alert: { kind: 'satisfaction-drop', share: 0.6, window: 10 }, low: true });
    expect(satisfactionAlert('hang-bac', [...worse, rated(1)], settings, true)).toEqual({ alert: null, low: true });
    const recovered = [...worse, ...Array.from({ length: 10 }, () => rated(4))];
    expect(satisfactionAlert('hang-bac', recovered, settings, true)).toEqual({ alert: null, low: false });
    // Too few answers to judge; unanswered ones do not count.
    expect(satisfactionAlert('hang-bac', [rated(1), rated(0), rated(1)], settings, false).alert).toBeNull();
  });

  it('flags kiosks silent for longer than allowed during opening hours, never revoked ones', () => {
    const kiosks = [
      { id: 'a', wardId: 'w', lastSeenAt: 1, revoked: false },
      { id: 'b', wardId: 'w', lastSeenAt: 2, revoked: false },
      { id: 'c', wardId: 'w', lastSeenAt: 1, revoked: true },
      { id: 'd', wardId: 'w', lastSeenAt: null, revoked: false },
    ];
    const openMinutes = (since: number | null) => (since === null ? 10_000 : since === 1 ? 500 : 30);
    expect(
      silentKioskAlerts(kiosks, AlertSettings.parse({}), openMinutes).map((a) => (a.kind === 'silent-kiosk' ? a.kioskId : '')),
    ).toEqual(['a', 'd']);
  });
});

describe('a scanner that types like a keyboard', () => {
  const burst = (text: string, start: number, gap: number): TimedKey[] =>
    [...text, 'Enter'].map((key, i) => ({ key, at: start + i * gap }));

  it('reads a fast burst ending in Enter as a scan', () => {
    expect(readScan(burst('H12.34-240101-0007', 1000, 8))).toBe('H12.34-240101-0007');
  });
  it.each([
    ['a person typing slowly', burst('000.00.12.H12-2401', 0, 180)],
    ['a burst without Enter', burst('ABC123', 0, 5).slice(0, -1)],
    ['too short', burst('12', 0, 5)],
  ])('does not take %s for a scan', (_name, keys) => {
    expect(readScan(keys)).toBeNull();
  });
  it('keeps only the burst when a person typed before it', () => {
    const typed: TimedKey[] = [
      { key: 'x', at: 0 },
      { key: 'y', at: 300 },
    ];
    expect(readScan([...typed, ...burst('ABCD1234', 2000, 10)])).toBe('ABCD1234');
  });
});

describe('dossier codes', () => {
  const rule = { pattern: '[A-Z0-9.]+-\\d{6}-\\d{4}', required: false };
  it.each([
    ['H12.34-240101-0007', 'ok'],
    [' h12.34-240101-0007 ', 'ok'],
    ['', 'ok'],
    ['H12.34-2401-7', 'malformed'],
    ['H12.34-240101-0007; DROP TABLE', 'malformed'],
  ])('%j → %s', (code, verdict) => {
    expect(checkDossierCode(code, rule)).toBe(verdict);
  });
  it('a required code cannot be skipped, and a broken pattern refuses rather than accepts', () => {
    expect(checkDossierCode('', { ...rule, required: true })).toBe('empty');
    expect(checkDossierCode('ABC', { pattern: '([', required: false })).toBe('malformed');
  });
});
