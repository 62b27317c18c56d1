import { afterEach, describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../shared/time';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;

describe.each(engines())('the server decides what a burst is, %s', (engine) => {
  let server: Server;
  afterEach(async () => server?.close());

  const report = async (query = '') => {
    const admin = await server.login();
    return (
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/reports?period=month&at=2026-11&groupBy=ward&wardId=trang-tien${query}`,
        headers: { cookie: admin.cookie },
      })
    ).json().rows[0] as { count: number; satisfiedShare: number };
  };

  it('a copied token stuffing 500 "Rất hài lòng" in one second, unflagged, does not move the figures', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    // An honest day: 20 ratings a few minutes apart, a fifth of them satisfied.
    const honest = Array.from({ length: 20 }, (_, i) => {
      const at = new Date(Date.parse('2026-11-22T01:00:00Z') + i * 5 * 60_000);
      return server.rating(kiosk, {
        overall: i % 5 === 0 ? 5 : 2,
        startedAt: toIsoWithOffset(at, 420),
        completedAt: toIsoWithOffset(new Date(at.getTime() + 20_000), 420),
      });
    });
    expect((await server.sendBatch(kiosk, honest)).json().accepted).toHaveLength(20);
    const before = await report();
    // The attack: 500 ratings finished within one second, the kiosk's burst flag left off.
    const at = new Date('2026-11-22T02:59:00Z');
    const stuffed = Array.from({ length: 500 }, (_, i) =>
      server.rating(kiosk, {
        overall: 5,
        flags: [],
        startedAt: toIsoWithOffset(new Date(at.getTime() + i), 420),
        completedAt: toIsoWithOffset(new Date(at.getTime() + i + 1), 420),
      }),
    );
    // Sent in two batches: the second counts the first one's ratings already stored.
    expect((await server.sendBatch(kiosk, stuffed.slice(0, 250))).json().accepted).toHaveLength(250);
    expect((await server.sendBatch(kiosk, stuffed.slice(250))).json().accepted).toHaveLength(250);
    const after = await report();
    // Stored, never dropped — but a minute that full is not people queueing: none of it counts.
    expect(after).toMatchObject({ count: before.count, satisfiedShare: before.satisfiedShare });
    expect(after.satisfiedShare).toBe(0.2);
    expect((await report('&includeBursts=true')).count).toBe(520);
    // The kiosk crossed its ceiling: the district hears of it, once.
    const admin = await server.login();
    const alerts = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: { cookie: admin.cookie } })).json() as {
      kind: string;
      kioskId: string;
    }[];
    expect(alerts.filter((a) => a.kind === 'kiosk-ceiling').map((a) => a.kioskId)).toEqual([kiosk.kioskId]);
  });

  it('an honest kiosk’s own burst flag is only advice: ratings spread out count, whatever it says', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const spread = Array.from({ length: 10 }, (_, i) => {
      const at = new Date(Date.parse('2026-11-22T01:00:00Z') + i * 3 * 60_000);
      return server.rating(kiosk, {
        overall: 4,
        flags: ['burst'],
        startedAt: toIsoWithOffset(at, 420),
        completedAt: toIsoWithOffset(new Date(at.getTime() + 20_000), 420),
      });
    });
    await server.sendBatch(kiosk, spread);
    expect((await report()).count).toBe(10);
  });
});
