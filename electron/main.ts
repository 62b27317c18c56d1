// The Electron kiosk shell's entry point, kept thin: every decision lives in a plain module with its
// own tests (window options, shortcuts, permissions, crash reloads, the URL policy, the app://
// files, the IPC guard, the main-process service, display and update timing, the log); this file
// only hands Electron's objects to them. Bundled with its modules into dist/electron-app/main.cjs.
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import electronUpdater from 'electron-updater';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SHELL_SETTINGS, ShellSettings } from '../shared/schema/shell-settings';
import { toIsoWithOffset } from '../shared/time';
import { serveAppFile } from './app-protocol';
import { crashPolicy } from './crash-policy';
import { exportTarget, jsonFile, tokenFiles } from './files';
import { guardedHandlers } from './ipc';
import { Journal } from './journal';
import { DisplayKeeper } from './keep-awake';
import { kioskService } from './kiosk-service';
import { BRIDGE_CHANNELS } from '../shared/contract/bridge';
import { RotatingLog } from './log-file';
import { allowPermission } from './permissions';
import { isBlockedShortcut } from './shortcuts';
import { TokenStore } from './token-store';
import { UpdateInstaller } from './update-installer';
import { isKioskUrl, KIOSK_HOST, KIOSK_SCHEME } from './url-policy';
import { serverFromArgs } from './launch-args';

const KIOSK_ORIGIN = `${KIOSK_SCHEME}://${KIOSK_HOST}`;
const MINUTE = 60_000;

// A fixed userData folder, whatever the product name's spelling: IndexedDB lives under it, and a
// rename would silently start an empty queue.
// (An unpackaged shell under test may be pointed elsewhere, so tests never touch a real kiosk's data.)
app.setPath('userData', (!app.isPackaged && process.env.HAILONG_USER_DATA) || join(app.getPath('appData'), 'hai-long-kiosk'));
// A standard, secure scheme: the renderer gets a real origin (IndexedDB, fetch of its own files).
protocol.registerSchemesAsPrivileged([{ scheme: KIOSK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A shell that cannot start exits non-zero, so the session (systemd, Shell Launcher) restarts it.
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Hài Lòng Kiosk could not start:', error instanceof Error ? error.message : error);
      app.exit(1);
    });
}

