import { describe, expect, it } from 'vitest';
import { classifyOfficial, classifyUnit, summarise, tt01Scores } from '../../shared/report/cells';
import { contentHash } from '../../server/ingest';
import { countSource } from '../../server/reports/query';
import { Rating } from '../../shared/schema/rating';
import { periodDays } from '../../shared/report/period';
import { sampleRating } from '../support/fixtures';

describe('report arithmetic against hand-computed figures', () => {
  it('summarises a five-level distribution', () => {
    const cell = summarise(
      [
        { overall: 5, count: 10 },
        { overall: 4, count: 6 },
        { overall: 3, count: 2 },
        { overall: 1, count: 2 },
      ],
      5,
    );
    // mean = (50 + 24 + 6 + 2) / 20 = 4.1; satisfied = 16 / 20
    expect(cell).toEqual({ count: 20, distribution: { 5: 10, 4: 6, 3: 2, 2: 0, 1: 2 }, mean: 4.1, satisfiedShare: 0.8, scaleSize: 5 });
  });

  it('takes the top two of a three-level scale as satisfied', () => {
    expect(
      summarise(
        [
          { overall: 3, count: 1 },
          { overall: 2, count: 1 },
          { overall: 1, count: 2 },
        ],
        3,
      ).satisfiedShare,
    ).toBe(0.5);
    expect(summarise([], 5)).toMatchObject({ count: 0, mean: null, satisfiedShare: null });
  });

  it('scores Circular 01/2018 indicators as points over dossiers, leaving out indicators without data', () => {
    const scores = tt01Scores([
      { criterionId: 'chi-so-1', points: 2, count: 3 },
      { criterionId: 'chi-so-1', points: 1, count: 1 },
      { criterionId: 'chi-so-3', points: 0, count: 1 },
      { criterionId: 'chi-so-3', points: 2, count: 1 },
      { criterionId: 'chi-so-9', points: -1, count: 4 },
    ]);
    // chi-so-1: 7 / 4 = 1.75; chi-so-3: 2 / 2 = 1
    expect(scores).toEqual({
      indicators: [
        { criterionId: 'chi-so-1', dossiers: 4, score: 1.75 },
        { criterionId: 'chi-so-3', dossiers: 2, score: 1 },
      ],
      total: 2.75,
    });
  });

  it.each([
    [8, 'du-100'],
    [5, 'du-100'],
    [4.99, 'tu-70-den-duoi-100'],
    [3.5, 'tu-70-den-duoi-100'],
    [3.49, 'duoi-70'],
    [0, 'duoi-70'],
  ] as const)('an official scoring %d is %s (Art. 15.3.a)', (total, expected) => {
    expect(classifyOfficial(total)).toBe(expected);
  });

  it.each([
    [18, 'xuat-sac'],
    [15, 'xuat-sac'],
    [14.99, 'tot'],
    [12, 'tot'],
    [11.99, 'kha'],
    [9, 'kha'],
    [8.99, 'trung-binh'],
    [6, 'trung-binh'],
    [5.99, 'yeu'],
  ] as const)('a unit scoring %d is %s (Art. 15.3.b)', (total, expected) => {
    expect(classifyUnit(total)).toBe(expected);
  });

  it.each([
    [
      { period: 'month', at: '2026-02' },
      { from: '2026-02-01', to: '2026-02-28' },
    ],
    [
      { period: 'month', at: '2028-02' },
      { from: '2028-02-01', to: '2028-02-29' },
    ],
    [
      { period: 'quarter', at: '2026-Q4' },
      { from: '2026-10-01', to: '2026-12-31' },
    ],
    [
      { period: 'quarter', at: '2026-Q1' },
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    [
      { period: 'year', at: '2026' },
      { from: '2026-01-01', to: '2026-12-31' },
    ],
    [
      { period: 'day', at: '2026-11-22' },
      { from: '2026-11-22', to: '2026-11-22' },
    ],
    [
      { period: 'custom', from: '2026-07-15', to: '2026-10-10' },
      { from: '2026-07-15', to: '2026-10-10' },
    ],
    [{ period: 'month', at: '2026-13' }, null],
    [{ period: 'quarter', at: '2026-Q5' }, null],
    [{ period: 'custom', from: '2026-10-10', to: '2026-07-15' }, null],
  ] as const)('period %j covers %j', (query, expected) => {
    expect(periodDays(query)).toEqual(expected);
  });
});

describe('where report counts are read from', () => {
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, true],
    [{ from: '2026-10-01', to: '2026-12-31' }, true],
    [{ from: '2028-02-01', to: '2028-02-29' }, true],
    [{ from: '2026-02-01', to: '2026-02-27' }, false],
    [{ from: '2026-11-22', to: '2026-11-22' }, false],
    [{ from: '2026-07-15', to: '2026-10-31' }, false],
  ])('%j from the monthly table: %s', (days, monthly) => {
    expect(countSource(days).monthly).toBe(monthly);
  });
});

describe('rating fingerprints', () => {
  it('are equal for the same content whatever the key order, and differ for other content', () => {
    const rating = sampleRating(1, new Date('2026-11-22T01:00:00Z'), { criteria: { 'cong-chuc': 4, 'tiep-can-dich-vu': 5 } });
    const reordered = Rating.parse(
      Object.fromEntries(Object.entries({ ...rating, criteria: { 'tiep-can-dich-vu': 5, 'cong-chuc': 4 } }).reverse()),
    );
    expect(contentHash(reordered)).toBe(contentHash(Rating.parse(rating)));
    expect(contentHash(Rating.parse({ ...rating, comment: 'khác' }))).not.toBe(contentHash(Rating.parse(rating)));
  });
});
