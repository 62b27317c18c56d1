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
import { BrowserHost } from './host/browser-host';
import { EnrolmentError } from './host/enrolment';
import { KioskDb } from './storage/kiosk-db';
import { RatingQueue } from './storage/rating-queue';
import { EnrolmentProblemScreen } from './ui/EnrolmentProblemScreen';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { KioskApp, type ScreenName } from './ui/KioskApp';

const BOOT_RETRY_MS = 5000;

// Marks for `npm run bench` and the technician's diagnostics: when each screen was committed.
const markScreen = (screen: ScreenName) => performance.mark('hl:screen', { detail: screen });

async function boot(root: ReturnType<typeof createRoot>) {
  const db = new KioskDb();
  const host = new BrowserHost(db, {
    search: location.search,
    serverOrigin: location.origin,
    fetch: (input, init) => fetch(input, init),
    appVersion: __APP_VERSION__,
  });
  let config: KioskConfig;
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
  // Ask the browser never to evict the queue under storage pressure.
  void navigator.storage?.persist?.().catch((error: unknown) => reportError('persist', error));
  const queue = new RatingQueue(db, { now: () => new Date(), retentionDays: () => config.retentionDays });
  const deps: FlowDeps = {
    store: {
      open: async (rating, finish) => {
        const result = await queue.open(rating, finish);
        performance.mark('hl:durable');
        return result;
      },
      saveProgress: (id, answers) => queue.saveProgress(id, answers),
      finalise: (id, answers, finish) => queue.finalise(id, answers, finish),
      finaliseInterrupted: (completedAt) => queue.finaliseInterrupted(completedAt),
    },
    now: () => new Date(),
    newId: newRatingId,
    report: reportError,
  };
  root.render(
    <StrictMode>
      <ErrorBoundary report={reportError} recoverAfterMs={6000}>
        <KioskApp deps={deps} config={config} onScreen={markScreen} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

window.addEventListener('error', (e) => reportError('window', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError('promise', e.reason));
void boot(createRoot(document.getElementById('root')!));
