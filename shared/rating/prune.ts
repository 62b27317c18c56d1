const DAY_MS = 86_400_000;

/** Only what the server has acknowledged may ever leave the kiosk's queue, and only after retention. */
export function pruneCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

interface SettlementLike {
  at: string;
}

/** The pruning rule: answers of the server received before the cutoff, oldest first. */
export function selectPrunable<T extends SettlementLike>(settlements: readonly T[], now: Date, retentionDays: number): T[] {
  const cutoff = pruneCutoff(now, retentionDays).getTime();
  return settlements.filter((s) => Date.parse(s.at) < cutoff).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Sequence numbers as runs of consecutive ones, `[first, last]` inclusive. A run holds only the given
 * numbers, so deleting a run's whole key range can never touch a rating that was not given.
 */
export function seqRuns(seqs: Iterable<number>): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const seq of sorted) {
    const last = runs.at(-1);
    if (last && seq === last[1] + 1) last[1] = seq;
    else runs.push([seq, seq]);
  }
  return runs;
}
