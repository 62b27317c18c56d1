import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The kiosk window's options, in one place and tested: full screen, no menu, the renderer isolated
 * and sandboxed with no Node, no devtools in a production build, no spellchecker (it would send words
 * to no one here, but it also pops menus), no zoom.
 */
export function kioskWindowOptions(options: { production: boolean; preload?: string }): BrowserWindowConstructorOptions {
  return {
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#f7f5f0',
    show: false, // shown once the first screen is painted: no white flash
    webPreferences: {
      ...(options.preload && { preload: options.preload }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: !options.production,
      spellcheck: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      zoomFactor: 1,
      // A middle click must not open a link in a new window (electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
