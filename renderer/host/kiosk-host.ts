import type { KioskConfig } from '../../shared/schema/kiosk-config';

/**
 * What the kiosk app needs from whatever hosts it. One interface, two implementations: the
 * browser one (a tablet or browser kiosk) and, in Electron, one backed by the preload bridge.
 * The app never asks which one it has.
 */
export interface KioskHost {
  readonly kind: 'browser' | 'electron';
  /** Null when the kiosk has no configuration yet: the setup screen shows instead. */
  loadConfig(): Promise<KioskConfig | null>;
  enrol(code: string): Promise<KioskConfig>;
  checkConnection(): Promise<boolean>;
  readonly serverOrigin: string;
}
