import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testServer } from './support/server-harness';

/** Values a broken or hostile client might put anywhere in a batch. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.constant('9999-12-31T23:59:59.999+14:00'),
  fc.constant('0001-01-01T00:00:00.000Z'),
  fc.constant('x'.repeat(5000)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

describe.each(engines())('batch ingest under hostile input, %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let kiosk: Awaited<ReturnType<typeof server.enrolKiosk>>;
  beforeAll(async () => {
    server = await testServer(engine);
    kiosk = await server.enrolKiosk();
  });
  afterAll(async () => server.close());

  it('never answers 5xx, and a refused request changes no count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          field: fc.constantFrom(
            'id',
            'kioskId',
            'seq',
            'overall',
            'criteria',
            'reasons',
            'comment',
            'startedAt',
            'completedAt',
            'flags',
            'outcome',
            'templateVersion',
            'extra',
          ),
          value: junk,
          where: fc.constantFrom('rating', 'batch', 'raw'),
          raw: fc.string({ maxLength: 200 }),
        }),
        async ({ field, value, where, raw }) => {
          const before = await server.counts();
          const rating: Record<string, unknown> = server.rating(kiosk);
          let response;
          if (where === 'raw') {
            response = await server.app.inject({
              method: 'POST',
              url: '/api/v1/ratings/batches',
              headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
              payload: raw,
            });
          } else if (where === 'batch') {
            response = await server.sendBatch(kiosk, [rating], { [field === 'extra' ? 'extra' : 'sentAt']: value });
          } else {
            rating[field] = value;
            response = await server.sendBatch(kiosk, [rating]);
          }
          expect(response.statusCode).toBeLessThan(500);
          const after = await server.counts();
          const accepted = response.statusCode === 200 ? (response.json().accepted as string[]).length : 0;
          expect(after.ratings).toBe(before.ratings + accepted);
          expect(after.aggregated).toBe(before.aggregated + accepted);
          if (response.statusCode !== 200) expect(response.json().error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: engine === 'sqlite' ? 300 : 120, seed: 42 },
    );
  });
});
