import type { Rating } from '../schema/rating';

/**
 * Start-up check of the renderer's queue against the main process's journal: every journalled
 * rating the queue lacks (IndexedDB was wiped or reset) goes back in as pending, with its own id and
 * sequence number; the queue's counter moves past the highest sequence number seen anywhere so a new
 * rating never reuses one.
 */
export function reconcile(journal: readonly Rating[], queue: { ids: ReadonlySet<string>; nextSeq: number }) {
  const missing = journal.filter((r) => !queue.ids.has(r.id));
  const highest = journal.reduce((max, r) => Math.max(max, r.seq), 0);
  return { restore: missing, nextSeq: Math.max(queue.nextSeq, highest + 1) };
}
