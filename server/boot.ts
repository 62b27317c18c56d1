import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { readServerEnv } from './config';
import { openStore } from './db/connect';
import { seedIfEmpty } from './seed';

/** Opens the database (migrating it), seeds a first start, and listens. */
export async function bootServer(env = readServerEnv()) {
  const store = await openStore({ dataDir: env.HAILONG_DATA_DIR, databaseUrl: env.DATABASE_URL });
  const seeded = await seedIfEmpty(store, { adminPassword: env.HAILONG_ADMIN_PASSWORD, now: new Date() });
  const kioskDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
  const dashboardDir = fileURLToPath(new URL('../dist/dashboard/', import.meta.url));
  const updatesDir = resolve(env.HAILONG_UPDATES_DIR ?? join(env.HAILONG_DATA_DIR, 'updates'));
  await mkdir(updatesDir, { recursive: true });
  const app = await buildServer({
    kioskDir,
    dashboardDir,
    updatesDir,
    store,
    minResponses: env.HAILONG_MIN_RESPONSES,
    authRateLimit: env.HAILONG_AUTH_RATE_LIMIT,
  });
  app.addHook('onClose', () => store.close());
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  return { app, store, origin: address.replace('[::1]', 'localhost'), generatedAdminPassword: seeded.generatedAdminPassword };
}
