import type { Heartbeat, RatingBatch } from '../../shared/schema/api';
import { ConfigOutcome, HeartbeatOutcome, SendOutcome, type SyncRequest } from '../../shared/schema/bridge';
import type { SyncTransport } from '../../shared/sync/ports';

/** How the renderer reaches Electron's main process: `window.kiosk.sync` from the preload. */
export type SyncInvoke = (request: SyncRequest) => Promise<unknown>;

/**
 * The Electron renderer's transport: each exchange is handed to the main process, which holds the
 * device token and does the HTTP, so the token never enters the renderer. Answers are checked here
 * too; a broken bridge reads as a network failure (retried), never as an acknowledgement.
 */
export class BridgeTransport implements SyncTransport {
  constructor(private readonly invoke: SyncInvoke) {}

  async sendBatch(batch: RatingBatch, timeoutMs: number): Promise<SendOutcome> {
    const answer = await this.ask({ op: 'sendBatch', batch: batch as Extract<SyncRequest, { op: 'sendBatch' }>['batch'], timeoutMs });
    const parsed = SendOutcome.safeParse(answer);
    return parsed.success ? parsed.data : { kind: 'network', message: 'the kiosk shell gave no usable answer' };
  }

  async fetchConfig(etag: string | null, timeoutMs: number): Promise<ConfigOutcome> {
    const parsed = ConfigOutcome.safeParse(await this.ask({ op: 'fetchConfig', etag, timeoutMs }));
    return parsed.success ? parsed.data : { kind: 'failed' };
  }

  async sendHeartbeat(heartbeat: Heartbeat, timeoutMs: number): Promise<boolean> {
    const parsed = HeartbeatOutcome.safeParse(await this.ask({ op: 'sendHeartbeat', heartbeat, timeoutMs }));
    return parsed.success && parsed.data;
  }

  private ask(request: SyncRequest): Promise<unknown> {
    return this.invoke(request).catch(() => null);
  }
}
