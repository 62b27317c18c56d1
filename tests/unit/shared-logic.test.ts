import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoKioskConfig } from '../../shared/demo';
import { checkBurst, judgeBursts, perMinute } from '../../shared/rating/burst';
import { seqRuns, selectPrunable } from '../../shared/rating/prune';
import { nextStep, reasonsOffered, stepsAfterOverall } from '../../shared/rating/steps';
import { IsoDateTime } from '../../shared/schema/common';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { Rating } from '../../shared/schema/rating';
import { SurveyTemplate } from '../../shared/schema/template';
import { builtinTemplate, builtinTemplates } from '../../shared/templates/builtin';
import { toIsoWithOffset } from '../../shared/time';
import { sampleNewRating } from '../support/fixtures';

describe('device time with offset', () => {
  it.each([
    ['2026-11-22T01:02:03.004Z', 420, '2026-11-22T08:02:03.004+07:00'],
    ['2026-12-31T20:00:00.000Z', 420, '2027-01-01T03:00:00.000+07:00'],
    ['2026-11-22T01:02:03.004Z', 0, '2026-11-22T01:02:03.004+00:00'],
    ['2026-11-22T01:02:03.004Z', -570, '2026-11-21T15:32:03.004-09:30'],
  ])('%s at %i minutes east is %s', (instant, offset, expected) => {
    const text = toIsoWithOffset(new Date(instant), offset);
    expect(text).toBe(expected);
    expect(Date.parse(text)).toBe(Date.parse(instant));
    expect(IsoDateTime.safeParse(text).success).toBe(true);
  });

  it('refuses an invalid date', () => {
    expect(() => toIsoWithOffset(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('burst detection', () => {
  it('flags ratings beyond the limit within one minute, and forgets older ones', () => {
    let window: number[] = [];
    const verdicts: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      const result = checkBurst(window, 1_000_000 + i * 5_000, 6);
      window = result.window;
      verdicts.push(result.burst);
    }
    expect(verdicts).toEqual([false, false, false, false, false, false, true, true]);
    expect(checkBurst(window, 1_000_000 + 7 * 5_000 + 60_000, 6)).toEqual({ window: [1_095_000], burst: false });
  });
});

describe('the pruning rule', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  const answer = (id: number, at: string) => ({ id, at, runs: [[id, id]] });
  it('keeps every answer of the server through retention, and prunes the oldest first', () => {
    const settlements = [answer(1, '2026-11-01T00:00:00Z'), answer(2, '2026-06-01T00:00:00Z'), answer(3, '2026-01-01T00:00:00+07:00')];
    expect(selectPrunable(settlements, now, 90).map((s) => s.id)).toEqual([3, 2]);
    expect(selectPrunable(settlements, now, 365)).toEqual([]);
    // Exactly at the cutoff is still within retention.
    expect(selectPrunable([answer(4, '2026-08-24T00:00:00Z')], now, 90)).toEqual([]);
  });

  it.each([
    [[], []],
    [[5], [[5, 5]]],
    [[1, 2, 3, 4], [[1, 4]]],
    [
      [4, 2, 3, 9, 1, 10, 7],
      [
        [1, 4],
        [7, 7],
        [9, 10],
      ],
    ],
    [[3, 3, 2], [[2, 3]]],
  ])('sequence numbers %j as runs %j', (seqs, runs) => {
    expect(seqRuns(seqs)).toEqual(runs);
  });

  it('a run holds only the numbers it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 })), (seqs) => {
        const covered = seqRuns(seqs).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k));
        expect(covered).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('steps after the first tap', () => {
  it.each([
    ['quick', 1, []],
    ['sipas-5', 5, ['criteria', 'comment']],
    ['sipas-5', 2, ['criteria', 'reasons', 'comment']],
    ['sipas-5', 1, ['criteria', 'reasons', 'comment']],
    ['dvc-3', 1, ['reasons', 'comment']],
    ['dvc-3', 2, ['comment']],
    ['tt01-2018', 3, ['dossier', 'criteria', 'comment']],
  ] as const)('%s, overall %i: %j', (id, overall, steps) => {
    const template = builtinTemplate(id)!;
    expect(stepsAfterOverall(template, overall)).toEqual(steps);
    expect(nextStep(template, overall, steps.at(-1) ?? null)).toBeNull();
  });
});

describe('built-in survey templates', () => {
  it('are the five the regulations call for, each valid and versioned', () => {
    expect(builtinTemplates.map((t) => t.id)).toEqual(['quick', 'sipas-5', 'hue-3', 'tt01-2018', 'dvc-3']);
    for (const template of builtinTemplates) {
      expect(SurveyTemplate.parse(template)).toEqual(template);
      expect(template.version).toBeGreaterThanOrEqual(1);
    }
  });

  it('use the SIPAS five levels, with exact Vietnamese and English labels', () => {
    const labels = builtinTemplate('sipas-5')!.scale.map((l) => [l.value, l.label.vi, l.label.en]);
    expect(labels).toEqual([
      [5, 'Rất hài lòng', 'Very satisfied'],
      [4, 'Hài lòng', 'Satisfied'],
      [3, 'Bình thường', 'Neutral'],
      [2, 'Không hài lòng', 'Dissatisfied'],
      [1, 'Rất không hài lòng', 'Very dissatisfied'],
    ]);
    expect(builtinTemplate('dvc-3')!.scale.map((l) => l.label.vi)).toEqual(['Rất hài lòng', 'Hài lòng', 'Chưa hài lòng']);
  });

  it('sipas-5 and hue-3 carry their criteria', () => {
    expect(builtinTemplate('sipas-5')!.criteria.map((c) => c.label.vi)).toEqual([
      'Tiếp cận dịch vụ',
      'Thủ tục hành chính',
      'Công chức',
      'Kết quả giải quyết',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    ]);
    expect(builtinTemplate('hue-3')!.criteria.map((c) => c.label.vi)).toEqual([
      'Giải quyết thủ tục hành chính',
      'Sự phục vụ của công chức',
      'Kết quả, tiến độ giải quyết công việc',
    ]);
  });

  it('tt01-2018 asks indicators 1, 3, 4 and 7, each answer worth 2, 1 or 0 points', () => {
    const tt01 = builtinTemplate('tt01-2018')!;
    expect(tt01.criteria.map((c) => c.id)).toEqual(['chi-so-1', 'chi-so-3', 'chi-so-4', 'chi-so-7']);
    for (const criterion of tt01.criteria) expect(criterion.levels.map((l) => l.points)).toEqual([2, 1, 0]);
  });
});

describe('reasons per level', () => {
  const sipas = builtinTemplate('sipas-5')!;
  // "Chờ đợi lâu" for anyone unsatisfied or neutral; "Bị yêu cầu chi phí" only at the very bottom.
  const template = SurveyTemplate.parse({
    ...sipas,
    reasonsFor: [3, 2, 1],
    reasons: [
      { ...sipas.reasons[0]!, levels: [3, 2, 1] },
      { ...sipas.reasons.find((r) => r.code === 'chi-phi-ngoai-quy-dinh')!, levels: [1] },
      sipas.reasons.find((r) => r.code === 'tre-hen')!,
    ],
  });

  it('offers each level its own reasons; a reason without levels is offered at every level that asks', () => {
    const codes = (overall: number) => reasonsOffered(template, overall).map((r) => r.code);
    expect(codes(1)).toEqual(['cho-doi-lau', 'chi-phi-ngoai-quy-dinh', 'tre-hen']);
    expect(codes(2)).toEqual(['cho-doi-lau', 'tre-hen']);
    expect(codes(3)).toEqual(['cho-doi-lau', 'tre-hen']);
    expect(codes(4)).toEqual([]);
  });

  it('skips the reasons step where a level is offered none', () => {
    const onlyWorst = SurveyTemplate.parse({ ...template, reasons: [{ ...template.reasons[1]!, levels: [1] }] });
    expect(stepsAfterOverall(onlyWorst, 2)).not.toContain('reasons');
    expect(stepsAfterOverall(onlyWorst, 1)).toContain('reasons');
  });
});

describe('schemas refuse bad input', () => {
  const sipas = builtinTemplate('sipas-5')!;
  it.each([
    ['a 4-level scale', { ...sipas, scale: sipas.scale.slice(0, 4) }],
    ['levels out of order', { ...sipas, scale: [...sipas.scale].reverse() }],
    ['reasons for a value not on the scale', { ...sipas, reasonsFor: [9] }],
    ['a reason offered at a level not on the scale', { ...sipas, reasons: [{ ...sipas.reasons[0], levels: [9] }] }],
    ['a reason offered at no level', { ...sipas, reasons: [{ ...sipas.reasons[0], levels: [] }] }],
    ['duplicate criterion ids', { ...sipas, criteria: [sipas.criteria[0], sipas.criteria[0]] }],
    ['an unknown field', { ...sipas, extra: true }],
    ['an empty Vietnamese label', { ...sipas, name: { vi: ' ', en: 'x' } }],
    ['an idle timeout of 2 s', { ...sipas, idleTimeoutSeconds: 2 }],
  ])('a template with %s', (_name, template) => {
    expect(SurveyTemplate.safeParse(template).success).toBe(false);
  });

  it('a kiosk config without a valid kiosk id', () => {
    const config = demoKioskConfig('7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5f');
    expect(KioskConfig.safeParse({ ...config, kioskId: 'kiosk-1' }).success).toBe(false);
    expect(config.template.idleTimeoutSeconds).toBe(20);
    expect(config.burstMaxPerMinute).toBe(6);
  });

  it('a rating whose id is not a UUIDv7, or whose time has no offset', () => {
    const rating = {
      ...sampleNewRating(1, { templateId: 'quick' }),
      seq: 1,
      completedAt: '2026-11-22T08:00:01.000+07:00',
      outcome: 'completed',
    };
    expect(Rating.safeParse(rating).success).toBe(true);
    expect(Rating.safeParse({ ...rating, id: '7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5f' }).success).toBe(false);
    expect(Rating.safeParse({ ...rating, startedAt: '2026-11-22T08:00:00' }).success).toBe(false);
    expect(Rating.safeParse({ ...rating, outcome: 'open' }).success).toBe(false);
    expect(Rating.safeParse({ ...rating, name: 'Nguyễn Văn A' }).success).toBe(false);
  });
});

describe('the server’s burst verdict (per kiosk, per corrected minute, with a ceiling)', () => {
  const minute = 60_000;
  const t0 = Date.parse('2026-11-22T02:00:00Z');
  const limits = { maxPerMinute: 6, ceiling: { ratings: 30, minutes: 10 } };
  it.each([
    ['six in a minute count', [], Array.from({ length: 6 }, (_, i) => t0 + i), 0, false],
    ['seven in a minute: none of them counts', [], Array.from({ length: 7 }, (_, i) => t0 + i), 7, false],
    ['a minute already holding six: one more makes it a burst', Array.from({ length: 6 }, (_, i) => t0 + i), [t0 + 10], 1, false],
    ['one a minute for an hour counts', [], Array.from({ length: 60 }, (_, i) => t0 + i * minute), 0, false],
    [
      'five a minute for twenty minutes: over the ceiling from the 31st',
      [],
      Array.from({ length: 100 }, (_, i) => t0 + Math.floor(i / 5) * minute + (i % 5)),
      70,
      true,
    ],
    ['stored ratings count towards the ceiling', Array.from({ length: 30 }, (_, i) => t0 + i * 18_000), [t0 + 9.5 * minute], 1, true],
  ] as const)('%s', (_name, stored, fresh, bursts, crossed) => {
    const verdict = judgeBursts(perMinute(stored), fresh, limits);
    expect(verdict.burst.filter(Boolean)).toHaveLength(bursts);
    expect(verdict.ceilingCrossed).toBe(crossed);
  });
});
