import { Answers } from '../../shared/schema/rating';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoKioskConfig } from '../../shared/demo';
import { APOLOGY_MS, COUNTDOWN_SECONDS } from '../../shared/flow/rating-machine';
import { FakeStore } from './support/fake-store';
import { KIOSK_ID, startFlow } from './support/flow-harness';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-22T08:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

describe('rating flow', () => {
  it('finishes recovery before showing the start screen', async () => {
    const flow = await startFlow();
    expect(flow.store.calls[0]).toBe('recover');
    expect(flow.state().value).toBe('start');
  });

  it('still reaches the start screen when recovery fails, and reports it', async () => {
    const store = new FakeStore();
    store.failNext = 'recover';
    const flow = await startFlow('quick', store);
    expect(flow.state().value).toBe('start');
    expect(flow.errors).toHaveLength(1);
  });

  it('records a one-tap rating, finished, before the thank-you screen', async () => {
    const flow = await startFlow('quick');
    flow.actor.send({ type: 'RATE', value: 5 });
    expect(flow.state().value).toBe('opening');
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    const [record] = flow.store.finished();
    expect(record?.finish?.outcome).toBe('completed');
    expect(record?.rating).toMatchObject({ overall: 5, kioskId: KIOSK_ID, templateId: 'quick', templateVersion: 1 });
    expect(record?.rating.startedAt).toMatch(/^2026-11-22T\d\d:00:00\.000[+-]\d\d:\d\d$/);
  });

  it('does not show thanks while the write is still in flight', async () => {
    const store = new FakeStore();
    const flow = await startFlow('quick', store);
    store.hold = true;
    flow.actor.send({ type: 'RATE', value: 4 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flow.state().value).toBe('opening');
    store.release();
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
  });

  it('makes one rating from a double tap', async () => {
    const store = new FakeStore();
    const flow = await startFlow('quick', store);
    store.hold = true;
    flow.actor.send({ type: 'RATE', value: 5 });
    flow.actor.send({ type: 'RATE', value: 5 });
    flow.actor.send({ type: 'RATE', value: 4 });
    store.release();
    await flow.flush();
    expect(store.calls.filter((c) => c.startsWith('open'))).toEqual(['open:5']);
    expect(store.records.size).toBe(1);
  });

  it('ignores taps on the thank-you screen and returns to start after it', async () => {
    const flow = await startFlow('quick');
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    flow.actor.send({ type: 'RATE', value: 1 });
    flow.actor.send({ type: 'SET_LOCALE', locale: 'en' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(flow.state().context.locale).toBe('vi');
    await vi.advanceTimersByTimeAsync(flow.config.thankYouSeconds * 1000);
    expect(flow.state().value).toBe('start');
    expect(flow.store.records.size).toBe(1);
  });

  it('rejects a value that is not on the scale', async () => {
    const flow = await startFlow('dvc-3');
    flow.actor.send({ type: 'RATE', value: 5 });
    expect(flow.state().value).toBe('start');
  });

  it('takes no new rating once its ward or counter is retired, and takes them again when it is not', async () => {
    const flow = await startFlow('quick');
    flow.actor.send({ type: 'CONFIG_UPDATED', config: { ...demoKioskConfig(KIOSK_ID, 'quick'), retired: true } });
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.state().value).toBe('start');
    expect(flow.store.finished()).toHaveLength(0);
    flow.actor.send({ type: 'CONFIG_UPDATED', config: demoKioskConfig(KIOSK_ID, 'quick') });
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.store.finished()).toHaveLength(1);
  });

  it('walks through every sipas-5 criterion, then the comment', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    expect(flow.state().value).toEqual({ answering: 'criteria' });
    const criteria = flow.config.template.criteria;
    for (const [i, criterion] of criteria.entries()) {
      expect(flow.state().context.criterionIndex).toBe(i);
      await flow.pause();
      flow.actor.send({ type: 'ANSWER', criterionId: criterion.id, value: 5 - (i % 3) });
    }
    // Satisfied overall: no reasons step.
    expect(flow.state().value).toEqual({ answering: 'comment' });
    flow.actor.send({ type: 'COMMENT_CHANGED', text: 'Cán bộ hướng dẫn rất tận tình.' });
    await flow.pause();
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    const [record] = flow.store.finished();
    expect(record?.answers).toEqual({
      overall: 4,
      criteria: {
        'tiep-can-dich-vu': 5,
        'thu-tuc-hanh-chinh': 4,
        'cong-chuc': 3,
        'ket-qua-giai-quyet': 5,
        'tiep-nhan-gop-y': 4,
      },
      reasons: [],
      comment: 'Cán bộ hướng dẫn rất tận tình.',
    });
    expect(record?.finish?.outcome).toBe('completed');
  });

  it('takes only the reasons offered at the level given', async () => {
    const flow = await startFlow('dvc-3', undefined, (template) => ({
      ...template,
      reasons: template.reasons.map((r) => (r.code === 'chi-phi-ngoai-quy-dinh' ? { ...r, levels: [3] } : r)),
    }));
    flow.actor.send({ type: 'RATE', value: 1 });
    await flow.flush();
    expect(flow.state().value).toEqual({ answering: 'reasons' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'chi-phi-ngoai-quy-dinh' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'cho-doi-lau' });
    await flow.pause();
    flow.actor.send({ type: 'NEXT' });
    await flow.pause();
    flow.actor.send({ type: 'SKIP' });
    await flow.flush();
    expect(flow.store.finished()[0]?.answers.reasons).toEqual(['cho-doi-lau']);
  });

  it('asks for reasons after an unsatisfied rating, and every step can be skipped', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 1 });
    await flow.flush();
    for (let i = 0; i < flow.config.template.criteria.length; i++) {
      await flow.pause();
      flow.actor.send({ type: 'SKIP' });
    }
    expect(flow.state().value).toEqual({ answering: 'reasons' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'cho-doi-lau' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'chi-phi-ngoai-quy-dinh' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'cho-doi-lau' });
    flow.actor.send({ type: 'TOGGLE_REASON', code: 'not-a-reason' });
    await flow.pause();
    flow.actor.send({ type: 'NEXT' });
    expect(flow.state().value).toEqual({ answering: 'comment' });
    await flow.pause();
    flow.actor.send({ type: 'SKIP' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(flow.store.finished()[0]?.answers).toEqual({
      overall: 1,
      criteria: {},
      reasons: ['chi-phi-ngoai-quy-dinh'],
      comment: '',
    });
  });

  it('sends at once on SUBMIT, keeping the answers so far', async () => {
    const flow = await startFlow('hue-3');
    flow.actor.send({ type: 'RATE', value: 2 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'giai-quyet-tthc', value: 2 });
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(flow.store.finished()[0]?.answers.criteria).toEqual({ 'giai-quyet-tthc': 2 });
  });

  it('goes back to the previous criterion, and not before the first', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 3 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'BACK' });
    expect(flow.state().context.criterionIndex).toBe(0);
    flow.actor.send({ type: 'ANSWER', criterionId: 'tiep-can-dich-vu', value: 2 });
    await flow.pause();
    flow.actor.send({ type: 'BACK' });
    expect(flow.state().context.criterionIndex).toBe(0);
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'tiep-can-dich-vu', value: 4 });
    expect(flow.state().context.rating?.criteria).toEqual({ 'tiep-can-dich-vu': 4 });
  });

  it('ignores the second half of a double tap that lands on the next screen', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'tiep-can-dich-vu', value: 5 });
    await vi.advanceTimersByTimeAsync(80);
    flow.actor.send({ type: 'ANSWER', criterionId: 'thu-tuc-hanh-chinh', value: 5 });
    flow.actor.send({ type: 'SKIP' });
    expect(flow.state().context.criterionIndex).toBe(1);
    expect(flow.state().context.rating?.criteria).toEqual({ 'tiep-can-dich-vu': 5 });
  });

  it('ignores an answer for a criterion that is not on screen', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'cong-chuc', value: 5 });
    expect(flow.state().context.criterionIndex).toBe(0);
  });

  it('keeps what was answered when the citizen walks away mid-flow, with a countdown first', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'tiep-can-dich-vu', value: 5 });
    await flow.pause();
    flow.actor.send({ type: 'ANSWER', criterionId: 'thu-tuc-hanh-chinh', value: 3 });
    flow.actor.send({ type: 'ACTIVITY' });
    const timeoutMs = flow.config.template.idleTimeoutSeconds * 1000;
    await vi.advanceTimersByTimeAsync(timeoutMs - COUNTDOWN_SECONDS * 1000 - 1);
    expect(flow.state().context.countdown).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.state().context.countdown).toBe(COUNTDOWN_SECONDS);
    await vi.advanceTimersByTimeAsync(3000);
    expect(flow.state().context.countdown).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(flow.state().value).toBe('start');
    const [record] = flow.store.finished();
    expect(record?.finish?.outcome).toBe('timeout');
    expect(record?.answers.criteria).toEqual({ 'tiep-can-dich-vu': 5, 'thu-tuc-hanh-chinh': 3 });
    expect(flow.state().context.rating).toBeNull();
  });

  it('a touch during the countdown lets the citizen continue', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    await vi.advanceTimersByTimeAsync(17_000);
    expect(flow.state().context.countdown).toBe(3);
    flow.actor.send({ type: 'ACTIVITY' });
    expect(flow.state().context.countdown).toBeNull();
    await vi.advanceTimersByTimeAsync(14_000);
    expect(flow.state().value).toEqual({ answering: 'criteria' });
    expect(flow.store.finished()).toHaveLength(0);
  });

  it('times out at every step', async () => {
    for (const [overall, skips, step] of [
      [1, 0, 'criteria'],
      [1, 5, 'reasons'],
      [4, 5, 'comment'],
    ] as const) {
      const flow = await startFlow('sipas-5');
      flow.actor.send({ type: 'RATE', value: overall });
      await flow.flush();
      for (let i = 0; i < skips; i++) {
        await flow.pause();
        flow.actor.send({ type: 'SKIP' });
      }
      expect(flow.state().value).toEqual({ answering: step });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(flow.state().value).toBe('start');
      expect(flow.store.finished()[0]?.finish?.outcome).toBe('timeout');
      flow.actor.stop();
    }
  });

  it('records the language used, and gives the next citizen Vietnamese again', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'SET_LOCALE', locale: 'en' });
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    flow.actor.send({ type: 'COMMENT_CHANGED', text: 'ignored: not on the comment step' });
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.store.finished()[0]?.rating.locale).toBe('en');
    expect(flow.store.finished()[0]?.answers.comment).toBe('');
    await vi.advanceTimersByTimeAsync(5000);
    expect(flow.state().value).toBe('start');
    expect(flow.state().context.locale).toBe('vi');
  });

  it('forgets a visitor language left on the start screen', async () => {
    const flow = await startFlow('quick');
    flow.actor.send({ type: 'SET_LOCALE', locale: 'en' });
    await vi.advanceTimersByTimeAsync(29_000);
    flow.actor.send({ type: 'ACTIVITY' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(flow.state().context.locale).toBe('en');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.state().context.locale).toBe('vi');
  });

  it('cuts the comment to the template limit', async () => {
    const flow = await startFlow('dvc-3');
    flow.actor.send({ type: 'RATE', value: 3 });
    await flow.flush();
    expect(flow.state().value).toEqual({ answering: 'comment' });
    flow.actor.send({ type: 'COMMENT_CHANGED', text: 'ư'.repeat(900) });
    expect(flow.state().context.rating?.comment).toHaveLength(flow.config.template.comment.maxLength);
  });

  it('keeps only what can be stored: no U+0000, no half of an emoji cut at the limit', async () => {
    const flow = await startFlow('dvc-3');
    flow.actor.send({ type: 'RATE', value: 3 });
    await flow.flush();
    const limit = flow.config.template.comment.maxLength;
    flow.actor.send({ type: 'COMMENT_CHANGED', text: 'Cán bộ\u0000 tận tình \uD800' });
    expect(flow.state().context.rating?.comment).toBe('Cán bộ tận tình ');
    flow.actor.send({ type: 'COMMENT_CHANGED', text: `${'a'.repeat(limit - 1)}😀` });
    const comment = flow.state().context.rating!.comment;
    expect(comment).toBe('a'.repeat(limit - 1));
    expect(Answers.shape.comment.safeParse(comment).success).toBe(true);
  });

  it('apologises instead of thanking when the first write fails, then recovers', async () => {
    const store = new FakeStore();
    store.failNext = 'open';
    const flow = await startFlow('quick', store);
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.state().value).toBe('apology');
    expect(flow.errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(APOLOGY_MS);
    expect(flow.state().value).toBe('start');
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(store.finished()).toHaveLength(1);
  });

  it('apologises when finalising fails', async () => {
    const store = new FakeStore();
    const flow = await startFlow('dvc-3', store);
    flow.actor.send({ type: 'RATE', value: 2 });
    await flow.flush();
    store.failNext = 'finalise';
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().value).toBe('apology');
  });

  it('flags ratings given faster than people queue, and keeps them', async () => {
    const flow = await startFlow('quick');
    for (let i = 0; i < 8; i++) {
      flow.actor.send({ type: 'RATE', value: 5 });
      await flow.flush();
      await vi.advanceTimersByTimeAsync(flow.config.thankYouSeconds * 1000);
    }
    const flags = [...flow.store.records.values()].map((r) => r.rating.flags);
    expect(flags.slice(0, 6)).toEqual(Array(6).fill([]));
    expect(flags.slice(6)).toEqual([['burst'], ['burst']]);
    // A minute later the counter is calm again.
    await vi.advanceTimersByTimeAsync(60_000);
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect([...flow.store.records.values()].at(-1)?.rating.flags).toEqual([]);
  });

  it('takes a new configuration only at the next start screen', async () => {
    const flow = await startFlow('sipas-5');
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    flow.actor.send({ type: 'CONFIG_UPDATED', config: demoKioskConfig(KIOSK_ID, 'quick') });
    expect(flow.state().context.config.template.id).toBe('sipas-5');
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().context.config.template.id).toBe('sipas-5');
    await vi.advanceTimersByTimeAsync(5000);
    expect(flow.state().context.config.template.id).toBe('quick');
    flow.actor.send({ type: 'CONFIG_UPDATED', config: demoKioskConfig(KIOSK_ID, 'dvc-3') });
    expect(flow.state().context.config.template.id).toBe('dvc-3');
  });
});

