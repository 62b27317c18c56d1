import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { Rating } from '../../shared/schema/rating';

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

/**
 * What the kiosk app needs from whatever hosts it. One interface, two implementations: the
 * browser one (a tablet or browser kiosk) and, in Electron, one backed by the preload bridge.
 * The app never asks which one it has.
 */
export interface KioskHost {
  readonly kind: 'browser' | 'electron';
  /** Null when the kiosk has no configuration yet: the setup screen shows instead. */
  loadConfig(): Promise<KioskConfig | null>;
  /** `serverOrigin`: the address typed on the setup screen (Electron); a browser kiosk uses the server that served it. */
  enrol(code: string, serverOrigin?: string): Promise<KioskConfig>;
  /** A configuration the server sent while running (a new template): kept for the next start. */
  saveConfig(config: KioskConfig): Promise<void>;
  checkConnection(serverOrigin?: string): Promise<boolean>;
  readonly serverOrigin: string;
  readonly journal: RatingJournal | null;
  /**
   * Writes these ratings to a signed export file for a USB stick (a download in a browser, a file the
   * technician picks in Electron). Null when nothing was written (no device token, or cancelled).
   */
  saveExport(kioskId: string, ratings: Rating[]): Promise<{ fileName: string } | null>;
  /** Forgets the enrolment (device token, configuration): the kiosk shows the setup screen next. */
  forget(): Promise<void>;
}
