import { and, not, or, assign, fromPromise, sendTo, setup } from 'xstate';
import { storableText, type Locale } from '../schema/common';
import type { KioskConfig } from '../schema/kiosk-config';
import type { Answers, NewRating, RatingFlag } from '../schema/rating';
import { checkDossierCode } from '../input/scanner';
import { checkBurst } from '../rating/burst';
import { nextStep, reasonsOffered, type Step } from '../rating/steps';
import { toIsoWithOffset } from '../time';
import type { Finish, FlowDeps } from './ports';
import { idleTimer, screenTimer } from './timers';

/**
 * A tap that lands this soon after a screen appeared is the second half of a double tap on the
 * previous screen (its button sat where the new one is): ignore it rather than answer for the citizen.
 */
export const SETTLE_MS = 350;
/** The countdown shown before a walk-away reset. */
export const COUNTDOWN_SECONDS = 5;
/** How long the calm apology stays before the start screen returns. */
export const APOLOGY_MS = 6000;
/** On the start screen, a visitor's language choice is forgotten after this long untouched. */
export const START_IDLE_MS = 30_000;

export type FlowEvent =
  | { type: 'RATE'; value: number }
  | { type: 'ANSWER'; criterionId: string; value: number }
  | { type: 'SKIP' }
  | { type: 'BACK' }
  | { type: 'TOGGLE_REASON'; code: string }
  | { type: 'COMMENT_CHANGED'; text: string }
  | { type: 'DOSSIER_CHANGED'; text: string }
  | { type: 'PICK_OFFICIAL'; officialId: string }
  | { type: 'ON_DUTY'; officialId: string | null }
  | { type: 'NEXT' }
  | { type: 'SUBMIT' }
  | { type: 'SET_LOCALE'; locale: Locale }
  | { type: 'ACTIVITY' }
  | { type: 'CONFIG_UPDATED'; config: KioskConfig }
  | { type: 'COUNTDOWN'; secondsLeft: number }
  | { type: 'IDLE_TIMEOUT' }
  | { type: 'SCREEN_TIMER_DONE' };

export interface FlowInput {
  deps: FlowDeps;
  config: KioskConfig;
}

export interface FlowContext {
  deps: FlowDeps;
  config: KioskConfig;
  /** A configuration that arrived mid-flow: it takes effect at the next start screen. */
  nextConfig: KioskConfig | null;
  locale: Locale;
  /** The rating being given, from the first tap until it is finalised. */
  rating: (NewRating & { seq: number | null }) | null;
  step: Step | null;
  criterionIndex: number;
  /** When the current screen appeared (double-tap guard). */
  shownAt: number;
  /** Seconds left before a walk-away reset, while the countdown shows. */
  countdown: number | null;
  /** Start times within the last minute, for burst detection. */
  recentStarts: number[];
  /** What the dossier code being typed is, and why it was refused (null: not refused). */
  dossierText: string;
  dossierProblem: 'empty' | 'malformed' | 'recorded' | null;
  /** The code was given with "Gửi đánh giá": once it is checked, the rating is sent. */
  dossierThenSend: boolean;
  /** The official signed in for this shift, where the ward attributes ratings by shift. */
  onDuty: string | null;
}

const answersOf = (rating: NewRating): Answers => ({
  overall: rating.overall,
  criteria: rating.criteria,
  reasons: rating.reasons,
  comment: rating.comment,
  ...(rating.dossierCode && { dossierCode: rating.dossierCode }),
  ...(rating.officialId && { officialId: rating.officialId }),
});

/** Dossier codes are compared in capitals, without spaces around: how receipts print them. */
const normaliseDossier = (text: string) => text.trim().toUpperCase();

const finishNow = (context: FlowContext, outcome: Finish['outcome']): Finish => ({
  outcome,
  completedAt: toIsoWithOffset(context.deps.now()),
});

/** The kiosk's own steps on top of the template's: picking the official, where the ward asks citizens. */
const stepOptions = (context: FlowContext) => ({
  pickOfficial: context.config.attribution === 'citizen' && context.config.officials.length > 0,
});

/** The official a new rating is attributed to: the one on duty, if the ward counts by shift. */
const attributedOfficial = (context: FlowContext): string | undefined =>
  context.config.attribution === 'shift' && context.config.officials.some((o) => o.id === context.onDuty) ? context.onDuty! : undefined;

const currentRating = (context: FlowContext) => {
  if (!context.rating) throw new Error('no rating in progress');
  return context.rating;
};

