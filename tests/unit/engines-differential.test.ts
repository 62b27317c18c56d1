import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../shared/time';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;

/**
 * Text as a hostile or broken client may send it: Vietnamese, emoji (surrogate pairs), and what one
 * engine stores and the other cannot (U+0000, an unpaired surrogate).
 */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'Cán bộ\u0000tận tình', '\uD800', 'a\uDC00b', '😀 rất tốt', 'Phường Tràng Tiền', '\u0000'.repeat(3)),
);
const seq = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, Number.MAX_SAFE_INTEGER),
);

const both = engines();

/**
 * SQLite and PostgreSQL take the same inputs and give the same answers: a batch, a heartbeat and an
 * enrolment with generated text and numbers are sent to a server on each engine, and their answers
 * must match, never be a 5xx, and a refused rating must never take the valid ones beside it down.
 */
describe.runIf(both.length === 2)('the two database engines answer alike', () => {
  const servers: Record<string, Server> = {};
  const kiosks: Record<string, Awaited<ReturnType<Server['enrolKiosk']>>> = {};
  beforeAll(async () => {
    for (const engine of both) {
      servers[engine] = await testServer(engine, undefined, { authRateLimit: 100_000 });
      kiosks[engine] = await servers[engine]!.enrolKiosk();
    }
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server.close();
  });

  /** The parts of an answer that must not depend on the engine. */
  const shape = (response: { statusCode: number; json: () => unknown }) => {
    const body = response.json() as {
      error?: { code: string };
      accepted?: string[];
      duplicate?: string[];
      rejected?: { index: number; code: string }[];
    };
    return {
      status: response.statusCode,
      error: body.error?.code ?? null,
      accepted: body.accepted?.length ?? null,
      duplicate: body.duplicate?.length ?? null,
      rejected: body.rejected?.map((r) => [r.index, r.code]) ?? null,
    };
  };

  it('a batch: a rating with odd text or a huge sequence number is refused alone, alike on both', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ comment: text, dossierCode: text, seq, good: fc.integer({ min: 0, max: 3 }) }),
        async ({ comment, dossierCode, seq, good }) => {
          n++;
          const answers = [];
          for (const engine of both) {
            const server = servers[engine]!;
            const kiosk = kiosks[engine]!;
            // The same ids on both engines: `rating()` counts per server, so they stay in step.
            const valid = Array.from({ length: good }, (_, i) => server.rating(kiosk, { seq: 100_000 + n * 10 + i }));
            const odd = server.rating(kiosk, { seq, comment, ...(dossierCode.length > 0 && { dossierCode }) });
            const ratings = [...valid, odd];
            const response = await server.sendBatch(kiosk, ratings);
            expect(response.statusCode, `${engine}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
            answers.push(shape(response));
            if (response.statusCode === 200) expect(response.json().accepted.length).toBeGreaterThanOrEqual(good);
          }
          expect(answers[1]).toEqual(answers[0]);
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('a heartbeat and an enrolment with odd text: never a 5xx, alike on both', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ lastError: text, appVersion: text }), async ({ lastError, appVersion }) => {
        const answers = [];
        for (const engine of both) {
          const server = servers[engine]!;
          const kiosk = kiosks[engine]!;
          const beat = await server.app.inject({
            method: 'POST',
            url: '/api/v1/kiosk/heartbeat',
            headers: { authorization: `Bearer ${kiosk.token}` },
            payload: {
              kioskId: kiosk.kioskId,
              sentAt: toIsoWithOffset(new Date('2026-11-22T03:00:00Z'), 420),
              queueDepth: 1,
              oldestPendingAgeSeconds: null,
              appVersion: appVersion.slice(0, 40),
              lastError: lastError.slice(0, 500),
              storageUsedBytes: null,
              storageQuotaBytes: null,
            },
          });
          const enrol = await server.app.inject({
            method: 'POST',
            url: '/api/v1/enrol',
            payload: { code: 'ABCD-EFGH-JKLM', appVersion: appVersion.slice(0, 40) },
          });
          expect(beat.statusCode).toBeLessThan(500);
          expect(enrol.statusCode).toBeLessThan(500);
          answers.push([shape(beat), shape(enrol)]);
        }
        expect(answers[1]).toEqual(answers[0]);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });
});
