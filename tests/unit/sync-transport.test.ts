import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../electron/ipc';
import { BridgeTransport } from '../../renderer/host/bridge-transport';
import type { BridgeRequest, KioskBridge } from '../../shared/contract/bridge';
import { bridgeTo, mainProcessIpc } from '../support/electron-main';
import { HttpTransport } from '../../shared/sync/http-transport';
import type { SyncTransport } from '../../shared/sync/ports';
import { toIsoWithOffset } from '../../shared/time';
import { sampleRating } from '../support/fixtures';
import { engines, testServer } from './support/server-harness';

type HttpOptions = ConstructorParameters<typeof HttpTransport>[0];

/**
 * The two transports behind one contract: fetch in the page (a browser kiosk), and Electron's, where
 * the renderer hands each exchange over the bridge (messages structured-cloned, as IPC does) to the
 * main process, which holds the token and sends it.
 */
const transports: Record<string, (options: HttpOptions) => SyncTransport> = {
  'browser fetch': (options) => new HttpTransport(options),
  'Electron bridge': (options) => new BridgeTransport(bridgeTo(syncHandlers(new HttpTransport(options)))),
};

/** The main process's sync channels over a transport of its own (the rest of the bridge is not used here). */
function syncHandlers(transport: SyncTransport): BridgeHandlers {
  const sync: Pick<BridgeHandlers, 'kiosk:send-batch' | 'kiosk:fetch-config' | 'kiosk:send-heartbeat'> = {
    'kiosk:send-batch': ({ batch, timeoutMs }) => transport.sendBatch(batch, timeoutMs),
    'kiosk:fetch-config': ({ etag, timeoutMs }) => transport.fetchConfig(etag, timeoutMs),
    'kiosk:send-heartbeat': ({ heartbeat, timeoutMs }) => transport.sendHeartbeat(heartbeat, timeoutMs),
  };
  return sync as BridgeHandlers;
}

/** The contract every transport keeps, checked against the real server (and a broken one). */
describe.each(engines().flatMap((engine) => Object.keys(transports).map((kind) => [engine, kind] as const)))(
  '%s: %s transport',
  (engine, kind) => {
    const transportFor = transports[kind]!;
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
      const transport = transportFor({ serverOrigin: origin, deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
      const batch = {
        batchId: crypto.randomUUID(),
        kioskId: kiosk.kioskId,
        sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')),
        ratings: [server.rating(kiosk)],
      };
      const first = await transport.sendBatch(batch, 5_000);
      expect(first).toMatchObject({ kind: 'answer', status: 200, result: { accepted: [batch.ratings[0]!.id] } });
      const again = await transport.sendBatch(batch, 5_000);
      expect(again).toMatchObject({ kind: 'answer', status: 200, result: { duplicate: [batch.ratings[0]!.id] } });
    });

    it('pulls the configuration with its ETag and delivers heartbeats', async () => {
      const origin = await listening();
      const kiosk = await server.enrolKiosk();
      const transport = transportFor({ serverOrigin: origin, deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
      const first = await transport.fetchConfig(null, 5_000);
      expect(first).toMatchObject({ kind: 'config', config: { kioskId: kiosk.kioskId, template: { id: 'sipas-5' } } });
      const etag = first.kind === 'config' ? first.etag : null;
      expect(etag).toMatch(/^".+"$/);
      expect(await transport.fetchConfig(etag, 5_000)).toEqual({ kind: 'unchanged' });
      const beat = {
        kioskId: kiosk.kioskId,
        sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')),
        queueDepth: 4,
        oldestPendingAgeSeconds: 90,
        appVersion: '0.1.0',
        lastError: null,
        storageUsedBytes: null,
        storageQuotaBytes: null,
      };
      expect(await transport.sendHeartbeat(beat, 5_000)).toBe(true);
      expect(await transport.sendHeartbeat({ ...beat, queueDepth: -1 }, 5_000)).toBe(false);
      const wrong = transportFor({ serverOrigin: origin, deviceToken: async () => 'x'.repeat(43), fetch, now: () => new Date() });
      expect(await wrong.fetchConfig(null, 5_000)).toEqual({ kind: 'failed' });
    });

    it('reports a refused token with its code, a dead server as a network failure, a stall as a timeout', async () => {
      const origin = await listening();
      const kiosk = await server.enrolKiosk();
      const batch = {
        batchId: crypto.randomUUID(),
        kioskId: kiosk.kioskId,
        sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z')),
        ratings: [server.rating(kiosk)],
      };
      const wrong = transportFor({ serverOrigin: origin, deviceToken: async () => 'x'.repeat(43), fetch, now: () => new Date() });
      expect(await wrong.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 401, errorCode: 'invalid_token', result: null });
      const none = transportFor({ serverOrigin: origin, deviceToken: async () => null, fetch, now: () => new Date() });
      expect(await none.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 401 });

      const dead = transportFor({ serverOrigin: 'http://127.0.0.1:9', deviceToken: async () => kiosk.token, fetch, now: () => new Date() });
      expect((await dead.sendBatch(batch, 5_000)).kind).toBe('network');

      const stall = createServer(() => {});
      await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
      closers.push(
        () =>
          new Promise((resolve) => {
            stall.closeAllConnections();
            stall.close(() => resolve());
          }),
      );
      const port = (stall.address() as { port: number }).port;
      const slow = transportFor({
        serverOrigin: `http://127.0.0.1:${port}`,
        deviceToken: async () => kiosk.token,
        fetch,
        now: () => new Date(),
      });
      expect(await slow.sendBatch(batch, 300)).toEqual({ kind: 'timeout' });
    });

    it('reads Retry-After and survives a garbled 200', async () => {
      server = await testServer(engine);
      const broken = createServer((request, response) => {
        if (request.headers['x-mode'] === 'busy') {
          response
            .writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' })
            .end('{"error":{"code":"rate_limited","message":"slow down"}}');
        } else response.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted": [tru');
      });
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise((resolve) => broken.close(() => resolve())));
      const origin = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
      const batch = {
        batchId: crypto.randomUUID(),
        kioskId: crypto.randomUUID(),
        sentAt: toIsoWithOffset(new Date()),
        ratings: [sampleRating(1, new Date())],
      };
      const busyFetch: typeof fetch = (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-mode': 'busy' } });
      const busy = transportFor({ serverOrigin: origin, deviceToken: async () => 't'.repeat(43), fetch: busyFetch, now: () => new Date() });
      expect(await busy.sendBatch(batch, 5_000)).toMatchObject({
        kind: 'answer',
        status: 429,
        retryAfterMs: 7_000,
        errorCode: 'rate_limited',
      });
      const garbled = transportFor({ serverOrigin: origin, deviceToken: async () => 't'.repeat(43), fetch, now: () => new Date() });
      expect(await garbled.sendBatch(batch, 5_000)).toMatchObject({ kind: 'answer', status: 200, result: null });
    });
  },
);

