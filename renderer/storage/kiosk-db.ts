import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { seqRuns } from '../../shared/rating/prune';
import type { QueuedRating, Rating, Settlement } from '../../shared/schema/rating';

export const KIOSK_DB_NAME = 'hai-long-kiosk';

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * Every schema the kiosk has shipped, oldest first. A released version is never edited: add a new
 * one, with an upgrade that keeps every queued rating (tests/unit/kiosk-db-upgrade.test.ts).
 */
export function declareKioskSchema(db: Dexie): void {
  db.version(1).stores({
    // [state+seq]: pending ratings in sequence order without scanning synced ones.
    // syncedAt (UTC ISO, absent until acknowledged): the pruning index.
    ratings: 'id, &seq, [state+seq], syncedAt',
    meta: 'key',
  });
  // 2: dossier codes, for "one rating per dossier" (only ratings that carry one are indexed).
  db.version(2).stores({ ratings: 'id, &seq, [state+seq], syncedAt, dossierCode' });
  // 3: what waits for the server is copied, as the server expects it, into an outbox keyed by
  // sequence number, and the server's answers go into one small record per batch. A drain reads and
  // deletes outbox key ranges and never touches `ratings`, where a citizen's tap writes.
  db.version(3).stores({ ratings: 'id, &seq, [state+seq], dossierCode', outbox: 'seq', settlements: '++id, at' }).upgrade(moveToOutbox);
}

/** Version 2 → 3: `pending` ratings go to the outbox, `synced` ones keep their date in settlements. */
async function moveToOutbox(tx: Transaction): Promise<void> {
  const waiting: Rating[] = [];
  const syncedAt = new Map<string, number[]>();
  await tx
    .table('ratings')
    .toCollection()
    .modify((rating: Record<string, unknown>) => {
      const seq = rating.seq as number;
      if (rating.state === 'pending') {
        const { state: _state, syncedAt: _syncedAt, ...sent } = rating;
        waiting.push(sent as Rating); // checked when read for sending, like every outbox entry
      }
      if (rating.state === 'synced') {
        const at = rating.syncedAt as string;
        if (!syncedAt.has(at)) syncedAt.set(at, []);
        syncedAt.get(at)!.push(seq);
      }
      if (rating.state === 'pending' || rating.state === 'synced') rating.state = 'finished';
      delete rating.syncedAt;
    });
  await tx.table('outbox').bulkAdd(waiting);
  await tx.table('settlements').bulkAdd([...syncedAt].map(([at, seqs]) => ({ at, runs: seqRuns(seqs) })));
}

export class KioskDb extends Dexie {
  ratings!: EntityTable<QueuedRating, 'id'>;
  outbox!: EntityTable<Rating, 'seq'>;
  settlements!: EntityTable<Settlement, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = KIOSK_DB_NAME, options: DexieOptions = {}) {
    // Strict durability: a confirmed tap must survive a power cut, not only a crash.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareKioskSchema(this);
  }
}
