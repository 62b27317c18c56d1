import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../shared/rating/coverage';
import { seqRuns } from '../../shared/rating/prune';
import { intersect, mergeRuns, runLength, uncovered } from '../../shared/rating/seq-runs';

const expand = (runs: readonly (readonly [number, number])[]) =>
  runs.flatMap(([f, l]) => Array.from({ length: l - f + 1 }, (_, i) => f + i));
const runsOf = fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }).map((seqs) => seqRuns(seqs));

describe('runs of sequence numbers', () => {
  it.each([
    [
      [
        [1, 3],
        [4, 6],
      ],
      [[1, 6]],
    ],
    [
      [
        [5, 9],
        [1, 2],
        [3, 3],
      ],
      [
        [1, 3],
        [5, 9],
      ],
    ],
    [
      [
        [1, 10],
        [2, 4],
      ],
      [[1, 10]],
    ],
    [[], []],
  ] as [number, number][][][])('merges %j into %j', (input, merged) => {
    expect(mergeRuns(input)).toEqual(merged);
  });

  it.each([
    [
      1,
      10,
      [
        [3, 4],
        [8, 12],
      ],
      [
        [1, 2],
        [5, 7],
      ],
    ],
    [1, 5, [], [[1, 5]]],
    [1, 5, [[1, 5]], []],
    [4, 3, [], []],
    [
      2,
      9,
      [
        [1, 1],
        [10, 11],
      ],
      [[2, 9]],
    ],
  ] as [number, number, [number, number][], [number, number][]][])('within %i–%i, not covered by %j: %j', (from, to, covered, expected) => {
    expect(uncovered(from, to, covered)).toEqual(expected);
  });

  it('agree with sets of numbers', () => {
    fc.assert(
      fc.property(runsOf, runsOf, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 40 }), (a, b, from, span) => {
        const to = from + span;
        const setA = new Set(expand(a));
        const setB = new Set(expand(b));
        expect(expand(mergeRuns(a, b))).toEqual([...new Set([...setA, ...setB])].sort((x, y) => x - y));
        expect(expand(intersect(a, b))).toEqual([...setA].filter((n) => setB.has(n)).sort((x, y) => x - y));
        const range = Array.from({ length: span + 1 }, (_, i) => from + i);
        expect(expand(uncovered(from, to, a))).toEqual(range.filter((n) => !setA.has(n)));
      }),
    );
  });
});

describe('the ledger’s verdict for one incarnation', () => {
  it('sorts every number from the first to the highest into exactly one of received, refused, waiting, set aside or missing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 70 }),
        runsOf,
        runsOf,
        runsOf,
        runsOf,
        (firstSeq, highestReported, received, refused, unsent, setAside) => {
          const verdict = coverage({ firstSeq, highestReported, received, refused, unsent, setAside });
          const parts = [
            intersect(received, [[firstSeq, verdict.highest]]),
            uncovered(firstSeq, verdict.highest, received).flatMap((r) => intersect([r], refused)),
            verdict.waiting,
            verdict.setAside,
            verdict.missing,
          ];
          const all = parts.flatMap(expand).sort((x, y) => x - y);
          const range = Array.from({ length: Math.max(0, verdict.highest - firstSeq + 1) }, (_, i) => firstSeq + i);
          expect(all).toEqual(range);
          expect(
            verdict.received + verdict.refused + runLength(verdict.waiting) + runLength(verdict.setAside) + runLength(verdict.missing),
          ).toBe(range.length);
          // Complete up to just before the first number that is not on the server.
          const notHere = [...verdict.waiting, ...verdict.setAside, ...verdict.missing].map(([f]) => f);
          expect(verdict.completeThrough).toBe(notHere.length > 0 ? Math.min(...notHere) - 1 : verdict.highest);
        },
      ),
    );
  });

  it('reads a lost batch as missing, and what the kiosk still holds as waiting or set aside', () => {
    expect(
      coverage({
        firstSeq: 1,
        highestReported: 20,
        received: [
          [1, 5],
          [10, 12],
        ],
        refused: [[13, 13]],
        unsent: [[18, 20]],
        setAside: [[14, 14]],
      }),
    ).toEqual({
      highest: 20,
      completeThrough: 5,
      received: 8,
      refused: 1,
      waiting: [[18, 20]],
      setAside: [[14, 14]],
      missing: [
        [6, 9],
        [15, 17],
      ],
    });
  });
});
