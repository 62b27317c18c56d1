// `npm run backup -- <file>`: a consistent copy of the district's SQLite database, taken while the
// server keeps running, checked before it is called a backup.
import { resolve } from 'node:path';
import { backupDatabase } from '../server/backup';
import { readServerEnv } from '../server/config';

try {
  const env = readServerEnv();
  const target = process.argv[2];
  if (!target) throw new Error('Say where: npm run backup -- /mnt/backup/hai-long-2026-12-02.sqlite');
  if (env.DATABASE_URL) throw new Error('This server uses PostgreSQL: back it up with pg_dump (docs/deployment.md, Backups).');
  const check = await backupDatabase(env.HAILONG_DATA_DIR, resolve(target));
  console.log(`Backup written to ${resolve(target)}: ${check.ratings} ratings in ${check.batches} batches, checked.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
