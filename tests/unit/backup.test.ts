import SQLite from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { backupDatabase, checkBackup, DATABASE_FILE, nightlyBackup, restoreDatabase } from '../../server/backup';
import { openStore } from '../../server/db/connect';
import { postgresBin } from '../support/postgres';
import { engines, freshPostgresDatabase, testServer } from './support/server-harness';

// Backups of the embedded database, taken while kiosks keep sending, and restored into an empty
// data folder: every stored batch whole, the counts equal to the rows, nothing half-written.

const run = promisify(execFile);
const folder = () => mkdtempSync(join(tmpdir(), 'hai-long-backup-'));

describe('backing up the SQLite database while kiosks send', () => {
  it('takes a consistent snapshot during a herd of batches, which restores whole into an empty folder', async () => {
    const dataDir = folder();
    const server = await testServer('sqlite', undefined, { dataDir });
    try {
      const kiosks = [];
      for (const counter of ['quay-1', 'quay-2']) kiosks.push(await server.enrolKiosk('trang-tien', counter));
      kiosks.push(await server.enrolKiosk('hang-bac', 'quay-1'));
      // Three kiosks keep sending batches of 100 while the backup is taken.
      let sending = true;
      const herd = kiosks.map(async (kiosk) => {
        let sent = 0;
        while (sending || sent < 3) {
          const res = await server.sendBatch(
            kiosk,
            Array.from({ length: 100 }, () => server.rating(kiosk)),
          );
          expect(res.statusCode).toBe(200);
          sent++;
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
      const target = join(folder(), 'backup.sqlite');
      const taken = await backupDatabase(dataDir, target);
      sending = false;
      await Promise.all(herd);

      const live = await server.counts();
      expect(taken.ratings).toBeGreaterThan(0);
      expect(taken.ratings).toBeLessThanOrEqual(live.ratings);
      expect(taken.ratings % 100).toBe(0); // whole batches only
      expect(checkBackup(target)).toEqual(taken);

      const restoredDir = folder();
      expect(restoreDatabase(target, restoredDir)).toEqual(taken);
      const restored = await openStore({ dataDir: restoredDir });
      try {
        const rows = await restored.db.selectFrom('ratings').select(['id', 'batch_id', 'content_hash']).execute();
        expect(rows).toHaveLength(taken.ratings);
        // Each restored rating is the live one, in the batch that stored it: a prefix of what the server holds.
        const liveRows = new Map(
          (await server.store.db.selectFrom('ratings').select(['id', 'batch_id', 'content_hash']).execute()).map((r) => [r.id, r]),
        );
        expect(rows.every((r) => JSON.stringify(liveRows.get(r.id)) === JSON.stringify(r))).toBe(true);
        // The restored server takes new batches.
        expect(
          Number(
            (
              await restored.db
                .selectFrom('rating_counts')
                .select((eb) => eb.fn.sum('count').as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ).toBe(taken.ratings);
      } finally {
        await restored.close();
      }
    } finally {
      await server.close();
    }
  });

  it('refuses what is not a whole backup, an existing file, and a folder that has a database', async () => {
    const dataDir = folder();
    const server = await testServer('sqlite', undefined, { dataDir });
    try {
      const kiosk = await server.enrolKiosk();
      await server.sendBatch(kiosk, [server.rating(kiosk), server.rating(kiosk)]);
      const dir = folder();
      const good = join(dir, 'good.sqlite');
      await backupDatabase(dataDir, good);
      await expect(backupDatabase(dataDir, good)).rejects.toThrow(/exists already/);
      expect(() => restoreDatabase(good, dataDir)).toThrow(/restore only into an empty data folder/);

      const garbage = join(dir, 'garbage.sqlite');
      writeFileSync(garbage, 'this is not a database');
      expect(() => checkBackup(garbage)).toThrow();
      // A copy missing one rating of a stored batch is not whole.
      const torn = join(dir, 'torn.sqlite');
      copyFileSync(good, torn);
      const db = new SQLite(torn);
      db.prepare('delete from ratings where rowid = (select min(rowid) from ratings)').run();
      db.close();
      expect(() => checkBackup(torn)).toThrow(/not consistent/);
      expect(() => restoreDatabase(torn, folder())).toThrow(/not consistent/);
    } finally {
      await server.close();
    }
  });

  it('keeps one backup a night after 02:00 Vietnam time, the newest N', async () => {
    const dataDir = folder();
    const server = await testServer('sqlite', undefined, { dataDir });
    try {
      const dir = folder();
      for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) writeFileSync(join(dir, `hai-long-${day}.sqlite`), '');
      expect(await nightlyBackup(dataDir, dir, 2, new Date('2026-12-01T18:30:00Z'))).toBeNull(); // 01:30 in Vietnam
      const made = await nightlyBackup(dataDir, dir, 2, new Date('2026-12-01T19:30:00Z')); // 02:30 on 2 December
      expect(made).toBe(join(dir, 'hai-long-2026-12-02.sqlite'));
      expect(await nightlyBackup(dataDir, dir, 2, new Date('2026-12-02T01:00:00Z'))).toBeNull();
      expect(readdirSync(dir).sort()).toEqual(['hai-long-2026-11-30.sqlite', 'hai-long-2026-12-02.sqlite']);
    } finally {
      await server.close();
    }
  });

  it('npm run backup and npm run restore do the same from the command line', async () => {
    const dataDir = folder();
    const server = await testServer('sqlite', undefined, { dataDir });
    try {
      const kiosk = await server.enrolKiosk();
      await server.sendBatch(kiosk, [server.rating(kiosk)]);
      const file = join(folder(), 'nightly.sqlite');
      const env = { ...process.env, HAILONG_DATA_DIR: dataDir };
      const backup = await run(process.execPath, ['--import', 'tsx', 'tools/backup.ts', file], { env });
      expect(backup.stdout).toContain('1 ratings in 1 batches, checked.');
      const restoredDir = folder();
      const restore = await run(process.execPath, ['--import', 'tsx', 'tools/restore.ts', file], {
        env: { ...env, HAILONG_DATA_DIR: restoredDir },
      });
      expect(restore.stdout).toContain('Restored into');
      expect(existsSync(join(restoredDir, DATABASE_FILE))).toBe(true);
      const refused = await run(process.execPath, ['--import', 'tsx', 'tools/restore.ts', file], {
        env: { ...env, HAILONG_DATA_DIR: restoredDir },
      }).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain('restore only into an empty data folder');
    } finally {
      await server.close();
    }
  });
});

describe.runIf(engines().includes('postgres'))('backing up PostgreSQL with its own tools, as docs/deployment.md says', () => {
  it('pg_dump while the server runs, pg_restore into a new database: the same ratings, whole batches', async () => {
    const server = await testServer('postgres');
    try {
      const kiosk = await server.enrolKiosk();
      for (let i = 0; i < 3; i++)
        await server.sendBatch(
          kiosk,
          Array.from({ length: 50 }, () => server.rating(kiosk)),
        );
      const base = inject('postgresUrl')!;
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(server.store.db);
      const source = base.replace(/\/[^/]*$/, `/${rows[0]!.name}`);
      const file = join(folder(), 'hai-long.dump');
      const bin = postgresBin()!;
      // The commands of docs/deployment.md.
      await run(join(bin, 'pg_dump'), ['--format=custom', `--file=${file}`, source]);
      const target = await freshPostgresDatabase();
      await run(join(bin, 'pg_restore'), ['--no-owner', `--dbname=${target}`, file]);
      const restored = await openStore({ dataDir: folder(), databaseUrl: target });
      try {
        const count = async (store: typeof restored, table: 'ratings' | 'batches') =>
          Number(
            (
              await store.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count(restored, 'ratings')).toBe(150);
        expect(await count(restored, 'batches')).toBe(3);
        expect(
          Number(
            (
              await restored.db
                .selectFrom('rating_counts')
                .select((eb) => eb.fn.sum('count').as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ).toBe(150);
      } finally {
        await restored.close();
      }
    } finally {
      await server.close();
    }
  });
});