describe('the Electron bridge refuses bad messages before anything is sent', () => {
  const sent: unknown[] = [];
  const spy: SyncTransport = {
    sendBatch: async (batch) => (sent.push(batch), { kind: 'timeout' }),
    fetchConfig: async () => ({ kind: 'failed' }),
    sendHeartbeat: async () => false,
  };
  // Straight to the main process, as a compromised page that skips the preload would: it refuses on its own.
  const main = mainProcessIpc(syncHandlers(spy));
  const rawBridge: KioskBridge = { invoke: (channel, request) => main(channel, request) };
  const good = {
    batch: {
      batchId: crypto.randomUUID(),
      kioskId: crypto.randomUUID(),
      sentAt: toIsoWithOffset(new Date()),
      ratings: [sampleRating(1, new Date())],
    },
    timeoutMs: 30_000,
  };
  const send = (message: unknown) => rawBridge.invoke('kiosk:send-batch', message as BridgeRequest<'kiosk:send-batch'>);

  it.each([
    ['not an object', 'sendBatch'],
    ['a batch with a malformed rating', { ...good, batch: { ...good.batch, ratings: [{ overall: 9 }] } }],
    ['an empty batch', { ...good, batch: { ...good.batch, ratings: [] } }],
    ['501 ratings', { ...good, batch: { ...good.batch, ratings: Array.from({ length: 501 }, (_, i) => sampleRating(i + 1, new Date())) } }],
    ['an endless timeout', { ...good, timeoutMs: 1e9 }],
    ['an extra field (a token smuggled in)', { ...good, deviceToken: 'x'.repeat(43) }],
  ])('refuses %s', async (_name, message) => {
    expect(await send(message)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(sent).toEqual([]);
  });

  it('refuses a heartbeat with a negative queue, and an unknown channel', async () => {
    expect(
      await rawBridge.invoke('kiosk:send-heartbeat', {
        heartbeat: { kioskId: crypto.randomUUID(), queueDepth: -1 },
        timeoutMs: 1000,
      } as never),
    ).toMatchObject({ ok: false });
    await expect(rawBridge.invoke('kiosk:delete-everything' as never, {} as never)).rejects.toThrow('No handler registered');
  });

  it('passes a valid batch on, and the renderer reads a broken answer as a network failure', async () => {
    expect(await send(good)).toEqual({ ok: true, value: { kind: 'timeout' } });
    expect(sent).toHaveLength(1);
    const renderer = new BridgeTransport({
      invoke: async () => ({ ok: true, value: { kind: 'answer', status: 200, result: { accepted: 'all of them' } } }),
    });
    expect(await renderer.sendBatch(good.batch, 1000)).toMatchObject({ kind: 'network' });
    const dead = new BridgeTransport({ invoke: () => Promise.reject(new Error('main process gone')) });
    expect(await dead.sendBatch(good.batch, 1000)).toMatchObject({ kind: 'network' });
    expect(await dead.fetchConfig(null, 1000)).toEqual({ kind: 'failed' });
    expect(await dead.sendHeartbeat({} as never, 1000)).toBe(false);
  });
});
