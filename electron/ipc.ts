import { bridgeContract, type BridgeAnswer, type BridgeChannel, type BridgeRequest, type BridgeValue } from '../shared/contract/bridge';
import { isKioskUrl } from './url-policy';

/** What the guard needs of Electron's IpcMainInvokeEvent (type-only, so it is tested in Node). */
export interface InvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The main process's handlers, typed by the bridge contract: they receive checked requests only. */
export type BridgeHandlers = { [K in BridgeChannel]: (request: BridgeRequest<K>) => Promise<BridgeValue<K>> };

/**
 * Wraps one main-process handler for `ipcMain.handle`: only the kiosk page's top frame at
 * `app://kiosk/` may call, only with a message its schema accepts (checked here, once, as it
 * arrives). The answer is always `{ ok, value | error }`; a failure reaches the page as a plain
 * sentence, never a stack or a path.
 */
export function guardedHandler<K extends BridgeChannel>(
  channel: K,
  handler: (request: BridgeRequest<K>) => Promise<BridgeValue<K>>,
  report: (channel: string, error: unknown) => void,
) {
  return async (event: InvokeEvent, raw: unknown): Promise<BridgeAnswer<K>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isKioskUrl(frame.url)) {
      report(channel, new Error(`refused a message from ${String(frame?.url).slice(0, 100)}`));
      return { ok: false, error: { code: 'refused', message: 'not the kiosk page' } };
    }
    // An absent request crosses IPC as null or undefined alike.
    const checked = bridgeContract[channel].request.safeParse(raw === null ? undefined : raw);
    if (!checked.success) {
      report(channel, checked.error);
      return { ok: false, error: { code: 'invalid', message: `invalid ${channel} message` } };
    }
    try {
      return { ok: true, value: await handler(checked.data as BridgeRequest<K>) };
    } catch (error) {
      report(channel, error);
      return { ok: false, error: { code: 'failed', message: `${channel} failed` } };
    }
  };
}

/** Every channel guarded, for `ipcMain.handle` (and for tests, which call these directly). */
export function guardedHandlers(handlers: BridgeHandlers, report: (channel: string, error: unknown) => void) {
  return Object.fromEntries(
    (Object.keys(bridgeContract) as BridgeChannel[]).map((channel) => [
      channel,
      guardedHandler(channel, handlers[channel] as never, report),
    ]),
  ) as { [K in BridgeChannel]: (event: InvokeEvent, raw: unknown) => Promise<BridgeAnswer<K>> };
}
