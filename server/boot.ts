import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { nightlyBackup } from './backup';
import { smtpMailer } from './alerts/mailer';
import { AlertService } from './alerts/service';
import { readServerEnv } from './config';
import { openStore } from './db/connect';
import { purgeExpired } from './repo/housekeeping';
import { seedIfEmpty } from './seed';

/** Opens the database (migrating it), seeds a first start, and listens. */
export async function bootServer(env = readServerEnv()) {
  const store = await openStore({ dataDir: env.HAILONG_DATA_DIR, databaseUrl: env.DATABASE_URL, poolSize: env.HAILONG_DB_POOL });
  const seeded = await seedIfEmpty(store, { adminPassword: env.HAILONG_ADMIN_PASSWORD, now: new Date(), demo: env.HAILONG_DEMO });
  const kioskDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
  const dashboardDir = fileURLToPath(new URL('../dist/dashboard/', import.meta.url));
  const updatesDir = resolve(env.HAILONG_UPDATES_DIR ?? join(env.HAILONG_DATA_DIR, 'updates'));
  await mkdir(updatesDir, { recursive: true });
  // Links name HAILONG_PUBLIC_URL; a loopback server without one names the address it listens on.
  const listening: { origin?: string } = {};
  const publicUrl = () => env.HAILONG_PUBLIC_URL ?? listening.origin;
  const alerts = new AlertService(store, {
    publicUrl,
    now: () => new Date(),
    mailer: smtpMailer({ url: env.HAILONG_SMTP_URL, from: env.HAILONG_ALERT_FROM, to: env.HAILONG_ALERT_TO }),
    report: (error) => console.error('alerts:', error instanceof Error ? error.message : error),
  });
  const app = await buildServer({
    logger: env.HAILONG_LOG_LEVEL === 'silent' ? false : { level: env.HAILONG_LOG_LEVEL },
    publicUrl,
    trustProxy: env.HAILONG_TRUST_PROXY,
    metricsFrom: env.HAILONG_METRICS_FROM,
    alerts,
    kioskDir,
    dashboardDir,
    updatesDir,
    store,
    minResponses: env.HAILONG_MIN_RESPONSES,
    feedbackDueDays: env.HAILONG_FEEDBACK_DUE_DAYS,
    authRateLimit: env.HAILONG_AUTH_RATE_LIMIT,
    legacyExportsUntil: env.HAILONG_LEGACY_EXPORTS_UNTIL,
    batchesInWork: env.HAILONG_BATCHES_IN_WORK,
  });
  // Kiosks gone silent and gaps in their counts are looked for every five minutes (and whenever the alerts are listed).
  const silentCheck = setInterval(() => {
    void alerts.checkSilentKiosks().catch((error: unknown) => console.error('alerts:', error));
    void alerts.checkSequenceGaps().catch((error: unknown) => console.error('alerts:', error));
    void alerts.fileStorageFull();
  }, 5 * 60_000);
  // Ended sessions and old enrolment codes are purged every hour.
  const housekeeping = setInterval(() => {
    void purgeExpired(store, new Date()).then(
      (purged) => app.log.info(purged, 'housekeeping'),
      (error: unknown) => app.log.error(error, 'housekeeping'),
    );
  }, 3_600_000);
  // The nightly backup (SQLite; PostgreSQL has its own tools), looked for every ten minutes.
  const backupDir = env.HAILONG_BACKUP_DIR;
  const nightly =
    backupDir && !env.DATABASE_URL
      ? setInterval(() => {
          void nightlyBackup(env.HAILONG_DATA_DIR, resolve(backupDir), env.HAILONG_BACKUP_KEEP, new Date()).then(
            (file) => file && app.log.info({ file }, 'nightly backup'),
            (error: unknown) => app.log.error(error, 'nightly backup failed'),
          );
        }, 10 * 60_000)
      : undefined;
  app.addHook('onClose', async () => {
    clearInterval(silentCheck);
    clearInterval(housekeeping);
    clearInterval(nightly);
    await store.close();
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  listening.origin = address.replace('[::1]', 'localhost');
  return { app, store, origin: env.HAILONG_PUBLIC_URL ?? listening.origin, generatedAdminPassword: seeded.generatedAdminPassword };
}
