import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canonicalJson } from '../../shared/canonical-json';
import { kioskApi } from '../../shared/contract/kiosk-api';
import type { AlertService } from '../alerts/service';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { ingestBatch, PLAUSIBLE_CLOCK_SKEW_MS } from '../ingest';
import type { ServerMetrics } from '../metrics';
import { ClientGone } from '../db/transaction';
import type { Admission } from '../http/admission';
import { redeemEnrolmentCode, registerExportKey } from '../repo/enrolment';
import { recordHeartbeat } from '../repo/fleet';
import { kioskConfigFor } from '../repo/org';
import { serverTimeIso } from '../time';

export interface KioskApiOptions {
  store: Store;
  now: () => Date;
  callers: Callers;
  authRateLimit: number;
  alerts?: AlertService;
  /** Bounds the batches and heartbeats in work at once (server/http/admission.ts). */
  admission?: Admission;
  metrics?: ServerMetrics;
}

/** The API kiosks talk to (shared/contract/kiosk-api.ts): enrolment, batches, configuration, heartbeats. */
export async function kioskRoutes(
  app: FastifyInstance,
  { store, now, callers, authRateLimit, alerts, admission, metrics }: KioskApiOptions,
) {
  declare(
    app,
    kioskApi.enrol,
    callers,
    async ({ body }) => {
      const enrolled = await redeemEnrolmentCode(store, body.code, body.appVersion, now(), body.keepKioskId, body.exportKey);
      return { ...enrolled, serverTime: serverTimeIso(now()) };
    },
    { config: { rateLimit: { max: authRateLimit, timeWindow: '1 minute' } } },
  );

  declare(
    app,
    kioskApi.sendBatch,
    callers,
    async ({ kiosk, body: batch, request, reply }) => {
      if (batch.kioskId !== kiosk.id) throw new HttpError(403, 'wrong_kiosk', 'The batch names another kiosk than the token’s.');
      const at = now();
      if (Math.abs(Date.parse(batch.sentAt) - at.getTime()) > PLAUSIBLE_CLOCK_SKEW_MS) {
        throw new HttpError(400, 'implausible_clock', 'sentAt is more than two years from the server’s time: check the kiosk’s clock.');
      }
      const clientGone = () => request.socket.destroyed || reply.raw.destroyed;
      let ingested;
      try {
        ingested = await ingestBatch(store, kiosk, batch, at, undefined, { clientGone });
      } catch (error) {
        if (!(error instanceof ClientGone)) throw error;
        request.log.info({ batchId: batch.batchId }, 'batch dropped: the kiosk left before it was stored');
        reply.hijack();
        reply.raw.destroy();
        return reply;
      }
      const { ceilingCrossed, ...result } = ingested;
      // How long the server held the batch, from its arrival to this answer (queueing included).
      const held = performance.now() - request.arrivedAt;
      reply.header('server-timing', `batch;dur=${held.toFixed(1)}`);
      metrics?.batchSeconds.observe(held / 1000);
      for (const outcome of ['accepted', 'duplicate', 'rejected'] as const) metrics?.ratings.inc({ outcome }, result[outcome].length);
      // Alerts come after the commit and never fail the batch: the kiosk's answer is about its ratings.
      await alerts?.afterRatings(kiosk.ward_id, result.accepted).catch((error: unknown) => request.log.error(error));
      if (ceilingCrossed) await alerts?.afterCeiling(kiosk.id, kiosk.ward_id).catch((error: unknown) => request.log.error(error));
      return result;
    },
    { bodyLimit: 2 * 1024 * 1024, admission },
  );

  declare(app, kioskApi.config, callers, async ({ kiosk, request, reply }) => {
    const config = await kioskConfigFor(store, kiosk);
    const etag = `"${createHash('sha256').update(canonicalJson(config)).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return { config, serverTime: serverTimeIso(now()) };
  });

  declare(app, kioskApi.exportKey, callers, async ({ kiosk, body }) => {
    await registerExportKey(store, kiosk.id, body.publicKey, now());
    return { registered: true as const };
  });

  declare(
    app,
    kioskApi.heartbeat,
    callers,
    async ({ kiosk, body: heartbeat, request }) => {
      if (heartbeat.kioskId !== kiosk.id) throw new HttpError(403, 'wrong_kiosk', 'The heartbeat names another kiosk than the token’s.');
      const at = now();
      const { recounting } = await recordHeartbeat(store, kiosk.id, heartbeat, at);
      if (recounting !== null) {
        await alerts?.afterRecounting(kiosk.id, kiosk.ward_id, recounting).catch((error: unknown) => request.log.error(error));
      }
      return { serverTime: serverTimeIso(at) };
    },
    { admission },
  );
}
