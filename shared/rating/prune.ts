const DAY_MS = 86_400_000;

/** Only what the server has acknowledged may ever leave the kiosk's queue, and only after retention. */
export function pruneCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

interface PrunableEntry {
  id: string;
  state: string;
  syncedAt: string | null;
}

/** The pruning rule: synced, acknowledged before the cutoff, oldest first, at most `limit`. */
export function selectPrunable<T extends PrunableEntry>(
  entries: readonly T[],
  now: Date,
  retentionDays: number,
  limit = Number.POSITIVE_INFINITY,
): T[] {
  const cutoff = pruneCutoff(now, retentionDays).getTime();
  return entries
    .filter((e) => e.state === 'synced' && e.syncedAt !== null && Date.parse(e.syncedAt) < cutoff)
    .sort((a, b) => Date.parse(a.syncedAt!) - Date.parse(b.syncedAt!))
    .slice(0, limit);
}
