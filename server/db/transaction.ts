import type { Transaction } from 'kysely';
import type { Store } from './connect';
import type { Database } from './tables';

/** PostgreSQL's answers that mean "try the same transaction again": serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

/** The client went away before its work began: nothing was done, and nothing is answered. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before its batch was stored');
  }
}

export const isRetryable = (error: unknown): boolean => RETRYABLE.has((error as { code?: string } | null)?.code ?? '');

/**
 * One transaction of the kiosks' write paths. On PostgreSQL it runs again (up to five times, after a
 * short random wait) when chosen as a deadlock's victim or when it could not be serialised: it was
 * rolled back whole, so running it again is safe, and the client gets an answer instead of a 500.
 * (On SQLite a full disk's SQLITE_FULL reaches the caller as such: server/db/connect.ts.)
 */
export async function inTransaction<T>(
  store: Pick<Store, 'engine' | 'db'>,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: { before?: () => void; random?: () => number } = {},
): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    options.before?.();
    try {
      return await store.db.transaction().execute(work);
    } catch (error) {
      if (store.engine !== 'postgres' || attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20 * attempt)));
    }
  }
}
