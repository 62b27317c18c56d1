import { describe, expect, it } from 'vitest';
import { syncErrorKind } from '../../shared/sync/error-kind';

describe('the sync error a technician reads in words', () => {
  it.each([
    ['network: Failed to fetch', 'network'],
    ['certificate: CERT_HAS_EXPIRED', 'certificate'],
    ['timeout', 'timeout'],
    ['HTTP 503', 'server'],
    ['HTTP 429', 'server'],
    ['HTTP 401 revoked', 'refused'],
    ['HTTP 403 forbidden', 'refused'],
    ['HTTP 400 bad_request', 'rejected'],
    ['unreadable answer (HTTP 200)', 'answer'],
    ['the answer settled none of the batch', 'answer'],
    ['storage: QuotaExceededError', 'storage'],
    ['HTTP', 'other'],
    ['something new', 'other'],
  ])('%j → %s', (error, kind) => {
    expect(syncErrorKind(error)).toBe(kind);
  });
});
