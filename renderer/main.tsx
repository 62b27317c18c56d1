import '../shared/zod-jitless';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FlowDeps } from '../shared/flow/ports';
import { newRatingId } from '../shared/ids';
import type { KioskConfig } from '../shared/schema/kiosk-config';
import { reportError } from './diagnostics';
import type { RatingStore } from '../shared/flow/ports';
import { BrowserHost } from './host/browser-host';
import { startSync, notSyncedKiosk } from './host/start-sync';
import { ElectronHost, kioskBridge } from './host/electron-host';
import type { KioskHost } from './host/kiosk-host';
import { journalledStore, restoreFromJournal } from './storage/journalled-store';
import { EnrolmentError } from '../shared/sync/enrolment';
import { UpdateGate } from './host/app-update';
import { KioskDb } from './storage/kiosk-db';
import { RatingQueue } from './storage/rating-queue';
import { EnrolmentProblemScreen } from './ui/EnrolmentProblemScreen';
import { EnrolledScreen } from './ui/EnrolledScreen';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { SetupScreen } from './ui/SetupScreen';
import { PinSetupScreen } from './ui/PinSetupScreen';
import { browserTechnician } from './host/browser-technician';
import { shiftPort } from './host/shift';
import { applyDisplay, displayPort } from './host/display';
import { KioskApp, type NoticeSource, type ScreenName } from './ui/KioskApp';
import { serviceNotice, type ServiceNotice } from '../shared/sync/service-notice';
import type { SyncState } from '../shared/sync/engine';

const BOOT_RETRY_MS = 5000;
/** Set by the setup screen's enrolment for the reload after it: the confirmation shows once. */
const JUST_ENROLLED = 'hl:just-enrolled';

const updates = new UpdateGate();

const db = new KioskDb();
// In Electron the preload gives `window.kiosk`: configuration, token and journal live in the main
// process. This is the one place that looks; everything after uses the host's capabilities.
const bridge = kioskBridge();
const host: KioskHost = bridge
  ? new ElectronHost(bridge, () => notSyncedKiosk(db))
  : new BrowserHost(db, {
      search: location.search,
      serverOrigin: location.origin,
      fetch: (input, init) => fetch(input, init),
      appVersion: __APP_VERSION__,
    });

// Marks for `npm run bench` and the technician's diagnostics: when each screen was committed.
const markScreen = (screen: ScreenName) => {
  performance.mark('hl:screen', { detail: screen });
  updates.screenShown(screen);
  // A shell installs its updates only while the kiosk waits on the start screen.
  host.reportScreen?.(screen === 'start');
};

