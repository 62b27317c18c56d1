import { afterEach, describe, expect, it } from 'vitest';
import type { Rating } from '../../shared/schema/rating';
import type { SequenceReport } from '../../shared/schema/sequence';
import { toIsoWithOffset } from '../../shared/time';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;
type Kiosk = Awaited<ReturnType<Server['enrolKiosk']>>;

const FIRST = '0f6d3c4e-6a55-4d57-9d7e-1b2c3d4e5f60';
const SECOND = '5b8e1f20-93a4-4c61-8f0d-2a3b4c5d6e7f';

describe.each(engines())('the completeness ledger, %s', (engine) => {
  let server: Server;
  afterEach(async () => server?.close());

  /** Ratings numbered `from`…`to` in an incarnation, as the kiosk would send them. */
  const numbered = (kiosk: Kiosk, from: number, to: number, incarnation: string | null = FIRST): Rating[] =>
    Array.from({ length: to - from + 1 }, (_, i) => server.rating(kiosk, { seq: from + i, ...(incarnation && { incarnation }) }));

  const heartbeat = async (kiosk: Kiosk, sequence: SequenceReport) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/heartbeat',
      headers: { authorization: `Bearer ${kiosk.token}` },
      payload: {
        kioskId: kiosk.kioskId,
        sentAt: toIsoWithOffset(new Date(), 420),
        queueDepth: 0,
        oldestPendingAgeSeconds: null,
        appVersion: '0.2.0',
        lastError: null,
        storageUsedBytes: null,
        storageQuotaBytes: null,
        sequence,
      },
    });
    expect(res.statusCode).toBe(200);
  };
  const report = (incarnation: string, firstSeq: number, highestSeq: number, held: SequenceReport['held'] = []): SequenceReport => ({
    incarnation: { id: incarnation, firstSeq, startedAt: '2026-11-22T08:00:00.000+07:00' },
    highestSeq,
    held,
  });

  const admin = async () => server.login();
  const ledgerOf = async (kiosk: Kiosk) => {
    const { cookie } = await admin();
    const fleet = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/kiosks', headers: { cookie } })).json();
    return fleet.find((k: { id: string }) => k.id === kiosk.kioskId).ledger;
  };
  const openAlerts = async () => {
    const { cookie } = await admin();
    return (await server.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: { cookie } })).json() as {
      id: number;
      kind: string;
      kioskId: string;
      details: Record<string, number>;
    }[];
  };
  const setGapAlertAfter = async (minutes: number) => {
    const { cookie, csrf } = await admin();
    const current = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/alert-settings', headers: { cookie } })).json();
    const saved = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/alert-settings',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { ...current, gapAlertAfterMinutes: minutes },
    });
    expect(saved.statusCode).toBe(200);
  };

  it('a kiosk that delivered everything is complete up to its highest number; what it still holds is waiting, not missing', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, numbered(kiosk, 1, 10));
    await heartbeat(kiosk, report(FIRST, 1, 14, [{ incarnation: FIRST, first: 11, last: 14, setAside: false }]));
    expect(await ledgerOf(kiosk)).toEqual([
      expect.objectContaining({
        incarnation: FIRST,
        number: 1,
        firstSeq: 1,
        highest: 14,
        completeThrough: 10,
        received: 10,
        waiting: 4,
        gaps: [],
      }),
    ]);
    await server.sendBatch(kiosk, numbered(kiosk, 11, 14));
    await heartbeat(kiosk, report(FIRST, 1, 14));
    expect((await ledgerOf(kiosk))[0]).toMatchObject({ completeThrough: 14, received: 14, waiting: 0, gaps: [] });
  });

  it('a batch acknowledged but never stored shows as a gap, raises one alert once it is old enough, and takes the technician’s note', async () => {
    server = await testServer(engine);
    await setGapAlertAfter(30);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, numbered(kiosk, 1, 5));
    numbered(kiosk, 6, 9); // made and "acknowledged" by something that was not the server: never sent here
    await server.sendBatch(kiosk, numbered(kiosk, 10, 12));
    // The kiosk believes it holds nothing: 6–9 are neither here nor there.
    await heartbeat(kiosk, report(FIRST, 1, 12));
    const [count] = await ledgerOf(kiosk);
    expect(count).toMatchObject({ completeThrough: 5, received: 8, highest: 12 });
    expect(count.gaps).toEqual([expect.objectContaining({ first: 6, last: 9, count: 4, note: null })]);

    // Not yet: a batch can be overtaken for a moment.
    expect((await openAlerts()).filter((a) => a.kind === 'sequence-gap')).toEqual([]);
    server.advance(31 * 60_000);
    const raised = (await openAlerts()).filter((a) => a.kind === 'sequence-gap');
    expect(raised).toEqual([expect.objectContaining({ kioskId: kiosk.kioskId, details: { first: 6, last: 9, incarnationNumber: 1 } })]);
    // Once per gap, however often the alerts are looked at or the kiosk reports.
    await heartbeat(kiosk, report(FIRST, 1, 12));
    server.advance(60 * 60_000);
    expect((await openAlerts()).filter((a) => a.kind === 'sequence-gap')).toHaveLength(1);

    const { cookie, csrf } = await admin();
    const ack = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/alerts/${raised[0]!.id}/acknowledge`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { note: 'Bộ định tuyến của phường trả lời thay máy chủ; đã thay thiết bị.' },
    });
    expect(ack.statusCode).toBe(200);
    expect((await ledgerOf(kiosk))[0].gaps[0]).toMatchObject({
      note: 'Bộ định tuyến của phường trả lời thay máy chủ; đã thay thiết bị.',
      notedBy: 'admin',
    });
  });

  it('a gap filled late (an export from the kiosk) closes; refused ratings are accounted for, not missing', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const ratings = numbered(kiosk, 1, 8);
    await server.sendBatch(kiosk, [...ratings.slice(0, 3), ...ratings.slice(5)]);
    await heartbeat(kiosk, report(FIRST, 1, 8));
    expect((await ledgerOf(kiosk))[0].gaps).toEqual([expect.objectContaining({ first: 4, last: 5 })]);
    // Rating 4 arrives; rating 5 is refused (a kiosk bug made it invalid): the kiosk sets it aside.
    const res = await server.sendBatch(kiosk, [ratings[3], { ...ratings[4], overall: 9 }]);
    expect(res.json().rejected).toEqual([expect.objectContaining({ index: 1, code: 'invalid' })]);
    expect((await ledgerOf(kiosk))[0]).toMatchObject({ completeThrough: 8, received: 7, refused: 1, gaps: [] });
  });

  it('a kiosk whose storage was wiped counts again in a new incarnation: shown and alerted, never a new kiosk; what it lost is missing', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, numbered(kiosk, 1, 6));
    await heartbeat(kiosk, report(FIRST, 1, 9, [{ incarnation: FIRST, first: 7, last: 9, setAside: false }]));
    expect((await ledgerOf(kiosk))[0]).toMatchObject({ waiting: 3, gaps: [] });

    // Wiped before 7–9 were sent; the same kiosk starts over from 1 in a new incarnation.
    await server.sendBatch(kiosk, numbered(kiosk, 1, 2, SECOND));
    await heartbeat(kiosk, report(SECOND, 1, 2));
    const ledger = await ledgerOf(kiosk);
    expect(ledger).toEqual([
      expect.objectContaining({
        incarnation: FIRST,
        number: 1,
        completeThrough: 6,
        waiting: 0,
        gaps: [expect.objectContaining({ first: 7, last: 9 })],
      }),
      expect.objectContaining({ incarnation: SECOND, number: 2, firstSeq: 1, completeThrough: 2, received: 2, gaps: [] }),
    ]);
    const { cookie } = await admin();
    const fleet = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/kiosks', headers: { cookie } })).json();
    expect(fleet.filter((k: { id: string }) => k.id === kiosk.kioskId)).toHaveLength(1);
    expect((await openAlerts()).filter((a) => a.kind === 'kiosk-recounting')).toEqual([
      expect.objectContaining({ kioskId: kiosk.kioskId, details: { incarnationNumber: 2 } }),
    ]);
  });

  it('ratings from before incarnations are the first count, numbered from 1; an upgraded kiosk goes on in a new one', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, numbered(kiosk, 1, 4, null));
    await server.sendBatch(kiosk, numbered(kiosk, 5, 7));
    await heartbeat(kiosk, report(FIRST, 5, 7));
    expect(await ledgerOf(kiosk)).toEqual([
      expect.objectContaining({ incarnation: '', number: 1, firstSeq: 1, completeThrough: 4, gaps: [] }),
      expect.objectContaining({ incarnation: FIRST, number: 2, firstSeq: 5, completeThrough: 7, gaps: [] }),
    ]);
    // Going on with the next number in a new incarnation, after an update, is not a wipe.
    expect((await openAlerts()).filter((a) => a.kind === 'kiosk-recounting')).toEqual([]);
  });

  it('the quarter’s completeness statement lists each kiosk’s numbers, its gaps with their notes, duplicates, bursts and repeats', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
    const quiet = await server.enrolKiosk('hang-bac', 'quay-2');
    const ratings = numbered(kiosk, 1, 10);
    await server.sendBatch(kiosk, ratings.slice(0, 4));
    await server.sendBatch(kiosk, ratings.slice(0, 4)); // a retry: refused as duplicates
    await server.sendBatch(kiosk, ratings.slice(6));
    await heartbeat(kiosk, report(FIRST, 1, 10));
    const { cookie, csrf } = await admin();
    const noted = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${kiosk.kioskId}/gap-note`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { incarnation: FIRST, first: 5, note: 'Mất điện khi đang gửi; đã kiểm tra ổ đĩa.' },
    });
    expect(noted.statusCode).toBe(200);
    const statement = (
      await server.app.inject({ method: 'GET', url: '/api/v1/reports/completeness?quarter=2026-Q4&wardId=hang-bac', headers: { cookie } })
    ).json();
    expect(statement).toMatchObject({
      wardName: 'UBND Phường Hàng Bạc',
      quarter: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      totals: { ratings: 8, missing: 2, duplicatesRefused: 4, burstsFlagged: 0, repeatsFlagged: 0 },
    });
    expect(statement.kiosks).toEqual([
      expect.objectContaining({
        kioskId: kiosk.kioskId,
        counterLabel: 'Quầy số 1',
        ratings: 8,
        duplicatesRefused: 4,
        counts: [
          expect.objectContaining({
            number: 1,
            firstSeq: 1,
            lastSeq: 10,
            received: 8,
            missing: 2,
            gaps: [expect.objectContaining({ first: 5, last: 6, note: 'Mất điện khi đang gửi; đã kiểm tra ổ đĩa.', notedBy: 'admin' })],
          }),
        ],
      }),
      expect.objectContaining({ kioskId: quiet.kioskId, counterLabel: 'Quầy số 2', ratings: 0, counts: [] }),
    ]);
    // Nobody else's gaps, and only real ones, can be noted.
    const unknown = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${kiosk.kioskId}/gap-note`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { incarnation: FIRST, first: 7, note: 'x' },
    });
    expect(unknown.json().error.code).toBe('unknown_gap');
  });
});
