import type { Finish, FlowDeps, RatingStore } from '../../../shared/flow/ports';
import type { Answers, NewRating } from '../../../shared/schema/rating';
import { ratingId } from '../../support/fixtures';

export interface FakeRecord {
  rating: NewRating;
  seq: number;
  answers: Answers;
  finish: Finish | null;
}

/** An in-memory queue with switchable failures, recording every call in order. */
export class FakeStore implements RatingStore {
  records = new Map<string, FakeRecord>();
  calls: string[] = [];
  failNext: 'open' | 'finalise' | 'recover' | null = null;
  private seq = 0;
  /** Resolve writes manually when set, to test what happens while a write is in flight. */
  hold = false;
  private held: (() => void)[] = [];

  private async settle() {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
  }
  release() {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }

  async open(rating: NewRating, finish: Finish | null) {
    this.calls.push(`open:${rating.overall}`);
    await this.settle();
    if (this.failNext === 'open') {
      this.failNext = null;
      throw new DOMException('quota', 'QuotaExceededError');
    }
    const seq = ++this.seq;
    const { overall, criteria, reasons, comment } = rating;
    this.records.set(rating.id, { rating, seq, answers: { overall, criteria, reasons, comment }, finish });
    return { seq };
  }
  async dossierRecorded(code: string, exceptId: string) {
    this.calls.push(`dossier:${code}`);
    return [...this.records.values()].some((r) => r.rating.id !== exceptId && r.answers.dossierCode === code);
  }
  async saveProgress(id: string, answers: Answers) {
    this.calls.push('progress');
    const record = this.records.get(id);
    if (record) record.answers = answers;
  }
  async finalise(id: string, answers: Answers, finish: Finish) {
    this.calls.push(`finalise:${finish.outcome}`);
    await this.settle();
    if (this.failNext === 'finalise') {
      this.failNext = null;
      throw new Error('backing store error');
    }
    const record = this.records.get(id);
    if (!record) throw new Error(`no record ${id}`);
    record.answers = answers;
    record.finish = finish;
  }
  async finaliseInterrupted() {
    this.calls.push('recover');
    if (this.failNext === 'recover') {
      this.failNext = null;
      throw new Error('cannot open database');
    }
    return 0;
  }
  finished() {
    return [...this.records.values()].filter((r) => r.finish !== null);
  }
}

/**
 * Deps for the flow under Vitest's fake timers: the clock is the faked Date, so moving the timers
 * moves the clock too. Ids are valid UUIDv7s in order.
 */
export function fakeDeps(store = new FakeStore()) {
  let n = 0;
  const errors: { where: string; error: unknown }[] = [];
  const deps: FlowDeps = {
    store,
    now: () => new Date(),
    newId: () => ratingId(++n),
    report: (where, error) => errors.push({ where, error }),
  };
  return { deps, store, errors };
}
