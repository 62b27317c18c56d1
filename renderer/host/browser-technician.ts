import { exportParts } from '../../shared/sync/export-file';
import { StoredPin } from '../../shared/technician/pin';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { SyncControl } from '../../shared/sync/engine';
import type { KioskDb } from '../storage/kiosk-db';
import type { RatingQueue } from '../storage/rating-queue';
import type { KioskHost } from './kiosk-host';
import type { TechnicianPort } from './technician';
import { displayPort } from './display';
import type { ShellDiagnostics } from '../../shared/contract/bridge';

const PIN_KEY = 'technicianPin';

/** Technician mode's port in a browser kiosk: the PIN hash in IndexedDB, facts from queue and sync. */
export function browserTechnician(options: {
  db: KioskDb;
  queue: RatingQueue;
  sync: SyncControl | null;
  config: () => KioskConfig;
  host: KioskHost;
  appVersion: string;
  settings?: TechnicianPort['settings'];
  shellDiagnostics?: () => Promise<ShellDiagnostics | null>;
}): TechnicianPort {
  const { db, queue, sync, host } = options;
  return {
    async loadPin() {
      const parsed = StoredPin.safeParse((await db.meta.get(PIN_KEY))?.value);
      return parsed.success ? parsed.data : null;
    },
    async savePin(pin) {
      await db.meta.put({ key: PIN_KEY, value: StoredPin.parse(pin) });
    },
    async diagnostics() {
      const config = options.config();
      const [counts, pending, quarantined, estimate, reachable, shell, count, lastSettledAt] = await Promise.all([
        queue.counts(),
        queue.pendingSummary(),
        queue.quarantined(),
        navigator.storage?.estimate?.().catch(() => undefined),
        sync ? host.checkConnection() : Promise.resolve(null),
        options.shellDiagnostics?.() ?? Promise.resolve(null),
        queue.sequenceReport().catch(() => null),
        queue.lastSettledAt(),
      ]);
      return {
        kioskId: config.kioskId,
        ward: config.ward.name,
        counter: config.counter.label,
        template: { name: config.template.name, version: config.template.version },
        appVersion: options.appVersion,
        online: navigator.onLine,
        serverReachable: reachable,
        queue: counts,
        oldestPendingAt: pending.oldestCompletedAt,
        lastSettledAt,
        sync: sync?.snapshot ?? null,
        quarantined,
        storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null },
        count: count && { startedAt: count.incarnation.startedAt, firstSeq: count.incarnation.firstSeq, highestSeq: count.highestSeq },
        shell,
      };
    },
    syncNow: sync ? () => sync.syncNow('manual') : null,
    async exportUnsent() {
      const ratings = await queue.pendingAndQuarantined();
      if (ratings.length === 0) return { kind: 'nothing' };
      // In files the server takes whole; each one saved is recorded before the next is written.
      const names: string[] = [];
      for (const part of exportParts(ratings)) {
        const saved = await host.saveExport(options.config().kioskId, part).catch(() => null);
        if (!saved) return names.length === 0 ? { kind: 'failed' } : { kind: 'partly', files: names.length, fileName: names.join(', ') };
        await queue.markExported(part.at(-1)!.seq);
        names.push(saved.fileName);
      }
      return { kind: 'saved', count: ratings.length, files: names.length, fileName: names.join(', ') };
    },
    heldOnlyHere: () => queue.heldOnlyHere(),
    async leave() {
      if ((await queue.heldOnlyHere()) > 0) return false;
      await host.forget();
      await db.delete();
      return true;
    },
    settings: options.settings ?? null,
    display: displayPort(db),
  };
}
