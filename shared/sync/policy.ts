/**
 * How the kiosk treats each answer to a batch (docs/sync-protocol.md has the table):
 * - `ack`: the server answered; accepted and duplicate ratings are synced, rejected ones quarantined.
 * - `retry`: nothing is known to be stored; send the same ratings again later (safe: ids are idempotency keys).
 * - `stop`: the server refuses the request itself (bad token, revoked kiosk…): stop and alert a technician.
 */
export type Verdict = 'ack' | 'retry' | 'stop';

/** 408, 409, 425 and 429 are worth retrying; other 4xx will not change by themselves. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export function verdictForStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ack';
  if (status >= 500) return 'retry';
  if (RETRYABLE_4XX.has(status)) return 'retry';
  return 'stop';
}

/**
 * An answer that refuses a batch as a whole, perhaps for one rating in it:
 * - `too-large`: 413 (a proxy's body limit): send smaller batches;
 * - `content`: a 400 that is not the district server's own (a proxy or firewall refusing what it
 *   saw), or the same 5xx for the same batch again and again (`server-error`): find the rating.
 * Back-pressure (503, 429) and a full disk (507) are the server's state, never a rating's.
 */
export type WholeBatchRefusal = 'too-large' | 'content' | 'server-error';

export function wholeBatchRefusal(status: number, errorCode: string | null): WholeBatchRefusal | null {
  if (status === 413) return 'too-large';
  if (status === 400 && errorCode === null) return 'content';
  if (status >= 500 && status !== 503 && status !== 507) return 'server-error';
  return null;
}

/** The same 5xx for the same batch this many times, and the kiosk looks for the rating that causes it. */
export const SPLIT_AFTER_REFUSALS = 3;

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: a random wait up to min(cap, base·2^attempt), so a district's
 * kiosks coming back online together do not all knock at once. A server's Retry-After is a floor.
 */
export function retryDelay(attempt: number, random: () => number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  const jittered = Math.floor(random() * ceiling);
  return Math.min(BACKOFF_CAP_MS, Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export const MAX_BATCH_BYTES = 256 * 1024;

/** The longest prefix of `items` (in order) within the count and byte limits; at least one item. */
export function fitBatch<T>(items: readonly T[], maxCount: number, maxBytes: number, size: (item: T) => number): T[] {
  const out: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const next = size(item);
    if (out.length >= maxCount || (out.length > 0 && bytes + next > maxBytes)) break;
    out.push(item);
    bytes += next;
  }
  return out;
}
