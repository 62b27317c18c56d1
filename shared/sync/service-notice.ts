import type { SyncState } from './engine';
import { syncErrorKind } from './error-kind';

/**
 * What the start screen tells whoever looks (a technician, the counter's staff) when sync needs a
 * person: the device was refused (re-enrol it), the server refuses the requests, or ratings sit in
 * quarantine. Ratings are still taken and kept in every case, so the citizen flow never stops.
 */
export type ServiceNotice =
  { kind: 'reenrol' } | { kind: 'certificate' } | { kind: 'refused'; status: number } | { kind: 'quarantined'; count: number };

export function serviceNotice(sync: Pick<SyncState, 'status' | 'stoppedBy' | 'lastError'>, quarantined: number): ServiceNotice | null {
  if (sync.status === 'stopped' && sync.stoppedBy) {
    return sync.stoppedBy.status === 401 ? { kind: 'reenrol' } : { kind: 'refused', status: sync.stoppedBy.status };
  }
  // Retried like any network failure, but no retry fixes it: someone must renew the certificate.
  if (sync.status === 'waiting' && sync.lastError && syncErrorKind(sync.lastError) === 'certificate') return { kind: 'certificate' };
  return quarantined > 0 ? { kind: 'quarantined', count: quarantined } : null;
}
