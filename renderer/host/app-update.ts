/**
 * When a new version of the kiosk app is ready (a new service worker waits), apply it only where a
 * reload loses nothing: on the start screen or the setup screen, never while a citizen is answering.
 */
export class UpdateGate {
  private screen: string = 'loading';
  private apply: (() => void) | null = null;

  /** The screen now shown; an update waiting for the start screen is applied when it comes. */
  screenShown(screen: string) {
    this.screen = screen;
    this.tryApply();
  }

  /** A new version is ready; `apply` activates it and reloads. */
  updateReady(apply: () => void) {
    this.apply = apply;
    this.tryApply();
  }

  private tryApply() {
    if (!this.apply || !(this.screen === 'start' || this.screen === 'setup')) return;
    const apply = this.apply;
    this.apply = null;
    apply();
  }
}
