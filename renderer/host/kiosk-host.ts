import type { ShellDiagnostics } from '../../shared/contract/bridge';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { Rating } from '../../shared/schema/rating';
import type { Incarnation } from '../../shared/schema/sequence';
import type { ShellSettings } from '../../shared/schema/shell-settings';
import type { SyncTransport } from '../../shared/sync/ports';
import type { UpdateGate } from './app-update';

/**
 * A second, independent copy of every confirmed rating, kept by Electron's main process in a file it
 * flushes to disk (electron/journal.ts). A browser kiosk has none.
 */
export interface RatingJournal {
  /** Resolves once the rating is on disk: the thank-you waits for it. */
  append(rating: Rating): Promise<void>;
  entries(): Promise<Rating[]>;
  /** Forgets ratings the server has acknowledged. */
  compact(acknowledged: readonly string[]): Promise<void>;
}

/** Settings only a kiosk shell keeps (Electron): the server's address, opening hours, the camera. */
export interface ShellSettingsPort {
  load(): Promise<ShellSettings | null>;
  save(settings: ShellSettings): Promise<void>;
}

/**
 * What the kiosk app needs from whatever hosts it. One interface, two implementations: the
 * browser one (a tablet or browser kiosk) and, in Electron, one backed by the preload bridge. The
 * app never asks which one it has: what only a shell can do is an optional capability, present or
 * not (`journal`, `shellSettings`, `shellDiagnostics`, `reportScreen`).
 */
export interface KioskHost {
  /** Null when the kiosk has no configuration yet: the setup screen shows instead. */
  loadConfig(): Promise<KioskConfig | null>;
  /** `serverOrigin`: the address typed on the setup screen (Electron); a browser kiosk uses the server that served it. */
  enrol(code: string, serverOrigin?: string): Promise<KioskConfig>;
  /** A configuration the server sent while running (a new template): kept for the next start. */
  saveConfig(config: KioskConfig): Promise<void>;
  checkConnection(serverOrigin?: string): Promise<boolean>;
  readonly serverOrigin: string;
  /** Whether the setup screen asks for the server's address (a shell has no server of its own). */
  readonly asksServerAddress: boolean;
  /** How sync reaches the district server; null while the kiosk holds no device token (demo). */
  syncTransport(): Promise<SyncTransport | null>;
  /**
   * Writes these ratings to a signed export file for a USB stick (a download in a browser, a file the
   * technician picks in Electron). Null when nothing was written (no device token, or cancelled).
   */
  saveExport(kioskId: string, ratings: Rating[]): Promise<{ fileName: string } | null>;
  /** Forgets the enrolment (device token, configuration): the kiosk shows the setup screen next. */
  forget(): Promise<void>;
  readonly journal: RatingJournal | null;
  readonly shellSettings?: ShellSettingsPort;
  /** What only the shell knows (how the token is kept, the journal, a waiting update). */
  readonly shellDiagnostics?: () => Promise<ShellDiagnostics | null>;
  /** Tells the shell where the citizen is: it installs updates only on the start screen. */
  readonly reportScreen?: (onStartScreen: boolean) => void;
  /**
   * A shell that keeps the kiosk's incarnations outside IndexedDB (Electron) decides which one this
   * database numbers in: the one it holds, or a new one after a wipe. A browser kiosk's database
   * makes its own the first time it is opened.
   */
  settleIncarnation?(current: Incarnation | null, nextSeq: number): Promise<Incarnation>;
  /** Gives a kiosk enrolled before export keys existed its key, registered with the server. */
  ensureExportKey?(): Promise<void>;
  /** Keeps the app shell for offline starts (a browser's service worker; a shell has it on disk). */
  cacheAppShell?(updates: UpdateGate, report: (where: string, error: unknown) => void): void;
}
