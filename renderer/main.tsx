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
import { BrowserHost, DEVICE_TOKEN_KEY } from './host/browser-host';
import { SyncEngine } from '../shared/sync/engine';
import { HttpTransport } from '../shared/sync/http-transport';
import { EnrolmentError } from './host/enrolment';
import { UpdateGate } from './host/app-update';
import { KioskDb } from './storage/kiosk-db';
import { RatingQueue } from './storage/rating-queue';
import { EnrolmentProblemScreen } from './ui/EnrolmentProblemScreen';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { SetupScreen } from './ui/SetupScreen';
import { PinSetupScreen } from './ui/PinSetupScreen';
import { browserTechnician } from './host/browser-technician';
import { KioskApp, type NoticeSource, type ScreenName } from './ui/KioskApp';
import { serviceNotice, type ServiceNotice } from '../shared/sync/service-notice';
import type { SyncState } from '../shared/sync/engine';

const BOOT_RETRY_MS = 5000;

const updates = new UpdateGate();

// Marks for `npm run bench` and the technician's diagnostics: when each screen was committed.
const markScreen = (screen: ScreenName) => {
  performance.mark('hl:screen', { detail: screen });
  updates.screenShown(screen);
};

/** The offline app shell (service worker), for browser kiosks served over http(s). */
function registerAppShell() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  const { serviceWorker } = navigator;
  // A new version waits until the kiosk is on its start screen; then it takes over and the page reloads.
  const offer = (waiting: ServiceWorker) => updates.updateReady(() => waiting.postMessage('apply-update'));
  let hadController = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
    hadController = true;
  });
  serviceWorker
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      if (registration.waiting && serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && serviceWorker.controller) offer(installing);
        });
      });
      // A kiosk rarely navigates, which is when browsers look for a new version: look every hour.
      setInterval(() => void registration.update().catch(() => undefined), 3_600_000);
    })
    .catch((error: unknown) => reportError('service-worker', error));
}

async function boot(root: ReturnType<typeof createRoot>) {
  const db = new KioskDb();
  const host = new BrowserHost(db, {
    search: location.search,
    serverOrigin: location.origin,
    fetch: (input, init) => fetch(input, init),
    appVersion: __APP_VERSION__,
  });
  let config: KioskConfig | null;
  try {
    config = await host.loadConfig();
  } catch (error) {
    reportError('boot', error);
    if (error instanceof EnrolmentError) {
      root.render(<EnrolmentProblemScreen problem={error.problem} onRetry={() => location.reload()} />);
      return;
    }
    setTimeout(() => void boot(root), BOOT_RETRY_MS);
    return;
  }
  // The code is spent: drop it from the address so a reload never tries it again.
  if (new URLSearchParams(location.search).has('enrol')) history.replaceState(null, '', location.pathname);
  if (!config) {
    root.render(<SetupScreen host={host} onEnrolled={() => location.reload()} />);
    updates.screenShown('setup');
    return;
  }
  const ready: KioskConfig = config;
  // Ask the browser never to evict the queue under storage pressure.
  void navigator.storage?.persist?.().catch((error: unknown) => reportError('persist', error));
  const queue = new RatingQueue(db, {
    now: () => new Date(),
    retentionDays: () => ready.retentionDays,
    settleDb: new KioskDb(undefined, { chromeTransactionDurability: 'relaxed' }),
  });
  const sync = await startSync(db, queue, ready);
  let current = ready;
  const technician = browserTechnician({ db, queue, sync, config: () => current, host, appVersion: __APP_VERSION__ });
  configUpdates.add((next) => (current = next));
  // An enrolled kiosk gets its technician PIN before any citizen sees it.
  if (sync && !(await technician.loadPin())) {
    await new Promise<void>((resolve) => root.render(<PinSetupScreen port={technician} onDone={resolve} />));
  }
  const deps: FlowDeps = {
    store: {
      open: async (rating, finish) => {
        const result = await queue.open(rating, finish);
        performance.mark('hl:durable');
        if (finish) sync?.ratingStored();
        return result;
      },
      saveProgress: (id, answers) => queue.saveProgress(id, answers),
      finalise: async (id, answers, finish) => {
        await queue.finalise(id, answers, finish);
        sync?.ratingStored();
      },
      // Ratings cut short by a crash or power cut are finished now: send them without waiting.
      finaliseInterrupted: async (completedAt) => {
        const finished = await queue.finaliseInterrupted(completedAt);
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
  const next = serviceNotice(state, (await queue.counts()).quarantined);
  if (JSON.stringify(next) === JSON.stringify(notice)) return;
  notice = next;
  for (const listener of noticeListeners) listener();
}

/** An enrolled kiosk sends its queue to the server that served it; a demo kiosk keeps it. */
async function startSync(db: KioskDb, queue: RatingQueue, config: KioskConfig) {
  const deviceToken = async () => {
    const entry = await db.meta.get(DEVICE_TOKEN_KEY);
    return typeof entry?.value === 'string' ? entry.value : null;
  };
  if (!(await deviceToken())) return null;
  const now = () => new Date();
  const engine = new SyncEngine({
    kioskId: config.kioskId,
    queue,
    transport: new HttpTransport({ serverOrigin: location.origin, deviceToken, fetch: (input, init) => fetch(input, init), now }),
    now,
    newBatchId: () => crypto.randomUUID(),
    random: Math.random,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return { cancel: () => clearTimeout(timer) };
    },
    // One sender across windows and reloads: a second window waits for the next chance.
    withLock: (work) =>
      navigator.locks
        ? navigator.locks.request('hai-long-sync', { ifAvailable: true }, (lock) => (lock ? work() : null))
        : work(),
    onChange: (state) => {
      if (state.status === 'stopped') reportError('sync', state.lastError);
      if (state.status !== 'sending') void refreshNotice(queue, state).catch((error: unknown) => reportError('notice', error));
    },
    appVersion: __APP_VERSION__,
    storageEstimate: async () => {
      const estimate = await navigator.storage?.estimate?.();
      return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
    },
    onBatch: (timing) => performance.mark('hl:sync-batch', { detail: timing }),
    onConfig: (next) => {
      void db.meta.put({ key: 'config', value: next }).catch((error: unknown) => reportError('config', error));
      for (const listener of configUpdates) listener(next);
    },
  });
  window.addEventListener('online', () => void engine.syncNow('online'));
  engine.start();
  return engine;
}

window.addEventListener('error', (e) => reportError('window', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError('promise', e.reason));
registerAppShell();
void boot(createRoot(document.getElementById('root')!));
