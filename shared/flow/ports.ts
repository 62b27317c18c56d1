import type { Answers, NewRating, Outcome } from '../schema/rating';

export interface Finish {
  outcome: Outcome;
  completedAt: string;
}

/**
 * The kiosk's durable queue as the rating flow sees it. Every promise resolves only once the write
 * is durable (IndexedDB strict durability): the thank-you screen depends on it.
 */
export interface RatingStore {
  /** The first tap: creates the record and gives it the kiosk's next sequence number. */
  open(rating: NewRating, finish: Finish | null): Promise<{ seq: number }>;
  /** Answers so far, so a crash mid-flow keeps them. */
  saveProgress(id: string, answers: Answers): Promise<void>;
  finalise(id: string, answers: Answers, finish: Finish): Promise<void>;
  /** Start-up: records a crash or power cut left open become `interrupted`. Returns how many. */
  finaliseInterrupted(completedAt: string): Promise<number>;
  /** Whether another rating on this kiosk already carries this dossier code (one rating per dossier). */
  dossierRecorded(code: string, exceptId: string): Promise<boolean>;
}

/** Everything the flow needs from outside, injected so it runs in Node with fakes. */
export interface FlowDeps {
  store: RatingStore;
  now: () => Date;
  newId: () => string;
  /** Kept for the technician's diagnostics; never shown to a citizen. */
  report: (where: string, error: unknown) => void;
}
