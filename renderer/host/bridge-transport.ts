import { callBridge, type ConfigOutcome, type KioskBridge, type SendOutcome } from '../../shared/contract/bridge';
import type { Heartbeat } from '../../shared/contract/kiosk-api';
import type { OutgoingBatch, SyncTransport } from '../../shared/sync/ports';

/**
 * The Electron renderer's transport: each exchange is handed to the main process, which holds the
 * device token and does the HTTP, so the token never enters the renderer. A broken bridge reads as
 * a network failure (retried), never as an acknowledgement.
 */
export class BridgeTransport implements SyncTransport {
  constructor(private readonly bridge: KioskBridge) {}

  async sendBatch(batch: OutgoingBatch, timeoutMs: number): Promise<SendOutcome> {
    const answer = await callBridge(this.bridge, 'kiosk:send-batch', { batch, timeoutMs });
    return answer.ok ? answer.value : { kind: 'network', message: 'the kiosk shell gave no usable answer' };
  }

  async fetchConfig(etag: string | null, timeoutMs: number): Promise<ConfigOutcome> {
    const answer = await callBridge(this.bridge, 'kiosk:fetch-config', { etag, timeoutMs });
    return answer.ok ? answer.value : { kind: 'failed' };
  }

  async sendHeartbeat(heartbeat: Heartbeat, timeoutMs: number): Promise<boolean> {
    const answer = await callBridge(this.bridge, 'kiosk:send-heartbeat', { heartbeat, timeoutMs });
    return answer.ok && answer.value;
  }
}
