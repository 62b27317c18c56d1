import { expect, type TestInfo } from '@playwright/test';
import type { KioskQueue } from './kiosk';

export interface Tally {
  scenario: string;
  /** Ratings the kiosk confirmed (finalised), minus none. */
  kioskConfirmed: number;
  /** Of those, refused by the server and held in quarantine on the kiosk. */
  quarantined: number;
  /** Distinct ratings the server stored for the kiosk. */
  serverCount: number;
  /** Counted in the server's report tables beyond the distinct ratings: double counting. */
  duplicates: number;
  /** Confirmed, not quarantined, and not on the server. */
  lost: number;
  notes: string;
}

/**
 * The promise, checked: every rating the kiosk confirmed is on the server once (or held in
 * quarantine on the kiosk), nothing else is, and the report counts each once. Printed per scenario
 * and attached for the summary reporter.
 */
export function expectExactlyOnce(
  testInfo: TestInfo,
  scenario: string,
  kiosk: KioskQueue,
  server: { ids: Set<string>; counted: number },
  notes = '',
): Tally {
  const tally = recordTally(testInfo, scenario, kiosk, server, notes);
  expect(tally.lost, 'confirmed ratings missing on the server').toBe(0);
  expect(kiosk.pending).toBe(0);
  return tally;
}

/**
 * For a scenario that loses ratings on purpose, beyond the kiosk's reach (a box answering for the
 * server): exactly those are missing, nothing else is, and nothing is counted twice.
 */
export function expectLostExactly(
  testInfo: TestInfo,
  scenario: string,
  kiosk: KioskQueue,
  server: { ids: Set<string>; counted: number },
  lost: readonly string[],
  notes: string,
): Tally {
  const tally = recordTally(testInfo, scenario, kiosk, server, notes);
  const missing = kiosk.confirmed.filter((id) => !server.ids.has(id));
  expect(new Set(missing), 'the ratings missing on the server').toEqual(new Set(lost));
  return tally;
}

function recordTally(
  testInfo: TestInfo,
  scenario: string,
  kiosk: KioskQueue,
  server: { ids: Set<string>; counted: number },
  notes: string,
): Tally {
  const quarantined = new Set(kiosk.quarantined.map((r) => r.id));
  const expected = kiosk.confirmed.filter((id) => !quarantined.has(id));
  const lost = expected.filter((id) => !server.ids.has(id)).length;
  const stray = [...server.ids].filter((id) => !kiosk.confirmed.includes(id) || quarantined.has(id)).length;
  const tally: Tally = {
    scenario,
    kioskConfirmed: kiosk.confirmed.length,
    quarantined: quarantined.size,
    serverCount: server.ids.size,
    duplicates: server.counted - server.ids.size,
    lost,
    notes,
  };
  console.log(
    `[reliability] ${scenario}: kiosk confirmed ${tally.kioskConfirmed}, server ${tally.serverCount}, ` +
      `quarantined ${tally.quarantined}, duplicates ${tally.duplicates}, lost ${tally.lost}${notes ? ` (${notes})` : ''}`,
  );
  testInfo.annotations.push({ type: 'tally', description: JSON.stringify(tally) });
  expect(stray, 'ratings on the server the kiosk did not confirm, or quarantined ones').toBe(0);
  expect(tally.duplicates, 'ratings counted more than once').toBe(0);
  expect(tally.serverCount).toBe(expected.length - lost);
  return tally;
}
