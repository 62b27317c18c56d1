import { mayInstallUpdate, type OpeningHours } from '../shared/schema/opening-hours';

/**
 * When a downloaded update is installed: only outside opening hours and with the kiosk on its start
 * screen (never in a citizen's flow), and only after what the kiosk still holds is kept in a file
 * (users of other Electron apps have lost IndexedDB on updates). electron-updater does the rest.
 */
export class UpdateInstaller {
  private pending: string | null = null;
  private onStartScreen = false;
  private installing = false;

  constructor(
    private readonly deps: {
      hours: () => OpeningHours;
      now: () => Date;
      /** Writes the journal's unacknowledged ratings to a file under userData. */
      keepPending: (version: string) => Promise<void>;
      install: () => void;
      log: (event: string, detail?: unknown) => void;
    },
  ) {}

  get status(): { pending: string | null; installing: boolean } {
    return { pending: this.pending, installing: this.installing };
  }

  downloaded(version: string): void {
    this.pending = version;
    this.deps.log('update-downloaded', { version });
  }

  screen(onStartScreen: boolean): void {
    this.onStartScreen = onStartScreen;
  }

  /** Called on a timer and whenever the screen changes; installs when the rule allows. */
  async check(): Promise<boolean> {
    if (!this.pending || this.installing) return false;
    if (!mayInstallUpdate(this.deps.hours(), this.deps.now(), this.onStartScreen)) return false;
    this.installing = true;
    try {
      await this.deps.keepPending(this.pending);
    } catch (error) {
      // Without the safety copy, no update: try again at the next check.
      this.installing = false;
      this.deps.log('update-postponed', error);
      return false;
    }
    this.deps.log('update-installing', { version: this.pending });
    this.deps.install();
    return true;
  }
}
