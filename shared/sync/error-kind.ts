/**
 * What kind of trouble the sync engine's last error was, so the technician reads it in words
 * (the raw text stays beside it for support). The engine writes: "network: …", "certificate: …",
 * "timeout", "HTTP 503", "HTTP 401 revoked", "unreadable answer (HTTP 200)", "storage: …", and
 * "the answer settled none of the batch".
 */
export type SyncErrorKind = 'network' | 'certificate' | 'timeout' | 'refused' | 'server' | 'rejected' | 'answer' | 'storage' | 'other';

export function syncErrorKind(error: string): SyncErrorKind {
  if (error.startsWith('network:')) return 'network';
  if (error.startsWith('certificate:')) return 'certificate';
  if (error === 'timeout') return 'timeout';
  if (error.startsWith('storage:')) return 'storage';
  if (error.startsWith('unreadable answer') || error.startsWith('the answer settled none')) return 'answer';
  const status = /^HTTP (\d{3})\b/.exec(error)?.[1];
  if (status === undefined) return 'other';
  const code = Number(status);
  if (code === 401 || code === 403) return 'refused';
  if (code >= 500 || code === 429 || code === 408) return 'server';
  return code >= 400 ? 'rejected' : 'answer';
}
