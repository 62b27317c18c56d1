import { expect, test } from '@playwright/test';
import type { Kiosk } from '../../shared/contract/admin-api';
import type { ProxyFault } from '../support/fault-proxy';
import { District } from './district';
import { drained, enrolKiosk, rateOnScreen, readKioskQueue } from './kiosk';
import { expectLostExactly } from './tally';

let district: District;
test.beforeEach(async () => {
  district = await District.start();
});
test.afterEach(async () => district.close());

/**
 * A box in the ward's network answers one batch in the server's words and never forwards it: the
 * kiosk, acknowledged, lets those ratings go, and no retry can bring them back. Nothing on the kiosk
 * or in the sync protocol can notice; the completeness ledger must: the kiosk's heartbeat says how far
 * it counted and that it holds nothing, the server finds the numbers it never received, and raises
 * the gap as an alert.
 */
test('11. a batch acknowledged by something that is not the server: the ledger finds the gap and alerts', async ({ page }, testInfo) => {
  const place = { wardId: 'hang-bac', counterId: 'quay-1' };
  const admin = await district.admin();
  const settings = await admin.get<Record<string, number>>('/api/v1/admin/alert-settings');
  await admin.put('/api/v1/admin/alert-settings', { ...settings, gapAlertAfterMinutes: 0 });
  await page.clock.install();
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  await rateOnScreen(page, 3);
  await drained(page, 30_000);

  // The next batch is swallowed, once.
  let swallowed: { id: string; seq: number }[] = [];
  district.policy = ({ path, body }): ProxyFault => {
    if (path !== '/api/v1/ratings/batches' || swallowed.length > 0) return 'pass';
    swallowed = (JSON.parse(body.toString()) as { ratings: { id: string; seq: number }[] }).ratings;
    return 'swallow';
  };
  await rateOnScreen(page, 2, 3);
  await drained(page, 30_000);
  expect(swallowed.length).toBeGreaterThan(0);
  await rateOnScreen(page, 2, 5);
  await drained(page, 30_000);

  // The kiosk reports after each sync; the server finds the gap and, the threshold being zero, alerts.
  const gapAlerts = async () =>
    (await admin.get<{ kind: string; kioskId: string; details: { first?: number; last?: number } }[]>('/api/v1/admin/alerts')).filter(
      (a) => a.kind === 'sequence-gap' && a.kioskId === config.kioskId,
    );
  const first = Math.min(...swallowed.map((r) => r.seq));
  const last = Math.max(...swallowed.map((r) => r.seq));
  await expect
    .poll(gapAlerts, { timeout: 30_000 })
    .toEqual([expect.objectContaining({ details: expect.objectContaining({ first, last }) })]);
  const kiosk = (await admin.get<Kiosk[]>('/api/v1/admin/kiosks')).find((k) => k.id === config.kioskId)!;
  expect(kiosk.ledger).toEqual([
    expect.objectContaining({
      number: 1,
      completeThrough: first - 1,
      highest: 7,
      received: 7 - swallowed.length,
      waiting: 0,
      gaps: [expect.objectContaining({ first, last, count: swallowed.length })],
    }),
  ]);
  expectLostExactly(
    testInfo,
    '11 batch swallowed by the network',
    await readKioskQueue(page),
    district.stored([config.kioskId], place),
    swallowed.map((r) => r.id),
    `${swallowed.length} acknowledged without reaching the server: found by the ledger as gap ${first}–${last}, alerted`,
  );
});
