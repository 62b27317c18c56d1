import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { SyncEngine, type SyncState } from '../../shared/sync/engine';
import type { SyncTransport } from '../../shared/sync/ports';
import type { KioskDb } from '../storage/kiosk-db';
import { firstNotSynced, type RatingQueue } from '../storage/rating-queue';
import type { KioskHost } from './kiosk-host';

/** The kiosk id of ratings still waiting to be sent, if any (re-enrolment must keep it). */
export async function notSyncedKiosk(db: KioskDb): Promise<{ kioskId: string } | null> {
  const first = await firstNotSynced(db);
  return first ? { kioskId: first.kioskId } : null;
}

/** An enrolled kiosk sends its queue to its district server; a demo kiosk keeps it. */
export function startSync(
  host: KioskHost,
  queue: RatingQueue,
  transport: SyncTransport,
  config: KioskConfig,
  on: { state: (state: SyncState) => void; config: (config: KioskConfig) => void; report: (where: string, error: unknown) => void },
) {
  // What the server acknowledged is dropped from the journal once a drain is over.
  let acknowledged: string[] = [];
  const journal = host.journal;
  const compactJournal = () => {
    if (!journal || acknowledged.length === 0) return;
    const ids = acknowledged;
    acknowledged = [];
    void journal.compact(ids).catch((error: unknown) => on.report('journal', error));
  };
  const now = () => new Date();
  const engine = new SyncEngine({
    kioskId: config.kioskId,
    queue: {
      pendingToSend: (limit, afterSeq) => queue.pendingToSend(limit, afterSeq),
      pendingSummary: () => queue.pendingSummary(),
      sequenceReport: () => queue.sequenceReport(),
      settle: async (ids, rejected, at) => {
        await queue.settle(ids, rejected, at);
        if (journal) acknowledged.push(...ids);
      },
    },
    transport,
    now,
    newBatchId: () => crypto.randomUUID(),
    random: Math.random,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return { cancel: () => clearTimeout(timer) };
    },
    // One sender across windows and reloads: a second window waits for the next chance.
    withLock: (work) =>
      navigator.locks ? navigator.locks.request('hai-long-sync', { ifAvailable: true }, (lock) => (lock ? work() : null)) : work(),
    onChange: (state) => {
      if (state.status === 'stopped') on.report('sync', state.lastError);
      if (state.status === 'idle') compactJournal();
      on.state(state);
    },
    appVersion: __APP_VERSION__,
    isOffline: () => navigator.onLine === false,
    storageEstimate: async () => {
      const estimate = await navigator.storage?.estimate?.();
      return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
    },
    onBatch: (timing) => performance.mark('hl:sync-batch', { detail: timing }),
    onConfig: (next) => {
      void host.saveConfig(next).catch((error: unknown) => on.report('config', error));
      on.config(next);
    },
  });
  window.addEventListener('online', () => void engine.syncNow('online'));
  // A finger on the screen is a citizen about to act: sync starts nothing new until it lifts (and
  // then the tap's own write holds it), so what is in flight finishes during the press.
  window.addEventListener('pointerdown', () => engine.yieldTo(fingerLifted()), { capture: true, passive: true });
  engine.start();
  return engine;
}

/** Settles shortly after the finger lifts: long enough for the tap's click to start its write. */
function fingerLifted(): Promise<void> {
  return new Promise((resolve) => {
    const lifted = () => {
      window.removeEventListener('pointerup', lifted, true);
      window.removeEventListener('pointercancel', lifted, true);
      setTimeout(resolve, 50);
    };
    window.addEventListener('pointerup', lifted, true);
    window.addEventListener('pointercancel', lifted, true);
  });
}
