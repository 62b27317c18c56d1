import { BRIDGE_REQUESTS, type BridgeChannel } from '../shared/schema/bridge';
import { isKioskUrl } from './url-policy';

/** What the guard needs of Electron's IpcMainInvokeEvent (type-only, so it is tested in Node). */
export interface InvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Wraps one main-process handler for `ipcMain.handle`: only the kiosk page's top frame at
 * `app://kiosk/` may call, only with a message its schema accepts; a failure reaches the renderer
 * as a plain sentence, never a stack or a path.
 */
export function guardedHandler(
  channel: BridgeChannel,
  handler: (message: unknown) => Promise<unknown>,
  report: (channel: string, error: unknown) => void,
) {
  return async (event: InvokeEvent, raw: unknown): Promise<unknown> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isKioskUrl(frame.url)) {
      report(channel, new Error(`refused a message from ${String(frame?.url).slice(0, 100)}`));
      throw new Error('refused: not the kiosk page');
    }
    const checked = BRIDGE_REQUESTS[channel].safeParse(raw);
    if (!checked.success) {
      report(channel, checked.error);
      throw new Error(`invalid ${channel} message`);
    }
    try {
      return await handler(checked.data);
    } catch (error) {
      report(channel, error);
      throw new Error(`${channel} failed`);
    }
  };
}
