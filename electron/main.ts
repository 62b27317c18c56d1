// The Electron kiosk shell's entry point: kept thin. For now it opens the kiosk web app full
// screen with the secure defaults; the full shell (app:// protocol, journal, technician mode,
// updates) is its own issue.
import { app, BrowserWindow } from 'electron';
import { kioskUrlFromArgs } from './kiosk-url.js';

const kioskUrl = kioskUrlFromArgs(process.argv);

void app.whenReady().then(() => {
  const window = new BrowserWindow({
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#f7f5f0',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== new URL(kioskUrl).origin) event.preventDefault();
  });
  void window.loadURL(kioskUrl);
});

app.on('window-all-closed', () => app.quit());
