import type { ShellDiagnostics } from '../../shared/contract/bridge';
import type { LocalizedText } from '../../shared/schema/common';
import type { DisplaySettings } from '../../shared/schema/display';
import type { ShellSettings } from '../../shared/schema/shell-settings';
import type { StoredPin } from '../../shared/technician/pin';
import type { QuarantinedRating } from '../storage/rating-queue';
import type { SyncState } from '../../shared/sync/engine';

/** What the technician's screen shows: the kiosk, its network, its queue and its sync. */
export interface Diagnostics {
  kioskId: string;
  ward: LocalizedText;
  counter: LocalizedText;
  /** The survey by its name and version, never its id. */
  template: { name: LocalizedText; version: number };
  appVersion: string;
  online: boolean;
  /** Null for a demo kiosk, which has no server to reach. */
  serverReachable: boolean | null;
  queue: { open: number; pending: number; synced: number; quarantined: number };
  oldestPendingAt: string | null;
  /** The last acknowledgement kept in storage: survives restarts, unlike the sync engine's state. */
  lastSettledAt: string | null;
  sync: SyncState | null;
  quarantined: QuarantinedRating[];
  storage: { usage: number | null; quota: number | null };
  /** The kiosk's count: where this incarnation of its storage began, and the highest number given out. */
  count: { startedAt: string; firstSeq: number; highestSeq: number } | null;
  /** What the Electron shell's main process knows (token, journal, update); null in a browser kiosk. */
  shell: ShellDiagnostics | null;
}

/** The technician mode's access to the kiosk, filled by the host (browser or Electron). */
export interface TechnicianPort {
  loadPin(): Promise<StoredPin | null>;
  savePin(pin: StoredPin): Promise<void>;
  diagnostics(): Promise<Diagnostics>;
  /** "Đồng bộ ngay": resolves when the attempt is over; null when the kiosk has no server. */
  syncNow: (() => Promise<void>) | null;
  /** Writes every rating the server has not acknowledged to a signed file (a USB stick). */
  exportUnsent(): Promise<ExportResult>;
  /** Ratings that wiping the kiosk would lose: neither acknowledged by the server nor exported. */
  heldOnlyHere(): Promise<number>;
  /**
   * Decommission, or a move to another counter: forgets the enrolment and the queue. Refused (false)
   * while ratings would be lost; the caller then reloads into the setup screen.
   */
  leave(): Promise<boolean>;
  /** Text size, in the kiosk's own storage (both hosts). */
  display: { load(): Promise<DisplaySettings>; save(settings: DisplaySettings): Promise<void> };
  /** Opening hours and the server address, where the host keeps them (the Electron shell); else null. */
  settings: { load(): Promise<ShellSettings | null>; save(settings: ShellSettings): Promise<void> } | null;
}

/** `partly`: more than one file was needed and writing one failed; the files before it are saved. */
export type ExportResult =
  | { kind: 'saved'; count: number; files: number; fileName: string }
  | { kind: 'partly'; files: number; fileName: string }
  | { kind: 'nothing' }
  | { kind: 'failed' };
