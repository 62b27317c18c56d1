// `npm run restore -- <file>`: a checked backup becomes the database of an empty data folder
// (HAILONG_DATA_DIR); the next start migrates it if it is older than the server.
import { resolve } from 'node:path';
import { restoreDatabase } from '../server/backup';
import { readServerEnv } from '../server/config';

try {
  const env = readServerEnv();
  const file = process.argv[2];
  if (!file) throw new Error('Say which backup: npm run restore -- /mnt/backup/hai-long-2026-12-02.sqlite');
  if (env.DATABASE_URL) throw new Error('This server uses PostgreSQL: restore it with pg_restore (docs/deployment.md, Backups).');
  const check = restoreDatabase(resolve(file), env.HAILONG_DATA_DIR);
  console.log(`Restored into ${env.HAILONG_DATA_DIR}: ${check.ratings} ratings in ${check.batches} batches. Start the server.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
