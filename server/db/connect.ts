import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, type Engine } from './migrations';
import { explainStorageProblem } from './storage';
import type { Database } from './tables';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /**
   * SQLite only: the connection Kysely itself uses, for prepared statements on the hot ingest
   * path. Statements run on it inside a Kysely transaction belong to that transaction.
   */
  sqlite?: SQLite.Database;
  /** How many connections the store may hold at once (1 for SQLite: one writer). */
  connections: number;
  close(): Promise<void>;
}

// bigint columns hold epoch milliseconds and counts: well inside a double's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * SQLite rolls a transaction back by itself when the disk is full at its commit; Kysely's own
 * ROLLBACK then fails ("no transaction is active") and its error would hide SQLITE_FULL. This
 * driver rolls back only a transaction that is still open, so the real cause reaches the caller.
 */
class SqliteDialectKeepingCauses extends SqliteDialect {
  constructor(private readonly file: SQLite.Database) {
    super({ database: file });
  }

  override createDriver() {
    const file = this.file;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection) {
        if (file.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: file });
  }
}

/**
 * The embedded default is SQLite in the data directory (WAL, synchronous=FULL: anything
 * acknowledged to a kiosk is on disk). DATABASE_URL selects PostgreSQL for a city or province.
 */
export async function openStore(options: { dataDir: string; databaseUrl?: string; poolSize?: number }): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    const connections = options.poolSize ?? 10;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: connections });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, engine: 'postgres', connections, close: () => db.destroy() };
  } else {
    let file: SQLite.Database | null = null;
    try {
      mkdirSync(options.dataDir, { recursive: true });
      file = new SQLite(join(options.dataDir, 'hai-long.sqlite'));
      file.pragma('journal_mode = WAL');
      file.pragma('synchronous = FULL');
      file.pragma('foreign_keys = ON');
      file.pragma('busy_timeout = 5000');
      const db = new Kysely<Database>({ dialect: new SqliteDialectKeepingCauses(file) });
      store = { db, engine: 'sqlite', sqlite: file, connections: 1, close: () => db.destroy() };
      await migrateToLatest(store.db, store.engine);
    } catch (error) {
      file?.close();
      // A full or read-only disk is said as such, with the path and what to do (not "disk I/O error").
      const explained = explainStorageProblem(options.dataDir, error);
      throw explained ? new Error(explained, { cause: error }) : error;
    }
    return store;
  }
  await migrateToLatest(store.db, store.engine);
  return store;
}
