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

/** The offline app shell (service worker), for browser kiosks served over http(s). */
export function registerAppShell(updates: UpdateGate, report: (where: string, error: unknown) => void) {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  const { serviceWorker } = navigator;
  // A new version waits until the kiosk is on its start screen; then it takes over and the page reloads.
  const offer = (waiting: ServiceWorker) => updates.updateReady(() => waiting.postMessage('apply-update'));
  let hadController = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
    hadController = true;
  });
  serviceWorker
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      if (registration.waiting && serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && serviceWorker.controller) offer(installing);
        });
      });
      // A kiosk rarely navigates, which is when browsers look for a new version: look every hour.
      setInterval(() => void registration.update().catch(() => undefined), 3_600_000);
    })
    .catch((error: unknown) => report('service-worker', error));
}
