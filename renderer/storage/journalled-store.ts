import type { Finish, RatingStore } from '../../shared/flow/ports';
import { reconcile } from '../../shared/rating/reconcile';
import { withoutLocalFields, type Answers, type NewRating } from '../../shared/schema/rating';
import type { RatingJournal } from '../host/kiosk-host';
import type { RatingQueue } from './rating-queue';

/**
 * The flow's store when a journal exists: a rating is confirmed (the thank-you shown) only once it is
 * both in IndexedDB and in the main process's journal on disk. Open ratings are not journalled: a
 * crash mid-flow is covered by IndexedDB, and they are journalled once finalised as interrupted at
 * the next start.
 */
export function journalledStore(queue: RatingQueue, journal: RatingJournal): RatingStore {
  const journalFinished = async (id: string) => {
    const rating = await queue.finished(id);
    if (rating) await journal.append(rating);
  };
  return {
    async open(rating: NewRating, finish: Finish | null) {
      const result = await queue.open(rating, finish);
      // Finished on the first tap: built from what the queue just checked and stored, not read back
      // (one round trip less) nor checked again (the bridge checks it as it crosses).
      if (finish) {
        await journal.append(
          withoutLocalFields({ ...rating, seq: result.seq, incarnation: result.incarnation, state: 'finished', ...finish }),
        );
      }
      return { seq: result.seq };
    },
    saveProgress: (id: string, answers: Answers) => queue.saveProgress(id, answers),
    dossierRecorded: (code: string, exceptId: string) => queue.dossierRecorded(code, exceptId),
    async finalise(id: string, answers: Answers, finish: Finish) {
      await queue.finalise(id, answers, finish);
      await journalFinished(id);
    },
    // Cut short by a crash or power cut: once finalised they are owed to the server like any other.
    async finaliseInterrupted(completedAt: string) {
      const ids = await queue.openIds();
      const finished = await queue.finaliseInterrupted(completedAt);
      for (const id of ids) await journalFinished(id);
      return finished;
    },
  };
}

/** Start-up: whatever the journal has and the queue lost comes back as pending. Returns how many. */
export async function restoreFromJournal(queue: RatingQueue, journal: RatingJournal): Promise<number> {
  const inventory = await queue.inventory();
  const plan = reconcile(await journal.entries(), inventory);
  if (plan.restore.length > 0 || plan.nextSeq > inventory.nextSeq) await queue.restore(plan.restore, plan.nextSeq);
  return plan.restore.length;
}
