// The Electron kiosk shell's entry point: kept thin. Every decision lives in a plain module with its
// own tests (window options, the shortcut table, permissions, crash reloads, the kiosk URL); this file
// only hands Electron's objects to them. For now it shows the kiosk web app of a local server; the
// packaged app:// renderer, the preload bridge and the journal (electron/kiosk-service.ts) come next.
import { app, BrowserWindow, session } from 'electron';
import { crashPolicy } from './crash-policy.js';
import { kioskUrlFromArgs } from './kiosk-url.js';
import { allowPermission } from './permissions.js';
import { isBlockedShortcut } from './shortcuts.js';
import { kioskWindowOptions } from './window-options.js';

const kioskUrl = kioskUrlFromArgs(process.argv);
const kioskOrigin = new URL(kioskUrl).origin;
const sameOrigin = (url: string) => {
  try {
    return new URL(url).origin === kioskOrigin;
  } catch {
    return false;
  }
};

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowPermission(permission, contents.getURL(), { kioskOrigin, qrScanning: false })),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => allowPermission(permission, origin, { kioskOrigin, qrScanning: false }));

  const window = new BrowserWindow(kioskWindowOptions({ production: app.isPackaged }));
  const { webContents } = window;
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (e) => {
    if (!sameOrigin(e.url)) e.preventDefault();
  });
  webContents.on('will-redirect', (e) => {
    if (!sameOrigin(e.url)) e.preventDefault();
  });
  webContents.on('will-attach-webview', (e) => e.preventDefault());
  webContents.on('before-input-event', (e, input) => {
    if (isBlockedShortcut(input)) e.preventDefault();
  });
  webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  const crashes = crashPolicy();
  const reloadLater = () => {
    const delay = crashes.afterCrash(Date.now());
    if (delay !== null) setTimeout(() => webContents.reload(), delay);
  };
  webContents.on('render-process-gone', reloadLater);
  window.on('unresponsive', reloadLater);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(kioskUrl);
});

app.on('window-all-closed', () => app.quit());
