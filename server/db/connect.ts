import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, type Engine } from './migrations';
import type { Database } from './tables';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /**
   * SQLite only: the connection Kysely itself uses, for prepared statements on the hot ingest
   * path. Statements run on it inside a Kysely transaction belong to that transaction.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// bigint columns hold epoch milliseconds and counts: well inside a double's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * The embedded default is SQLite in the data directory (WAL, synchronous=FULL: anything
 * acknowledged to a kiosk is on disk). DATABASE_URL selects PostgreSQL for a city or province.
 */
export async function openStore(options: { dataDir: string; databaseUrl?: string }): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, engine: 'postgres', close: () => db.destroy() };
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const file = new SQLite(join(options.dataDir, 'hai-long.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    store = { db, engine: 'sqlite', sqlite: file, close: () => db.destroy() };
  }
  await migrateToLatest(store.db, store.engine);
  return store;
}
