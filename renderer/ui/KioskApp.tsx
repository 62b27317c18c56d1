import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FlowDeps } from '../../shared/flow/ports';
import { ratingMachine, SETTLE_MS } from '../../shared/flow/rating-machine';
import { nextStep, reasonsOffered } from '../../shared/rating/steps';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { ServiceNotice } from '../../shared/sync/service-notice';
import { CommentScreen } from './CommentScreen';
import { Countdown } from './Countdown';
import { CriterionScreen } from './CriterionScreen';
import { Header } from './Header';
import { KioskViewContext } from './KioskContext';
import { ApologyScreen, LoadingScreen, RetiredScreen, ThanksScreen } from './MessageScreens';
import { ReasonsScreen } from './ReasonsScreen';
import { RecordedAnswer } from './RecordedAnswer';
import { StartScreen } from './StartScreen';
import { HiddenCorner } from './HiddenCorner';
import { DossierScreen } from './DossierScreen';
import { OfficialScreen } from './OfficialScreen';
import { ShiftDesk } from './ShiftDesk';
import type { ShiftPort } from '../host/shift';
import { TechnicianMode } from './TechnicianMode';
import type { TechnicianPort } from '../host/technician';

export type ScreenName = 'loading' | 'start' | 'dossier' | 'official' | 'criteria' | 'reasons' | 'comment' | 'thanks' | 'apology';

interface Props {
  deps: FlowDeps;
  config: KioskConfig;
  /** Called after each screen change is committed to the DOM (benchmarks, diagnostics). */
  onScreen?: (screen: ScreenName) => void;
  /** New configurations from the server; the machine holds them until the next start screen. */
  subscribeConfig?: (listener: (config: KioskConfig) => void) => () => void;
  /** Whether sync needs a person (shown discreetly on the start screen). */
  notices?: NoticeSource;
  /** Technician mode, opened from the start screen's hidden corner. */
  technician?: TechnicianPort;
  /** Who is on duty, where the ward attributes ratings by shift. */
  shift?: ShiftPort;
}

export interface NoticeSource {
  subscribe: (listener: () => void) => () => void;
  current: () => ServiceNotice | null;
}

const noNotices: NoticeSource = { subscribe: () => () => undefined, current: () => null };

/**
 * Mirrors the machine's double-tap guard: true once a tap on the current screen counts. Shown as
 * `data-settled` so tests (and a technician's devtools) wait for the app's own state, not for time.
 */
function useSettled(shownAt: number, now: () => Date) {
  const [settledAt, setSettledAt] = useState<number | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettledAt(shownAt), Math.max(0, SETTLE_MS - (now().getTime() - shownAt)));
    return () => clearTimeout(timer);
  }, [shownAt, now]);
  return settledAt === shownAt;
}

