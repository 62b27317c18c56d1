import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { QueuedRating } from '../../shared/schema/rating';

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
}

export class KioskDb extends Dexie {
  ratings!: EntityTable<QueuedRating, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = KIOSK_DB_NAME, options: DexieOptions = {}) {
    // Strict durability: a confirmed tap must survive a power cut, not only a crash.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareKioskSchema(this);
  }
}