describe('the dossier code (tt01-2018 asks it, optional)', () => {
  const CODE = '000.00.15.H26-241122-0001';
  const rateAndReachDossier = async (flow: Awaited<ReturnType<typeof startFlow>>) => {
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    expect(flow.state().context.step).toBe('dossier');
    await flow.pause();
  };

  it('keeps a well-formed code in capitals and goes on to the criteria', async () => {
    const flow = await startFlow('tt01-2018');
    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: ` ${CODE.toLowerCase()} ` });
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    expect(flow.state().context.step).toBe('criteria');
    expect(flow.state().context.rating?.dossierCode).toBe(CODE);
    expect(flow.store.calls).toContain(`dossier:${CODE}`);
    flow.actor.send({ type: 'SUBMIT' });
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.store.finished()[0]?.answers.dossierCode).toBe(CODE);
  });

  it('refuses a malformed code, then a code this kiosk already recorded, and lets the citizen skip', async () => {
    const flow = await startFlow('tt01-2018');
    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: CODE });
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    await vi.advanceTimersByTimeAsync(10_000); // thank-you, back to the start

    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: 'HS-123' });
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    expect(flow.state().context).toMatchObject({ step: 'dossier', dossierProblem: 'malformed' });
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: CODE });
    expect(flow.state().context.dossierProblem).toBeNull();
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    expect(flow.state().context).toMatchObject({ step: 'dossier', dossierProblem: 'recorded' });
    flow.actor.send({ type: 'SKIP' });
    await flow.flush();
    expect(flow.state().context.step).toBe('criteria');
    expect(flow.state().context.rating).not.toHaveProperty('dossierCode');
  });

  it('does not let "send" or an empty code pass a required dossier code', async () => {
    const flow = await startFlow('tt01-2018');
    flow.actor.send({
      type: 'CONFIG_UPDATED',
      config: { ...flow.config, template: { ...flow.config.template, dossier: { ...flow.config.template.dossier!, required: true } } },
    });
    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'SUBMIT' });
    flow.actor.send({ type: 'SKIP' });
    flow.actor.send({ type: 'NEXT' });
    await flow.flush();
    expect(flow.state().context).toMatchObject({ step: 'dossier', dossierProblem: 'empty' });
    expect(flow.store.finished()).toHaveLength(0);
  });

  it('"Gửi đánh giá" with a scanned code checks and keeps it, then sends; with a recorded code it stays', async () => {
    const flow = await startFlow('tt01-2018');
    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: CODE });
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(flow.store.finished()[0]?.answers.dossierCode).toBe(CODE);
    await vi.advanceTimersByTimeAsync(10_000);

    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: CODE });
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().context).toMatchObject({ step: 'dossier', dossierProblem: 'recorded' });
    // Nothing typed, optional step: "Gửi đánh giá" sends at once, without a code.
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: '' });
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    expect(flow.store.finished()[1]?.answers).not.toHaveProperty('dossierCode');
  });

  it('forgets the typed code for the next citizen', async () => {
    const flow = await startFlow('tt01-2018');
    await rateAndReachDossier(flow);
    flow.actor.send({ type: 'DOSSIER_CHANGED', text: 'HALF-TYPED' });
    await vi.advanceTimersByTimeAsync(120_000); // walked away
    expect(flow.state().value).toBe('start');
    expect(flow.state().context.dossierText).toBe('');
  });
});