async function boot(root: ReturnType<typeof createRoot>) {
  let config: KioskConfig | null;
  try {
    config = await host.loadConfig();
  } catch (error) {
    reportError('boot', error);
    if (error instanceof EnrolmentError) {
      root.render(
        <EnrolmentProblemScreen
          problem={error.problem}
          onRetry={() => location.reload()}
          // Without the spent or wrong code in the address: the setup screen, to type another.
          onOtherCode={() => location.replace(location.pathname)}
        />,
      );
      return;
    }
    setTimeout(() => void boot(root), BOOT_RETRY_MS);
    return;
  }
  // The code is spent: drop it from the address so a reload never tries it again.
  const justEnrolled = new URLSearchParams(location.search).has('enrol') || sessionStorage.getItem(JUST_ENROLLED) === '1';
  sessionStorage.removeItem(JUST_ENROLLED);
  if (new URLSearchParams(location.search).has('enrol')) history.replaceState(null, '', location.pathname);
  if (!config) {
    const enrolled = () => {
      sessionStorage.setItem(JUST_ENROLLED, '1');
      location.reload();
    };
    root.render(<SetupScreen host={host} onEnrolled={enrolled} />);
    updates.screenShown('setup');
    return;
  }
  const ready: KioskConfig = config;
  applyDisplay(await displayPort(db).load());
  // Ask the browser never to evict the queue under storage pressure.
  void navigator.storage?.persist?.().catch((error: unknown) => reportError('persist', error));
  const queue = new RatingQueue(db, {
    now: () => new Date(),
    retentionDays: () => ready.retentionDays,
    settleDb: new KioskDb(undefined, { chromeTransactionDurability: 'relaxed' }),
  });
  // IndexedDB may have been wiped under the app: what the journal holds and the queue lost comes back.
  if (host.journal) await restoreFromJournal(queue, host.journal).catch((error: unknown) => reportError('journal', error));
  // Which life of this storage the count is in: a wiped database starts a new incarnation.
  await (
    host.settleIncarnation ? queue.settleIncarnation((current, next) => host.settleIncarnation!(current, next)) : queue.incarnation()
  ).catch((error: unknown) => reportError('incarnation', error));
  const store: RatingStore = host.journal ? journalledStore(queue, host.journal) : queue;
  const transport = await host.syncTransport();
  if (transport) void host.ensureExportKey?.().catch((error: unknown) => reportError('export-key', error));
  const sync = transport
    ? startSync(host, queue, transport, ready, {
        state: (state) => {
          if (state.status !== 'sending') void refreshNotice(queue, state).catch((error: unknown) => reportError('notice', error));
        },
        config: (next) => {
          for (const listener of configUpdates) listener(next);
        },
        report: reportError,
      })
    : null;
  let current = ready;
  const technician = browserTechnician({
    db,
    queue,
    sync,
    config: () => current,
    host,
    appVersion: __APP_VERSION__,
    settings: host.shellSettings ?? null,
    shellDiagnostics: host.shellDiagnostics,
  });
  configUpdates.add((next) => (current = next));
  // The technician sees where the kiosk joined before anything else.
  if (sync && justEnrolled) {
    await new Promise<void>((resolve) => root.render(<EnrolledScreen config={ready} onContinue={resolve} />));
  }
  // An enrolled kiosk gets its technician PIN before any citizen sees it.
  if (sync && !(await technician.loadPin())) {
    await new Promise<void>((resolve) => root.render(<PinSetupScreen port={technician} onDone={resolve} />));
  }
  // A drain waits while a citizen's tap is written (the thank-you waits for that write).
  const citizenFirst = <T,>(write: Promise<T>): Promise<T> => {
    sync?.yieldTo(write);
    return write;
  };
  const deps: FlowDeps = {
    store: {
      open: async (rating, finish) => {
        performance.mark('hl:write'); // benchmarks split a tap's wait: the page's share, then storage's
        const result = await citizenFirst(store.open(rating, finish));
        performance.mark('hl:durable');
        if (finish) sync?.ratingStored();
        return result;
      },
      saveProgress: (id, answers) => store.saveProgress(id, answers),
      dossierRecorded: (code, exceptId) => store.dossierRecorded(code, exceptId),
      finalise: async (id, answers, finish) => {
        await citizenFirst(store.finalise(id, answers, finish));
        performance.mark('hl:final');
        sync?.ratingStored();
      },
      // Ratings cut short by a crash or power cut are finished now: send them without waiting.
      finaliseInterrupted: async (completedAt) => {
        const finished = await store.finaliseInterrupted(completedAt);
        if (finished > 0) sync?.ratingStored();
        return finished;
      },
    },
    now: () => new Date(),
    newId: newRatingId,
    report: reportError,
  };
  root.render(
    <StrictMode>
      <ErrorBoundary report={reportError} recoverAfterMs={6000}>
        <KioskApp
          deps={deps}
          config={ready}
          onScreen={markScreen}
          subscribeConfig={subscribeConfig}
          notices={notices}
          technician={technician}
          shift={shiftPort(db)}
        />
      </ErrorBoundary>
    </StrictMode>,
  );
}

/** Configurations the server sends while the kiosk runs; the flow applies them at the next start screen. */
const configUpdates = new Set<(config: KioskConfig) => void>();
const subscribeConfig = (listener: (config: KioskConfig) => void) => {
  configUpdates.add(listener);
  return () => void configUpdates.delete(listener);
};

/** Whether sync needs a person: recomputed after each change of the sync engine's state. */
let notice: ServiceNotice | null = null;
const noticeListeners = new Set<() => void>();
const notices: NoticeSource = {
  subscribe: (listener) => {
    noticeListeners.add(listener);
    return () => void noticeListeners.delete(listener);
  },
  current: () => notice,
};
async function refreshNotice(queue: RatingQueue, state: SyncState) {
  const next = serviceNotice(state, await queue.quarantinedCount());
  if (JSON.stringify(next) === JSON.stringify(notice)) return;
  notice = next;
  for (const listener of noticeListeners) listener();
}

window.addEventListener('error', (e) => reportError('window', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError('promise', e.reason));
host.cacheAppShell?.(updates, reportError);
void boot(createRoot(document.getElementById('root')!));
