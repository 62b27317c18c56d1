import { bridgeContract, type BridgeChannel, type BridgeRequest, type KioskBridge } from '../shared/contract/bridge';

export type Invoke = (channel: BridgeChannel, message: unknown) => Promise<unknown>;

/**
 * `window.kiosk`, built over an IPC invoke: one method, each request checked against its channel's
 * schema before it leaves the page (the main process checks it again on arrival; the page checks
 * the answer). The preload builds it over ipcRenderer; tests build it over the main process's
 * guarded handlers directly.
 */
export function bridgeOver(invoke: Invoke): KioskBridge {
  return {
    async invoke<K extends BridgeChannel>(channel: K, request: BridgeRequest<K>) {
      const contract = bridgeContract[channel] as (typeof bridgeContract)[BridgeChannel] | undefined;
      if (!contract) return { ok: false, error: { code: 'invalid', message: 'invalid channel' } };
      const checked = contract.request.safeParse(request);
      if (!checked.success) return { ok: false, error: { code: 'invalid', message: `invalid ${channel} message` } };
      return invoke(channel, checked.data);
    },
  };
}