describe('officer attribution', () => {
  const officials = [
    { id: 'cb-hoa', name: 'Nguyễn Thị Hoa', title: null, photo: null, pin: null },
    { id: 'cb-minh', name: 'Trần Văn Minh', title: null, photo: null, pin: null },
  ];
  const withAttribution = async (attribution: 'shift' | 'citizen', templateId = 'quick') => {
    const flow = await startFlow(templateId);
    flow.actor.send({ type: 'CONFIG_UPDATED', config: { ...flow.config, attribution, officials } });
    return flow;
  };

  it('by shift: each rating names the official on duty when it began; a handover counts from the next one', async () => {
    const flow = await withAttribution('shift', 'sipas-5');
    flow.actor.send({ type: 'ON_DUTY', officialId: 'cb-hoa' });
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    flow.actor.send({ type: 'ON_DUTY', officialId: 'cb-minh' }); // handover mid-rating
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    flow.actor.send({ type: 'RATE', value: 4 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'SUBMIT' });
    await flow.flush();
    expect(flow.store.finished().map((r) => r.rating.officialId)).toEqual(['cb-hoa', 'cb-minh']);
  });

  it('by shift: nobody signed in, or someone not of this counter, leaves the rating unattributed', async () => {
    const flow = await withAttribution('shift');
    flow.actor.send({ type: 'ON_DUTY', officialId: 'cb-la' });
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.store.finished()[0]?.rating).not.toHaveProperty('officialId');
  });

  it('by the citizen: a step of photos after the first tap; picking names the official, skipping does not', async () => {
    const flow = await withAttribution('citizen');
    flow.actor.send({ type: 'RATE', value: 5 });
    await flow.flush();
    expect(flow.state().context.step).toBe('official');
    await flow.pause();
    flow.actor.send({ type: 'PICK_OFFICIAL', officialId: 'cb-la' }); // not one of the counter's: ignored
    expect(flow.state().context.step).toBe('official');
    flow.actor.send({ type: 'PICK_OFFICIAL', officialId: 'cb-minh' });
    await flow.flush();
    expect(flow.state().value).toBe('thanks');
    await vi.advanceTimersByTimeAsync(10_000);
    flow.actor.send({ type: 'RATE', value: 3 });
    await flow.flush();
    await flow.pause();
    flow.actor.send({ type: 'SKIP' });
    await flow.flush();
    const [picked, skipped] = flow.store.finished();
    expect(picked?.answers.officialId).toBe('cb-minh');
    expect(skipped?.answers).not.toHaveProperty('officialId');
  });
});
