import { z } from 'zod';
import { SyncRequest } from '../shared/schema/bridge';
import type { SyncTransport } from '../shared/sync/ports';

export class BridgeRequestError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The main process's side of sync: every message from the renderer is checked against the shared
 * schema before the main process sends anything with its device token.
 */
export function createSyncHandler(transport: SyncTransport) {
  return async (raw: unknown): Promise<unknown> => {
    const parsed = SyncRequest.safeParse(raw);
    if (!parsed.success) throw new BridgeRequestError(`invalid sync request: ${z.prettifyError(parsed.error).slice(0, 300)}`);
    const request = parsed.data;
    switch (request.op) {
      case 'sendBatch':
        return transport.sendBatch(request.batch, request.timeoutMs);
      case 'fetchConfig':
        return transport.fetchConfig(request.etag, request.timeoutMs);
      case 'sendHeartbeat':
        return transport.sendHeartbeat(request.heartbeat, request.timeoutMs);
    }
  };
}
