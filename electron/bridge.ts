import { BRIDGE_REQUESTS, type BridgeChannel } from '../shared/schema/bridge';
import type { KioskBridge } from '../renderer/host/electron-host';

export type Invoke = (channel: BridgeChannel, message: unknown) => Promise<unknown>;

/**
 * `window.kiosk`, built over an IPC invoke: each method one channel, each message checked against
 * the shared schema before it leaves the page (the main process checks it again on arrival).
 * The preload builds it over ipcRenderer; tests build it over the main-process handlers directly.
 */
export function bridgeOver(invoke: Invoke): KioskBridge {
  const call = (channel: BridgeChannel) => async (message?: unknown) => {
    const checked = BRIDGE_REQUESTS[channel].safeParse(message);
    if (!checked.success) throw new Error(`invalid ${channel} message`);
    return invoke(channel, checked.data);
  };
  return {
    loadConfig: () => call('kiosk:config')(),
    saveConfig: call('kiosk:config-save'),
    loadSettings: () => call('kiosk:settings')(),
    saveSettings: call('kiosk:settings-save'),
    enrol: call('kiosk:enrol'),
    checkConnection: call('kiosk:check'),
    sync: call('kiosk:sync'),
    journalAppend: call('kiosk:journal-append'),
    journalEntries: () => call('kiosk:journal-entries')(),
    journalCompact: call('kiosk:journal-compact'),
    exportRatings: call('kiosk:export'),
    forget: () => call('kiosk:forget')(),
    reportScreen: call('kiosk:screen'),
    diagnostics: () => call('kiosk:diagnostics')(),
  };
}
