import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStore } from './support/fake-store';
import { startFlow } from './support/flow-harness';

/** What a citizen (or a child playing with the kiosk) can do, and what can go wrong underneath. */
const action = fc.oneof(
  fc.record({ kind: fc.constant('rate' as const), value: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('answer' as const), value: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constantFrom('SKIP' as const, 'BACK' as const, 'NEXT' as const, 'SUBMIT' as const, 'ACTIVITY' as const) }),
  fc.record({ kind: fc.constant('reason' as const), code: fc.constantFrom('cho-doi-lau', 'tre-hen', 'bogus') }),
  fc.record({ kind: fc.constant('comment' as const), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('locale' as const), locale: fc.constantFrom('vi' as const, 'en' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 25_000 }) }),
  fc.record({ kind: fc.constant('fail' as const), what: fc.constantFrom('open' as const, 'finalise' as const) }),
);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-22T08:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

describe('rating flow, random walks', () => {
  it('never loses, duplicates or rewrites a rating, and thanks only after a durable finish', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('quick', 'sipas-5', 'hue-3', 'tt01-2018', 'dvc-3'),
        fc.array(action, { maxLength: 60 }),
        async (templateId, actions) => {
          const store = new FakeStore();
          const flow = await startFlow(templateId, store);
          const outcomes = new Map<string, string>();
          for (const a of actions) {
            const { context } = flow.state();
            const criterion = context.config.template.criteria[context.criterionIndex];
            switch (a.kind) {
              case 'rate':
                flow.actor.send({ type: 'RATE', value: a.value });
                break;
              case 'answer':
                flow.actor.send({ type: 'ANSWER', criterionId: criterion?.id ?? 'none', value: a.value });
                break;
              case 'reason':
                flow.actor.send({ type: 'TOGGLE_REASON', code: a.code });
                break;
              case 'comment':
                flow.actor.send({ type: 'COMMENT_CHANGED', text: a.text });
                break;
              case 'locale':
                flow.actor.send({ type: 'SET_LOCALE', locale: a.locale });
                break;
              case 'wait':
                await vi.advanceTimersByTimeAsync(a.ms);
                break;
              case 'fail':
                store.failNext = a.what;
                break;
              default:
                flow.actor.send({ type: a.kind });
            }
            await flow.flush();

            const snapshot = flow.state();
            // A finished rating is never finished again with another outcome.
            for (const [id, record] of store.records) {
              if (!record.finish) continue;
              const seen = outcomes.get(id);
              if (seen) expect(record.finish.outcome).toBe(seen);
              outcomes.set(id, record.finish.outcome);
            }
            // Thanks only once the rating on screen is durably finished as completed.
            if (snapshot.matches('thanks')) {
              const latest = [...store.records.values()].at(-1);
              expect(latest?.finish?.outcome).toBe('completed');
            }
            // Between citizens nothing of the last one is left in the flow.
            if (snapshot.matches('start')) {
              expect(snapshot.context.rating).toBeNull();
              expect(snapshot.context.countdown).toBeNull();
            }
            // Sequence numbers strictly increase; every record has a unique id.
            const seqs = [...store.records.values()].map((r) => r.seq);
            expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
            expect(new Set(seqs).size).toBe(seqs.length);
          }
          // Every write that succeeded is a rating the store holds, once.
          const opened = store.calls.filter((c) => c.startsWith('open')).length;
          expect(store.records.size).toBeLessThanOrEqual(opened);
          flow.actor.stop();
        },
      ),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
