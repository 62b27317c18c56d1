// The kiosk page's only door to the main process: one small API, `window.kiosk`, every message
// checked with the shared schemas (electron/bridge.ts). Bundled into one CommonJS file, as a
// sandboxed preload must be; it imports Electron's renderer modules and nothing from Node.
import '../shared/zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeOver } from './bridge';

contextBridge.exposeInMainWorld(
  'kiosk',
  bridgeOver((channel, message) => ipcRenderer.invoke(channel, message)),
);