export const ratingMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  actors: {
    idleTimer,
    screenTimer,
    recoverInterrupted: fromPromise<number, { deps: FlowDeps }>(({ input }) =>
      input.deps.store.finaliseInterrupted(toIsoWithOffset(input.deps.now())),
    ),
    openRating: fromPromise<{ seq: number }, { deps: FlowDeps; rating: NewRating; finish: Finish | null }>(({ input }) =>
      input.deps.store.open(input.rating, input.finish),
    ),
    finaliseRating: fromPromise<void, { deps: FlowDeps; id: string; answers: Answers; finish: Finish }>(({ input }) =>
      input.deps.store.finalise(input.id, input.answers, input.finish),
    ),
    checkDossier: fromPromise<boolean, { deps: FlowDeps; code: string; id: string }>(({ input }) =>
      input.deps.store.dossierRecorded(input.code, input.id),
    ),
  },
  guards: {
    // A retired ward's or counter's kiosk takes no new rating (it still sends those it holds).
    isScaleLevel: ({ context, event }) =>
      event.type === 'RATE' && !context.config.retired && context.config.template.scale.some((level) => level.value === event.value),
    hasNoSteps: ({ context }) => nextStep(context.config.template, currentRating(context).overall, null, stepOptions(context)) === null,
    nextStepIs: ({ context }, step: Step) =>
      nextStep(context.config.template, currentRating(context).overall, context.step, stepOptions(context)) === step,
    isCounterOfficial: ({ context, event }) =>
      event.type === 'PICK_OFFICIAL' && context.config.officials.some((o) => o.id === event.officialId),
    settled: ({ context }) => context.deps.now().getTime() - context.shownAt >= SETTLE_MS,
    isCurrentCriterionLevel: ({ context, event }) => {
      const criterion = context.config.template.criteria[context.criterionIndex];
      return (
        event.type === 'ANSWER' && criterion?.id === event.criterionId && criterion.levels.some((level) => level.value === event.value)
      );
    },
    isLastCriterion: ({ context }) => context.criterionIndex >= context.config.template.criteria.length - 1,
    hasPreviousCriterion: ({ context }) => context.criterionIndex > 0,
    dossierRequired: ({ context }) => context.config.template.dossier?.required === true,
    dossierTyped: ({ context }) => normaliseDossier(context.dossierText) !== '',
    /** Nothing typed on an optional step: "Tiếp tục" goes on without a code. */
    dossierLeftEmpty: ({ context }) => context.dossierProblem === 'empty' && context.config.template.dossier?.required !== true,
    dossierRefused: ({ context }) => context.dossierProblem !== null,
    dossierThenSend: ({ context }) => context.dossierThenSend,
    isOfferedReason: ({ context, event }) =>
      event.type === 'TOGGLE_REASON' &&
      context.rating !== null &&
      reasonsOffered(context.config.template, context.rating.overall).some((r) => r.code === event.code),
  },
  actions: {
    beginRating: assign(({ context, event }) => {
      if (event.type !== 'RATE') return {};
      const now = context.deps.now();
      const { window, burst } = checkBurst(context.recentStarts, now.getTime(), context.config.burstMaxPerMinute);
      const flags: RatingFlag[] = burst ? ['burst'] : [];
      const { config } = context;
      const officialId = attributedOfficial(context);
      return {
        recentStarts: window,
        rating: {
          id: context.deps.newId(),
          seq: null,
          kioskId: config.kioskId,
          wardId: config.ward.id,
          counterId: config.counter.id,
          templateId: config.template.id,
          templateVersion: config.template.version,
          startedAt: toIsoWithOffset(now),
          locale: context.locale,
          flags,
          overall: event.value,
          criteria: {},
          reasons: [],
          comment: '',
          ...(officialId && { officialId }),
        },
      };
    }),
    pickOfficial: assign({
      rating: ({ context, event }) =>
        event.type === 'PICK_OFFICIAL' ? { ...currentRating(context), officialId: event.officialId } : currentRating(context),
    }),
    setOnDuty: assign({ onDuty: ({ event }) => (event.type === 'ON_DUTY' ? event.officialId : null) }),
    markShown: assign({ shownAt: ({ context }) => context.deps.now().getTime() }),
    enterStep: assign((_, step: Step) => ({ step, criterionIndex: 0 })),
    answerCriterion: assign({
      rating: ({ context, event }) => {
        const rating = currentRating(context);
        if (event.type !== 'ANSWER') return rating;
        return { ...rating, criteria: { ...rating.criteria, [event.criterionId]: event.value } };
      },
    }),
    nextCriterion: assign({ criterionIndex: ({ context }) => context.criterionIndex + 1 }),
    previousCriterion: assign({ criterionIndex: ({ context }) => context.criterionIndex - 1 }),
    toggleReason: assign({
      rating: ({ context, event }) => {
        const rating = currentRating(context);
        if (event.type !== 'TOGGLE_REASON') return rating;
        const reasons = rating.reasons.includes(event.code)
          ? rating.reasons.filter((code) => code !== event.code)
          : [...rating.reasons, event.code];
        return { ...rating, reasons };
      },
    }),
    clearReasons: assign({ rating: ({ context }) => ({ ...currentRating(context), reasons: [] }) }),
    setComment: assign({
      rating: ({ context, event }) => {
        const rating = currentRating(context);
        if (event.type !== 'COMMENT_CHANGED') return rating;
        return { ...rating, comment: storableText(event.text.slice(0, context.config.template.comment.maxLength)) };
      },
    }),
    clearComment: assign({ rating: ({ context }) => ({ ...currentRating(context), comment: '' }) }),
    setDossierText: assign(({ event }) =>
      event.type === 'DOSSIER_CHANGED' ? { dossierText: storableText(event.text.slice(0, 60)), dossierProblem: null } : {},
    ),
    /** Checks the typed code against the template's pattern; a refusal says why. */
    judgeDossier: assign(({ context }) => {
      const rule = context.config.template.dossier;
      const code = normaliseDossier(context.dossierText);
      if (!rule) return {};
      const verdict = checkDossierCode(code, rule);
      return { dossierProblem: verdict === 'ok' ? (code === '' ? 'empty' : null) : verdict };
    }),
    keepDossier: assign({
      rating: ({ context }) => ({ ...currentRating(context), dossierCode: normaliseDossier(context.dossierText) }),
    }),
    clearDossier: assign(({ context }) => {
      const { dossierCode: _dropped, ...rating } = currentRating(context);
      return { rating, dossierText: '', dossierProblem: null };
    }),
    /** Fire and forget: IndexedDB runs these before the later finalise, which is awaited. */
    saveProgress: ({ context }) => {
      const rating = currentRating(context);
      context.deps.store.saveProgress(rating.id, answersOf(rating)).catch((error: unknown) => context.deps.report('saveProgress', error));
    },
    setLocale: assign({ locale: ({ event }) => (event.type === 'SET_LOCALE' ? event.locale : 'vi') }),
    resetLocale: assign({ locale: 'vi' as Locale }),
    setCountdown: assign({ countdown: ({ event }) => (event.type === 'COUNTDOWN' ? event.secondsLeft : null) }),
    clearCountdown: assign({ countdown: null }),
    keepNextConfig: assign({
      nextConfig: ({ context, event }) => (event.type === 'CONFIG_UPDATED' ? event.config : context.nextConfig),
    }),
    applyNextConfig: assign(({ context }) => (context.nextConfig ? { config: context.nextConfig, nextConfig: null } : {})),
    /** Nothing of one citizen's answers, language or comment is left for the next one. */
    forgetCitizen: assign({
      rating: null,
      dossierText: '',
      dossierProblem: null,
      dossierThenSend: false,
      step: null,
      criterionIndex: 0,
      countdown: null,
      locale: 'vi' as Locale,
    }),
    reportError: ({ context, event }) => {
      context.deps.report('rating-flow', 'error' in event ? event.error : event);
    },
  },
}).createMachine({
  id: 'rating',
  context: ({ input }) => ({
    deps: input.deps,
    config: input.config,
    nextConfig: null,
    locale: 'vi',
    rating: null,
    step: null,
    criterionIndex: 0,
    shownAt: 0,
    countdown: null,
    recentStarts: [],
    dossierText: '',
    dossierProblem: null,
    dossierThenSend: false,
    onDuty: null,
  }),
  on: {
    CONFIG_UPDATED: { actions: 'keepNextConfig' },
    // A shift change counts from the next rating; the one in progress keeps whom it began with.
    ON_DUTY: { actions: 'setOnDuty' },
  },
  initial: 'recovering',
  states: {
    /** After a crash or power cut, finish what was left open before taking new ratings. */
    recovering: {
      invoke: {
        src: 'recoverInterrupted',
        input: ({ context }) => ({ deps: context.deps }),
        onDone: { target: 'start' },
        onError: { target: 'start', actions: 'reportError' },
      },
    },

    /** Five faces and one question. One tap is a whole opinion. */
    start: {
      entry: ['forgetCitizen', 'applyNextConfig'],
      invoke: {
        id: 'startIdle',
        src: 'idleTimer',
        input: { timeoutMs: START_IDLE_MS, countdownSeconds: 0 },
      },
      on: {
        RATE: { guard: 'isScaleLevel', target: 'opening', actions: 'beginRating' },
        SET_LOCALE: { actions: 'setLocale' },
        ACTIVITY: { actions: sendTo('startIdle', { type: 'ACTIVITY' }) },
        IDLE_TIMEOUT: { actions: 'resetLocale' },
        CONFIG_UPDATED: { actions: ['keepNextConfig', 'applyNextConfig'] },
      },
    },

    /** The first tap is being written. A second tap lands here and is ignored. */
    opening: {
      invoke: {
        src: 'openRating',
        input: ({ context }) => {
          const { seq: _seq, ...rating } = currentRating(context);
          const done = nextStep(context.config.template, rating.overall, null, stepOptions(context)) === null;
          return { deps: context.deps, rating, finish: done ? finishNow(context, 'completed') : null };
        },
        onDone: [
          { guard: 'hasNoSteps', target: 'thanks' },
          {
            target: 'answering',
            actions: assign({ rating: ({ context, event }) => ({ ...currentRating(context), seq: event.output.seq }) }),
          },
        ],
        onError: { target: 'apology', actions: 'reportError' },
      },
    },

    /** The optional steps. Walking away keeps what was answered; SUBMIT sends at once. */
    answering: {
      invoke: {
        id: 'idle',
        src: 'idleTimer',
        input: ({ context }) => ({
          timeoutMs: context.config.template.idleTimeoutSeconds * 1000,
          countdownSeconds: COUNTDOWN_SECONDS,
        }),
      },
      on: {
        ACTIVITY: { actions: ['clearCountdown', sendTo('idle', { type: 'ACTIVITY' })] },
        COUNTDOWN: { actions: 'setCountdown' },
        IDLE_TIMEOUT: { target: 'timingOut' },
        SET_LOCALE: { actions: 'setLocale' },
        SUBMIT: { guard: 'settled', target: 'finalising' },
      },
      initial: 'advancing',
      states: {
        advancing: {
          always: [
            { guard: { type: 'nextStepIs', params: 'dossier' }, target: 'dossier' },
            { guard: { type: 'nextStepIs', params: 'official' }, target: 'official' },
            { guard: { type: 'nextStepIs', params: 'criteria' }, target: 'criteria' },
            { guard: { type: 'nextStepIs', params: 'reasons' }, target: 'reasons' },
            { guard: { type: 'nextStepIs', params: 'comment' }, target: 'comment' },
            { target: '#rating.finalising' },
          ],
        },
        /** The receipt's code: typed or scanned, checked, and refused if this kiosk already has it. */
        dossier: {
          entry: [{ type: 'enterStep', params: 'dossier' }, 'markShown'],
          initial: 'typing',
          states: {
            typing: {
              on: {
                DOSSIER_CHANGED: { actions: 'setDossierText' },
                NEXT: { guard: 'settled', target: 'judging', actions: [assign({ dossierThenSend: false }), 'judgeDossier'] },
                SKIP: { guard: and(['settled', not('dossierRequired')]), target: '#rating.answering.advancing', actions: 'clearDossier' },
                // "Gửi đánh giá": a code typed or scanned is checked and kept first, and a required one
                // cannot be jumped; with nothing typed on an optional step, it sends at once.
                SUBMIT: [
                  {
                    guard: and(['settled', or(['dossierTyped', 'dossierRequired'])]),
                    target: 'judging',
                    actions: [assign({ dossierThenSend: true }), 'judgeDossier'],
                  },
                  { guard: 'settled', target: '#rating.finalising', actions: 'clearDossier' },
                  { actions: [] },
                ],
              },
            },
            judging: {
              always: [
                { guard: 'dossierLeftEmpty', target: '#rating.answering.advancing', actions: 'clearDossier' },
                { guard: 'dossierRefused', target: 'typing' },
                { target: 'checking' },
              ],
            },
            checking: {
              invoke: {
                src: 'checkDossier',
                input: ({ context }) => ({
                  deps: context.deps,
                  code: normaliseDossier(context.dossierText),
                  id: currentRating(context).id,
                }),
                onDone: [
                  { guard: ({ event }) => event.output, target: 'typing', actions: assign({ dossierProblem: 'recorded' as const }) },
                  { guard: 'dossierThenSend', target: '#rating.finalising', actions: ['keepDossier', 'saveProgress'] },
                  { target: '#rating.answering.advancing', actions: ['keepDossier', 'saveProgress'] },
                ],
                // The queue could not be asked: keep the code; the server flags a repeat anyway.
                onError: [
                  { guard: 'dossierThenSend', target: '#rating.finalising', actions: ['keepDossier', 'reportError'] },
                  { target: '#rating.answering.advancing', actions: ['keepDossier', 'saveProgress', 'reportError'] },
                ],
              },
            },
          },
        },
        /** Who served you? Photos of the counter's officials; skipping leaves the rating unattributed. */
        official: {
          entry: [{ type: 'enterStep', params: 'official' }, 'markShown'],
          on: {
            PICK_OFFICIAL: { guard: and(['settled', 'isCounterOfficial']), target: 'advancing', actions: ['pickOfficial', 'saveProgress'] },
            SKIP: { guard: 'settled', target: 'advancing' },
          },
        },
        criteria: {
          entry: [{ type: 'enterStep', params: 'criteria' }, 'markShown'],
          on: {
            ANSWER: [
              {
                guard: and(['settled', 'isCurrentCriterionLevel', 'isLastCriterion']),
                target: 'advancing',
                actions: ['answerCriterion', 'saveProgress'],
              },
              {
                guard: and(['settled', 'isCurrentCriterionLevel']),
                actions: ['answerCriterion', 'saveProgress', 'nextCriterion', 'markShown'],
              },
            ],
            SKIP: [
              { guard: and(['settled', 'isLastCriterion']), target: 'advancing' },
              { guard: 'settled', actions: ['nextCriterion', 'markShown'] },
            ],
            BACK: { guard: and(['settled', 'hasPreviousCriterion']), actions: ['previousCriterion', 'markShown'] },
          },
        },
        reasons: {
          entry: [{ type: 'enterStep', params: 'reasons' }, 'markShown'],
          on: {
            TOGGLE_REASON: { guard: 'isOfferedReason', actions: 'toggleReason' },
            NEXT: { guard: 'settled', target: 'advancing', actions: 'saveProgress' },
            SKIP: { guard: 'settled', target: 'advancing', actions: ['clearReasons', 'saveProgress'] },
          },
        },
        comment: {
          entry: [{ type: 'enterStep', params: 'comment' }, 'markShown'],
          on: {
            COMMENT_CHANGED: { actions: 'setComment' },
            NEXT: { guard: 'settled', target: '#rating.finalising' },
            SKIP: { guard: 'settled', target: '#rating.finalising', actions: 'clearComment' },
          },
        },
      },
    },

    /** Sent: the thank-you screen waits for this write to be durable. */
    finalising: {
      invoke: {
        src: 'finaliseRating',
        input: ({ context }) => {
          const rating = currentRating(context);
          return { deps: context.deps, id: rating.id, answers: answersOf(rating), finish: finishNow(context, 'completed') };
        },
        onDone: { target: 'thanks' },
        onError: { target: 'apology', actions: 'reportError' },
      },
    },

    /** Walked away: keep what was answered, then start over for the next person. */
    timingOut: {
      invoke: {
        src: 'finaliseRating',
        input: ({ context }) => {
          const rating = currentRating(context);
          return { deps: context.deps, id: rating.id, answers: answersOf(rating), finish: finishNow(context, 'timeout') };
        },
        onDone: { target: 'start' },
        // Nobody is there to apologise to; the open record is finalised as interrupted at next start-up.
        onError: { target: 'start', actions: 'reportError' },
      },
    },

    /** Shown only after the rating is durable. Taps here are ignored: no handlers. */
    thanks: {
      invoke: { src: 'screenTimer', input: ({ context }) => ({ ms: context.config.thankYouSeconds * 1000 }) },
      on: { SCREEN_TIMER_DONE: { target: 'start' } },
    },

    /** Storage failed: never fake a thank-you; apologise calmly and let the next tap try again. */
    apology: {
      invoke: { src: 'screenTimer', input: { ms: APOLOGY_MS } },
      on: { SCREEN_TIMER_DONE: { target: 'start' } },
    },
  },
});
