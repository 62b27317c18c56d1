import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchTransport } from '../../renderer/host/fetch-transport';
import { toIsoWithOffset } from '../../shared/time';
import { engines, testServer } from './support/server-harness';

/** The contract every transport keeps, checked against the real server (and a broken one). */
describe.each(engines())('fetch transport against the district server on %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await server?.close();
    for (const close of closers) await close();
    closers = [];
  });

  async function listening() {
    server = await testServer(engine);
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    return origin;
  }

  it('sends a batch and reads the answer; a resend is all duplicate', async () => {
    const origin = await listening();
    const kiosk = await server.enrolKiosk();
    const transport = new FetchTransport({ serverOrigin: origin, deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
    const batch = { batchId: crypto.randomUUID(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')), ratings: [server.rating(kiosk)] };
    const first = await transport.sendBatch(batch, 5_000);
    expect(first).toMatchObject({ kind: 'answer', status: 200, result: { accepted: [batch.ratings[0]!.id] } });
    const again = await transport.sendBatch(batch, 5_000);
    expect(again).toMatchObject({ kind: 'answer', status: 200, result: { duplicate: [batch.ratings[0]!.id] } });
  });

  it('pulls the configuration with its ETag and delivers heartbeats', async () => {
    const origin = await listening();
    const kiosk = await server.enrolKiosk();
    const transport = new FetchTransport({ serverOrigin: origin, deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
    const first = await transport.fetchConfig(null, 5_000);
    expect(first).toMatchObject({ kind: 'config', config: { kioskId: kiosk.kioskId, template: { id: 'sipas-5' } } });
    const etag = first.kind === 'config' ? first.etag : null;
    expect(etag).toMatch(/^".+"$/);
    expect(await transport.fetchConfig(etag, 5_000)).toEqual({ kind: 'unchanged' });
    const beat = { kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')), queueDepth: 4, oldestPendingAgeSeconds: 90, appVersion: '0.1.0', lastError: null, storageUsedBytes: null, storageQuotaBytes: null };
    expect(await transport.sendHeartbeat(beat, 5_000)).toBe(true);
    expect(await transport.sendHeartbeat({ ...beat, queueDepth: -1 }, 5_000)).toBe(false);
    const wrong = new FetchTransport({ serverOrigin: origin, deviceToken: async () => 'x'.repeat(43), fetch, now: () => new Date() });
    expect(await wrong.fetchConfig(null, 5_000)).toEqual({ kind: 'failed' });
  });

  it('reports a refused token with its code, a dead server as a network failure, a stall as a timeout', async () => {
    const origin = await listening();
    const kiosk = await server.enrolKiosk();
    const batch = { batchId: crypto.randomUUID(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')), ratings: [server.rating(kiosk)] };
    const wrong = new FetchTransport({ serverOrigin: origin, deviceToken: async () => 'x'.repeat(43), fetch, now: () => new Date() });
    expect(await wrong.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 401, errorCode: 'invalid_token', result: null });
    const none = new FetchTransport({ serverOrigin: origin, deviceToken: async () => null, fetch, now: () => new Date() });
    expect(await none.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 401 });

    const dead = new FetchTransport({ serverOrigin: 'http://127.0.0.1:9', deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
    expect((await dead.sendBatch(batch, 5_000)).kind).toBe('network');

    const stall = createServer(() => {});
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => { stall.closeAllConnections(); stall.close(() => resolve()); }));
    const port = (stall.address() as { port: number }).port;
    const slow = new FetchTransport({ serverOrigin: `http://127.0.0.1:${port}`, deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
    expect(await slow.sendBatch(batch, 300)).toEqual({ kind: 'timeout' });
  });

  it('reads Retry-After and survives a garbled 200', async () => {
    server = await testServer(engine);
    const broken = createServer((request, response) => {
      if (request.headers['x-mode'] === 'busy') {
        response.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"error":{"code":"rate_limited","message":"slow down"}}');
      } else response.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted": [tru');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => broken.close(() => resolve())));
    const origin = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
    const batch = { batchId: crypto.randomUUID(), kioskId: crypto.randomUUID(), sentAt: toIsoWithOffset(new Date()), ratings: [{}] };
    const busyFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-mode': 'busy' } });
    const busy = new FetchTransport({ serverOrigin: origin, deviceToken: async () => 't'.repeat(43), fetch: busyFetch, now: () => new Date() });
    expect(await busy.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 429, retryAfterMs: 7_000, errorCode: 'rate_limited' });
    const garbled = new FetchTransport({ serverOrigin: origin, deviceToken: async () => 't'.repeat(43), fetch, now: () => new Date() });
    expect(await garbled.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 200, result: null });
  });
});