async function start() {
  const userData = app.getPath('userData');
  const log = new RotatingLog(join(userData, 'logs'));
  const report = (event: string, error: unknown) => void log.write('error', event, error);
  process.on('uncaughtException', (error) => report('uncaught', error));
  void log.write('info', 'start', { version: app.getVersion(), packaged: app.isPackaged });

  // Auto-start at login where the OS has the setting (Windows, macOS); Linux kiosks start from a
  // systemd unit running `cage` (docs/deployment.md).
  if (app.isPackaged && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: true });

  const settingsFile = jsonFile<ShellSettings>(join(userData, 'settings.json'));
  const defaultSettings = { ...DEFAULT_SHELL_SETTINGS, serverOrigin: serverFromArgs(process.argv) };
  const saved = ShellSettings.safeParse(await settingsFile.read());
  let current = saved.success ? saved.data : defaultSettings;
  const keeper = new DisplayKeeper(powerSaveBlocker, () => current.openingHours);

  const journal = await Journal.open(join(userData, 'journal.jsonl'));
  const exports = exportTarget(join(userData, 'exports'), async (fileName) => {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Xuất đánh giá chưa gửi', defaultPath: join(app.getPath('documents'), fileName) };
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  });

  const installer = new UpdateInstaller({
    hours: () => current.openingHours,
    now: () => new Date(),
    keepPending: async (version) => {
      const held = await journal.entries();
      await exports.keep(
        `before-update-${version}-${Date.now()}.json`,
        JSON.stringify({ keptAt: toIsoWithOffset(new Date()), ratings: held }),
      );
    },
    install: () => electronUpdater.autoUpdater.quitAndInstall(true, true),
    log: (event, detail) => void log.write('info', event, detail),
  });

  const handlers = kioskService({
    fetch: (input, init) => fetch(input, init),
    tokens: new TokenStore(safeStorage, tokenFiles(join(userData, 'device-token.json'))),
    exportKey: new TokenStore(safeStorage, tokenFiles(join(userData, 'export-key.json'))),
    config: jsonFile(join(userData, 'kiosk-config.json')),
    incarnations: jsonFile(join(userData, 'incarnations.json')),
    settings: {
      ...settingsFile,
      write: async (next) => {
        await settingsFile.write(next);
        current = next;
        keeper.check(new Date());
      },
    },
    journal,
    exports,
    appVersion: app.getVersion(),
    now: () => new Date(),
    defaultSettings,
    updateStatus: () => installer.status,
    screen: ({ onStartScreen }) => {
      installer.screen(onStartScreen);
      void installer.check();
    },
  });
  const guarded = guardedHandlers(handlers, report);
  for (const channel of BRIDGE_CHANNELS) ipcMain.handle(channel, guarded[channel]);

  protocol.handle(KIOSK_SCHEME, (request) => serveAppFile(request.url, join(__dirname, 'renderer'), (path) => readFile(path)));

  const kioskSession = session.defaultSession;
  // The kiosk's CSP on every response in the window's session too (app:// answers carry it already,
  // app-protocol.ts); written out so the security scan reads it; a test keeps it equal to KIOSK_CSP.
  kioskSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    }),
  );
  kioskSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowPermission(permission, contents.getURL(), { kioskOrigin: KIOSK_ORIGIN, qrScanning: current.qrScanning })),
  );
  kioskSession.setPermissionCheckHandler((_contents, permission, origin) =>
    allowPermission(permission, origin, { kioskOrigin: KIOSK_ORIGIN, qrScanning: current.qrScanning }),
  );
  // Nothing from the network is ever loaded into the kiosk window (the server is reached from here).
  kioskSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isKioskUrl(details.url) && !details.url.startsWith('devtools:') }),
  );

  keeper.check(new Date());
  setInterval(() => {
    keeper.check(new Date());
    void installer.check();
  }, MINUTE);

  openKioskWindow(report);

  // The feed and the publisher were fixed when the district built its release (app-update.yml:
  // https only, and on Windows the installer must be signed by the named publisher). No feed is taken
  // from settings at run time: whoever can change the server address could otherwise serve code.
  if (app.isPackaged) {
    const { autoUpdater } = electronUpdater;
    autoUpdater.autoInstallOnAppQuit = false;
    autoUpdater.on('update-downloaded', (info) => installer.downloaded(info.version));
    autoUpdater.on('error', (error) => report('updater', error));
    const look = () => void autoUpdater.checkForUpdates().catch((error: unknown) => report('updater', error));
    look();
    setInterval(look, 6 * 60 * MINUTE);
  }
}

function openKioskWindow(report: (event: string, error: unknown) => void) {
  // Written out here, where the window is made, so the security scan reads them as they are (and
  // tests/unit/electron-bundle.test.ts checks the window the bundled main really opens).
  const window = new BrowserWindow({
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#f7f5f0',
    show: false, // shown once the first screen is painted: no white flash
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: !app.isPackaged,
      spellcheck: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      zoomFactor: 1,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const { webContents } = window;
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (e: { url: string; preventDefault: () => void }) => {
    if (!isKioskUrl(e.url)) e.preventDefault();
  };
  webContents.on('will-navigate', guard);
  webContents.on('will-redirect', guard);
  webContents.on('will-frame-navigate', guard);
  webContents.on('will-attach-webview', (e) => e.preventDefault());
  webContents.on('before-input-event', (e, input) => {
    if (isBlockedShortcut(input)) e.preventDefault();
  });
  void webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  const crashes = crashPolicy();
  const reloadLater = (why: string) => {
    report('renderer', new Error(why));
    const delay = crashes.afterCrash(Date.now());
    if (delay !== null) setTimeout(() => webContents.reload(), delay);
  };
  webContents.on('render-process-gone', (_e, details) => reloadLater(`gone: ${details.reason}`));
  window.on('unresponsive', () => reloadLater('unresponsive'));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${KIOSK_ORIGIN}/`);
}

app.on('window-all-closed', () => app.quit());
