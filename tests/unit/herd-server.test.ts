import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../server/ingest';
import { ClientGone } from '../../server/db/transaction';
import type { Rating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;

describe.each(engines())('many kiosks at once, %s', (engine) => {
  let server: Server;
  afterEach(async () => server?.close());

  it('kiosks sharing a counter send batches all at once: every one answered 200, every rating stored and counted once', async () => {
    // Admission wide open: the point is the database under concurrent batches on the same count rows.
    server = await testServer(engine, undefined, { batchesInWork: 100 });
    const kiosks = await Promise.all(Array.from({ length: 8 }, () => server.enrolKiosk('hang-bac', 'quay-1')));
    const batches = kiosks.flatMap((kiosk) =>
      Array.from({ length: 5 }, () => Array.from({ length: 60 }, (_, i) => server.rating(kiosk, { overall: (i % 5) + 1 }))).map(
        (ratings) => ({ kiosk, ratings }),
      ),
    );
    // Every batch in flight together, and each sent twice (a retry after a lost answer).
    const answers = await Promise.all([...batches, ...batches].map(({ kiosk, ratings }) => server.sendBatch(kiosk, ratings)));
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200)).toEqual([]);
    expect(answers.flatMap((a) => a.json().rejected)).toEqual([]);
    const total = batches.reduce((n, b) => n + b.ratings.length, 0);
    expect(await server.counts()).toEqual({ ratings: total, aggregated: total });
  });

  it('a kiosk that left before its batch was stored costs no transaction, and loses nothing (it sends again)', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const ratings = [server.rating(kiosk), server.rating(kiosk)];
    const batch = { batchId: crypto.randomUUID(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date(), 420), ratings };
    const row = { id: kiosk.kioskId, ward_id: kiosk.config.ward.id, counter_id: kiosk.config.counter.id };
    await expect(ingestBatch(server.store, row, batch, new Date(), undefined, { clientGone: () => true })).rejects.toBeInstanceOf(
      ClientGone,
    );
    expect((await server.counts()).ratings).toBe(0);
    expect((await server.sendBatch(kiosk, ratings as Rating[])).json().accepted).toHaveLength(2);
  });
});

/** Starts a batch whose body never finishes: the request holds its place in the server until `end`. */
function heldBatch(origin: string, token: string) {
  const req = request(`${origin}/api/v1/ratings/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': 1000 },
  });
  req.on('error', () => undefined);
  req.write('{"batchId":');
  return { end: () => req.destroy() };
}

describe('admission control', () => {
  let server: Server;
  afterEach(async () => server?.close());

  it('beyond the batches in work, a kiosk is told at once to come back later; health, sign-in and the dashboard stay quick', async () => {
    server = await testServer('sqlite', undefined, { batchesInWork: 2 });
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const kiosks = await Promise.all([server.enrolKiosk(), server.enrolKiosk(), server.enrolKiosk()]);
    const held = [heldBatch(origin, kiosks[0].token), heldBatch(origin, kiosks[1].token)];
    // Both places taken (the server saw both requests' headers): the third kiosk's batch is refused.
    const post = (kiosk: (typeof kiosks)[number]) =>
      fetch(`${origin}/api/v1/ratings/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.token}` },
        body: JSON.stringify({
          batchId: crypto.randomUUID(),
          kioskId: kiosk.kioskId,
          sentAt: toIsoWithOffset(new Date(), 420),
          ratings: [server.rating(kiosk)],
        }),
      });
    let refused = await post(kiosks[2]);
    for (let i = 0; i < 50 && refused.status === 200; i++) refused = await post(kiosks[2]); // until both held requests are in
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('overloaded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(4);
    // What is not a kiosk's write is not held back.
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const signIn = await fetch(`${origin}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'correct-horse-battery' }),
    });
    expect(signIn.status).toBe(200);
    // A held request's kiosk going away gives its place back.
    for (const h of held) h.end();
    await expect.poll(async () => (await post(kiosks[2])).status).toBe(200);
  });
});
