const KEY = 'hai-long:errors';
const MAX_ENTRIES = 50;

export interface DiagnosticEntry {
  at: string;
  where: string;
  name: string;
  message: string;
}

const describe = (error: unknown): { name: string; message: string } => {
  if (error instanceof Error || error instanceof DOMException) return { name: error.name, message: error.message };
  if (error && typeof error === 'object' && 'error' in error) return describe((error as { error: unknown }).error);
  return { name: 'Unknown', message: String(error).slice(0, 500) };
};

/**
 * Errors kept for the technician's diagnostics screen. In localStorage, not IndexedDB: the queue's
 * own failures are among the things worth recording. Never shown to a citizen.
 */
export function reportError(where: string, error: unknown, storage: Storage | undefined = globalThis.localStorage) {
  console.error(`[hai-long] ${where}`, error);
  try {
    const entries = readDiagnostics(storage);
    entries.push({ at: new Date().toISOString(), where, ...describe(error) });
    storage?.setItem(KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
  } catch {
    // Diagnostics must never become the next failure.
  }
}

export function readDiagnostics(storage: Storage | undefined = globalThis.localStorage): DiagnosticEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as DiagnosticEntry[]) : [];
  } catch {
    return [];
  }
}
