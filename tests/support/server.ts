import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../server/app';
import { openStore } from '../../server/db/connect';
import { seedIfEmpty } from '../../server/seed';

export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/** Starts the real server with a fresh seeded SQLite database on a free loopback port. */
export async function startTestServer(options: { databaseUrl?: string } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hai-long-server-'));
  const store = await openStore({ dataDir, databaseUrl: options.databaseUrl });
  await seedIfEmpty(store, { adminPassword: TEST_ADMIN_PASSWORD, now: new Date() });
  const kioskDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
  const dashboardDir = fileURLToPath(new URL('../../dist/dashboard/', import.meta.url));
  // Many browser tests sign in from one address within a minute: the limit itself is unit-tested.
  const app = await buildServer({ kioskDir, dashboardDir, store, minResponses: 5, authRateLimit: 1000 });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    store,
    close: async () => {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
