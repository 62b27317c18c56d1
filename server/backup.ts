import SQLite from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Backups of the embedded SQLite database, taken while kiosks keep sending: SQLite's online backup
// (better-sqlite3), checked before it is called a backup, and restored only into an empty data dir.
// PostgreSQL is backed up with its own tools (docs/deployment.md).

export const DATABASE_FILE = 'hai-long.sqlite';

export interface BackupCheck {
  ratings: number;
  batches: number;
}

/**
 * Copies the database at `dataDir` to `target` as one consistent snapshot: the first step copies a
 * few pages, every later step all the rest at once, so a write between steps restarts the copy at
 * most once more instead of forever. Then checks the copy (below) and returns what it holds.
 */
export async function backupDatabase(dataDir: string, target: string): Promise<BackupCheck> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new Error(`No database at ${source}: nothing to back up.`);
  if (existsSync(target)) throw new Error(`${target} exists already: choose a new file name.`);
  const db = new SQLite(source, { fileMustExist: true });
  const partial = `${target}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => 1_000_000_000 });
  } finally {
    db.close();
  }
  // A copy of a WAL database is marked WAL too: made a single self-contained file, with no -wal or
  // -shm beside it to lose on the way to the backup disk.
  const copy = new SQLite(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  try {
    const check = checkBackup(partial);
    renameSync(partial, target);
    return check;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * A backup is whole when SQLite finds nothing wrong in it, every batch holds exactly the ratings it
 * says it stored, and the pre-aggregated counts count exactly the stored ratings.
 */
export function checkBackup(file: string): BackupCheck {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged: ${String(integrity)}`);
    const ratings = (db.prepare('select count(*) as n from ratings').get() as { n: number }).n;
    const counted = (db.prepare('select coalesce(sum(count), 0) as n from rating_counts').get() as { n: number }).n;
    if (counted !== ratings) throw new Error(`${file} is not consistent: ${ratings} ratings but counts of ${counted}.`);
    const broken = db
      .prepare(
        `select b.id from batches b left join (select batch_id, count(*) as n from ratings group by batch_id) r on r.batch_id = b.id
         where b.accepted <> coalesce(r.n, 0) limit 1`,
      )
      .get() as { id: string } | undefined;
    if (broken) throw new Error(`${file} is not consistent: batch ${broken.id} is not whole.`);
    const batches = (db.prepare('select count(*) as n from batches').get() as { n: number }).n;
    return { ratings, batches };
  } finally {
    db.close();
  }
}

/** Puts a checked backup in place as the database of an empty data dir (migrated at the next start). */
export function restoreDatabase(file: string, dataDir: string): BackupCheck {
  const target = join(dataDir, DATABASE_FILE);
  if (existsSync(target)) throw new Error(`${target} exists: restore only into an empty data folder (move the old one aside first).`);
  const check = checkBackup(file);
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(file, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  return check;
}

/**
 * The nightly backup: after 02:00 Vietnam time, once a day, `hai-long-YYYY-MM-DD.sqlite` in `dir`,
 * keeping the newest `keep`. Returns the file made, or null when today's exists already.
 */
export async function nightlyBackup(dataDir: string, dir: string, keep: number, now: Date): Promise<string | null> {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  if (local.getUTCHours() < 2) return null;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `hai-long-${local.toISOString().slice(0, 10)}.sqlite`);
  if (existsSync(file)) return null;
  await backupDatabase(dataDir, file);
  const backups = readdirSync(dir)
    .filter((f) => /^hai-long-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f))
    .sort()
    .reverse();
  for (const old of backups.slice(keep)) rmSync(join(dir, old));
  return file;
}