/** Renders the rating machine's state and sends it the citizen's taps. Nothing more. */
export function KioskApp({ deps, config, onScreen, subscribeConfig, notices = noNotices, technician, shift }: Props) {
  const actor = useActorRef(ratingMachine, { input: { deps, config } });
  const snapshot = useSelector(actor, (s) => s);
  const { context } = snapshot;
  const { template } = context.config;
  const notice = useSyncExternalStore(notices.subscribe, notices.current);
  const [technicianOpen, setTechnicianOpen] = useState(false);
  const closeTechnician = useCallback(() => setTechnicianOpen(false), []);
  const settled = useSettled(context.shownAt, deps.now);

  const screen: ScreenName = snapshot.matches('recovering')
    ? 'loading'
    : snapshot.matches('start') || snapshot.matches('opening')
      ? 'start'
      : snapshot.matches('thanks')
        ? 'thanks'
        : snapshot.matches('apology')
          ? 'apology'
          : (context.step ?? 'start');

  // Any touch or key press anywhere is activity: it holds off the walk-away reset.
  useEffect(() => {
    const activity = () => actor.send({ type: 'ACTIVITY' });
    const block = (e: Event) => e.preventDefault();
    document.addEventListener('pointerdown', activity, { capture: true });
    document.addEventListener('keydown', activity, { capture: true });
    document.addEventListener('contextmenu', block);
    document.addEventListener('dragstart', block);
    return () => {
      document.removeEventListener('pointerdown', activity, { capture: true });
      document.removeEventListener('keydown', activity, { capture: true });
      document.removeEventListener('contextmenu', block);
      document.removeEventListener('dragstart', block);
    };
  }, [actor]);

  useEffect(() => subscribeConfig?.((next) => actor.send({ type: 'CONFIG_UPDATED', config: next })), [actor, subscribeConfig]);

  // The shift signed in earlier today survives a restart.
  useEffect(() => {
    void shift?.onDuty(new Date()).then((officialId) => actor.send({ type: 'ON_DUTY', officialId }));
  }, [actor, shift]);

  useLayoutEffect(() => {
    document.documentElement.lang = context.locale;
  }, [context.locale]);

  useLayoutEffect(() => {
    onScreen?.(screen);
  }, [onScreen, screen, context.criterionIndex]);

  const view = useMemo(() => ({ locale: context.locale, send: actor.send }), [context.locale, actor]);
  const rating = context.rating;
  // Every step after the first tap shows what that tap recorded.
  const recorded =
    rating && screen !== 'thanks' && screen !== 'apology' && screen !== 'start' && screen !== 'loading'
      ? template.scale.find((l) => l.value === rating.overall)
      : undefined;

  return (
    <KioskViewContext.Provider value={view}>
      <div className="kiosk" data-config-waiting={context.nextConfig !== null || undefined}>
        <Header config={context.config} canSwitchLanguage={screen !== 'thanks' && screen !== 'apology'} />
        <main className="main" data-settled={settled}>
          {recorded && <RecordedAnswer level={recorded} />}
          {screen === 'loading' && <LoadingScreen />}
          {screen === 'start' && (context.config.retired ? <RetiredScreen /> : <StartScreen template={template} notice={notice} />)}
          {screen === 'dossier' && rating && template.dossier && (
            <DossierScreen rule={template.dossier} text={context.dossierText} problem={context.dossierProblem} />
          )}
          {screen === 'official' && rating && <OfficialScreen officials={context.config.officials} />}
          {screen === 'criteria' && rating && (
            <CriterionScreen
              key={context.criterionIndex}
              criterion={template.criteria[context.criterionIndex]!}
              index={context.criterionIndex}
              total={template.criteria.length}
              answer={rating.criteria[template.criteria[context.criterionIndex]!.id]}
            />
          )}
          {screen === 'reasons' && rating && (
            <ReasonsScreen
              reasons={reasonsOffered(template, rating.overall)}
              selected={rating.reasons}
              hasMore={nextStep(template, rating.overall, 'reasons') !== null}
            />
          )}
          {screen === 'comment' && rating && <CommentScreen comment={rating.comment} maxLength={template.comment.maxLength} />}
          {screen === 'thanks' && <ThanksScreen />}
          {screen === 'apology' && <ApologyScreen kind="storage" />}
        </main>
        {context.countdown !== null && <Countdown seconds={context.countdown} />}
        {technician && screen === 'start' && !technicianOpen && <HiddenCorner onHeld={() => setTechnicianOpen(true)} />}
        {shift && screen === 'start' && context.config.attribution === 'shift' && context.config.officials.length > 0 && (
          <ShiftDesk
            officials={context.config.officials}
            onDuty={context.onDuty}
            port={shift}
            onChange={(officialId) => actor.send({ type: 'ON_DUTY', officialId })}
          />
        )}
        {technician && technicianOpen && <TechnicianMode port={technician} onClose={closeTechnician} />}
      </div>
    </KioskViewContext.Provider>
  );
}
