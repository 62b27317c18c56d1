import { ApiErrorFromAnyServer as ApiError } from '../contract/errors';
import type { ConfigOutcome, SendOutcome } from '../contract/bridge';
import { BatchResult, ConfigResponse, kioskApi, type Heartbeat } from '../contract/kiosk-api';
import { isCertificateError } from './network-errors';
import { parseRetryAfter } from './policy';
import type { OutgoingBatch, SyncTransport } from './ports';

/**
 * Sync over HTTP with fetch: in a browser kiosk, to the server that served the page with the token
 * from the kiosk's own storage; in Electron, in the main process, which holds the token. Every send is
 * bounded by a timeout; nothing here throws.
 */
export class HttpTransport implements SyncTransport {
  constructor(
    private readonly options: { serverOrigin: string; deviceToken: () => Promise<string | null>; fetch: typeof fetch; now: () => Date },
  ) {}

  async sendBatch(batch: OutgoingBatch, timeoutMs: number): Promise<SendOutcome> {
    const token = await this.options.deviceToken();
    if (!token) return { kind: 'answer', status: 401, result: null, retryAfterMs: null, errorCode: 'missing_token' };
    let response: Response;
    try {
      response = await this.options.fetch(`${this.options.serverOrigin}${kioskApi.sendBatch.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
      return { kind: 'network', message: String(error).slice(0, 200), ...(isCertificateError(error) && { certificate: true }) };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // A cut or garbled answer: the status alone decides (a 200 without a readable body is retried).
    }
    const result = response.ok ? BatchResult.safeParse(body) : null;
    const error = response.ok ? null : ApiError.safeParse(body);
    return {
      kind: 'answer',
      status: response.status,
      result: result?.success ? result.data : null,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.options.now()),
      errorCode: error?.success ? error.data.error.code : null,
    };
  }

  async fetchConfig(etag: string | null, timeoutMs: number): Promise<ConfigOutcome> {
    const token = await this.options.deviceToken();
    if (!token) return { kind: 'failed' };
    try {
      const response = await this.options.fetch(`${this.options.serverOrigin}${kioskApi.config.path}`, {
        headers: { authorization: `Bearer ${token}`, ...(etag && { 'if-none-match': etag }) },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 304) return { kind: 'unchanged' };
      if (!response.ok) return { kind: 'failed' };
      const parsed = ConfigResponse.safeParse(await response.json());
      return parsed.success ? { kind: 'config', config: parsed.data.config, etag: response.headers.get('etag') } : { kind: 'failed' };
    } catch {
      return { kind: 'failed' };
    }
  }

  async sendHeartbeat(heartbeat: Heartbeat, timeoutMs: number): Promise<boolean> {
    const token = await this.options.deviceToken();
    if (!token) return false;
    try {
      const response = await this.options.fetch(`${this.options.serverOrigin}${kioskApi.heartbeat.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(heartbeat),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}
