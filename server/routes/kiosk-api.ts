import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canonicalJson } from '../../shared/canonical-json';
import { EnrolRequest, Heartbeat, RatingBatch } from '../../shared/schema/api';
import type { Store } from '../db/connect';
import { kioskForToken, redeemEnrolmentCode } from '../repo/enrolment';
import { HttpError, parseInput } from '../http/errors';
import { ingestBatch, PLAUSIBLE_CLOCK_SKEW_MS } from '../ingest';
import { kioskConfigFor } from '../repo/org';
import { recordHeartbeat } from '../repo/fleet';
import { serverTimeIso } from '../time';
import type { AlertService } from '../alerts/service';

/** The API kiosks talk to: enrolment, batches of ratings, configuration and heartbeats. */
export async function kioskApi(
  app: FastifyInstance,
  { store, now, authRateLimit = 10, alerts }: { store: Store; now: () => Date; authRateLimit?: number; alerts?: AlertService },
) {
  await app.register(async (limited) => {
    await limited.register(rateLimit, { max: authRateLimit, timeWindow: '1 minute' });
    limited.post('/api/v1/enrol', async (request, reply) => {
      const body = parseInput(EnrolRequest, request.body, 'enrolment');
      const enrolled = await redeemEnrolmentCode(store, body.code, body.appVersion, now(), body.keepKioskId);
      return reply.status(201).send({ ...enrolled, serverTime: serverTimeIso(now()) });
    });
  });

  app.post('/api/v1/ratings/batches', { bodyLimit: 2 * 1024 * 1024 }, async (request) => {
    const kiosk = await kioskForToken(store, request.headers.authorization);
    const batch = parseInput(RatingBatch, request.body, 'batch');
    if (batch.kioskId !== kiosk.id) throw new HttpError(403, 'wrong_kiosk', 'The batch names another kiosk than the token’s.');
    const at = now();
    if (Math.abs(Date.parse(batch.sentAt) - at.getTime()) > PLAUSIBLE_CLOCK_SKEW_MS) {
      throw new HttpError(400, 'implausible_clock', 'sentAt is more than two years from the server’s time: check the kiosk’s clock.');
    }
    const result = await ingestBatch(store, kiosk, batch, at);
    // Alerts come after the commit and never fail the batch: the kiosk's answer is about its ratings.
    await alerts?.afterRatings(kiosk.ward_id, result.accepted).catch((error: unknown) => request.log.error(error));
    return result;
  });

  app.get('/api/v1/kiosk/config', async (request, reply) => {
    const kiosk = await kioskForToken(store, request.headers.authorization);
    const config = await kioskConfigFor(store, kiosk);
    const etag = `"${createHash('sha256').update(canonicalJson(config)).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return { config, serverTime: serverTimeIso(now()) };
  });

  app.post('/api/v1/kiosk/heartbeat', async (request) => {
    const kiosk = await kioskForToken(store, request.headers.authorization);
    const heartbeat = parseInput(Heartbeat, request.body, 'heartbeat');
    if (heartbeat.kioskId !== kiosk.id) throw new HttpError(403, 'wrong_kiosk', 'The heartbeat names another kiosk than the token’s.');
    const at = now();
    await recordHeartbeat(store, kiosk.id, heartbeat, at);
    return { serverTime: serverTimeIso(at) };
  });
}
