import type { StoredPin } from '../../shared/technician/pin';
import type { QuarantinedRating } from '../storage/rating-queue';
import type { SyncState } from '../../shared/sync/engine';

/** What the technician's screen shows: the kiosk, its network, its queue and its sync. */
export interface Diagnostics {
  kioskId: string;
  ward: string;
  counter: string;
  template: string;
  appVersion: string;
  online: boolean;
  /** Null for a demo kiosk, which has no server to reach. */
  serverReachable: boolean | null;
  queue: { open: number; pending: number; synced: number; quarantined: number };
  oldestPendingAt: string | null;
  sync: SyncState | null;
  quarantined: QuarantinedRating[];
  storage: { usage: number | null; quota: number | null };
}

/** The technician mode's access to the kiosk, filled by the host (browser or Electron). */
export interface TechnicianPort {
  loadPin(): Promise<StoredPin | null>;
  savePin(pin: StoredPin): Promise<void>;
  diagnostics(): Promise<Diagnostics>;
  /** "Đồng bộ ngay": resolves when the attempt is over; null when the kiosk has no server. */
  syncNow: (() => Promise<void>) | null;
}
