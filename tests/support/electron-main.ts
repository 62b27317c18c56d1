import { bridgeOver } from '../../electron/bridge';
import { guardedHandlers, type BridgeHandlers, type InvokeEvent } from '../../electron/ipc';
import type { BridgeChannel, KioskBridge } from '../../shared/contract/bridge';

/** What Electron tells the main process about a message from the kiosk page's top frame. */
export const KIOSK_FRAME: InvokeEvent = { senderFrame: { url: 'app://kiosk/', parent: null } };

/**
 * The main process's end of the IPC pipe, as `ipcMain.handle` runs it: each message through the
 * guard (sender frame, the channel's schema), then the handler. Messages cross as structured
 * clones, as Electron's IPC copies them.
 */
export function mainProcessIpc(
  handlers: BridgeHandlers,
  options: { report?: (channel: string, error: unknown) => void; seen?: unknown[] } = {},
) {
  const guarded = guardedHandlers(handlers, options.report ?? (() => undefined));
  return async (channel: BridgeChannel, message: unknown): Promise<unknown> => {
    // As Electron does for a channel nobody handles.
    if (!(channel in guarded)) throw new Error(`No handler registered for '${channel}'`);
    const answer = structuredClone(await guarded[channel](KIOSK_FRAME, structuredClone(message)));
    options.seen?.push(answer);
    return answer;
  };
}

/** The page's `window.kiosk`, as the preload builds it, over the main process's guarded handlers. */
export const bridgeTo = (handlers: BridgeHandlers, seen: unknown[] = []): KioskBridge => bridgeOver(mainProcessIpc(handlers, { seen }));
