import type { Rating } from '../../../shared/schema/rating';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { Mailer } from '../../../server/alerts/mailer';
import { buildServer } from '../../../server/app';
import { openStore } from '../../../server/db/connect';
import type { Database } from '../../../server/db/tables';
import { seedIfEmpty } from '../../../server/seed';
import { toIsoWithOffset } from '../../../shared/time';
import { sampleNewRating } from '../../support/fixtures';
import { exportPublicKey, newExportKeyPair } from '../../../shared/sync/export-file';

export const ADMIN_PASSWORD = 'correct-horse-battery';

/** The engines the repository and API tests run against: SQLite always, PostgreSQL where installed. */
export const engines = (): ('sqlite' | 'postgres')[] => (inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite']);

let databases = 0;
export async function freshPostgresDatabase(): Promise<string> {
  const base = inject('postgresUrl')!;
  const name = `hl_test_${process.pid}_${++databases}_${Date.now()}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return base.replace(/\/[^/]*$/, `/${name}`);
}

/** An empty database of the engine, for a migration test that stops at an older version first. */
export async function emptyDatabase(engine: 'sqlite' | 'postgres'): Promise<Kysely<Database>> {
  return new Kysely<Database>({
    dialect:
      engine === 'postgres'
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: await freshPostgresDatabase(), max: 2 }) })
        : new SqliteDialect({ database: new SQLite(':memory:') }),
  });
}

/** A seeded server on a fresh database, driven by inject() (no socket), with a clock the test moves. */
export async function testServer(
  engine: 'sqlite' | 'postgres',
  start = new Date('2026-11-22T03:00:00Z'),
  extra: {
    mailer?: Mailer;
    authRateLimit?: number;
    batchesInWork?: number;
    dataDir?: string;
    demo?: boolean;
    publicUrl?: string;
    trustProxy?: string[];
    metricsFrom?: string[];
    /** Logging on, at info, into this stream. */
    log?: NodeJS.WritableStream;
  } = {},
) {
  let now = start.getTime();
  const dataDir = extra.dataDir ?? mkdtempSync(join(tmpdir(), 'hai-long-test-'));
  const store = await openStore({ dataDir, databaseUrl: engine === 'postgres' ? await freshPostgresDatabase() : undefined });
  await seedIfEmpty(store, { adminPassword: ADMIN_PASSWORD, now: new Date(now), demo: extra.demo ?? true });
  const app = await buildServer({
    kioskDir: dataDir,
    store,
    now: () => new Date(now),
    minResponses: 3,
    mailer: extra.mailer,
    authRateLimit: extra.authRateLimit,
    batchesInWork: extra.batchesInWork,
    publicUrl: extra.publicUrl === undefined ? undefined : () => extra.publicUrl,
    trustProxy: extra.trustProxy,
    metricsFrom: extra.metricsFrom,
    logger: extra.log ? { level: 'info', stream: extra.log } : false,
  });

  async function login(username = 'admin', password = ADMIN_PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'hl_session')!;
    return { cookie: `hl_session=${cookie.value}`, csrf: res.json().csrfToken as string };
  }

  /** A district admin's enrolment code for a counter: `{ code, expiresAt, link, qrSvg }`. */
  async function enrolmentCode(wardId = 'trang-tien', counterId = 'quay-1') {
    const admin = await login();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrolment-codes',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { wardId, counterId },
    });
    if (created.statusCode !== 201) throw new Error(`enrolment code refused: ${created.body}`);
    return created.json() as { code: string; expiresAt: string; link: string; qrSvg: string };
  }

  /** A kiosk enrolled with its own export signing key (the private half stays with the test, as on a kiosk). */
  async function enrolKiosk(wardId = 'trang-tien', counterId = 'quay-1') {
    const code = await enrolmentCode(wardId, counterId);
    const pair = await newExportKeyPair();
    const keys = { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
    const enrolled = await app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: code.code, exportKey: keys.publicKey } });
    if (enrolled.statusCode !== 201) throw new Error(`enrol failed: ${enrolled.body}`);
    const body = enrolled.json();
    return { kioskId: body.kioskId as string, token: body.deviceToken as string, config: body.config, keys };
  }

  let n = 0;
  /** A finished rating as the kiosk would send it. */
  function rating(
    kiosk: { kioskId: string; config: { ward: { id: string }; counter: { id: string }; template: { id: string; version: number } } },
    overrides: Record<string, unknown> = {},
  ): Rating {
    n++;
    // Eleven seconds apart, in the order they are made, as people queue (the server's burst rule,
    // more than six in a minute, would set aside ratings made all at one instant).
    const at = new Date(now - 3 * 3_600_000 + n * 11_000);
    return {
      ...sampleNewRating(1000 + n, {
        kioskId: kiosk.kioskId,
        wardId: kiosk.config.ward.id,
        counterId: kiosk.config.counter.id,
        templateId: kiosk.config.template.id,
        templateVersion: kiosk.config.template.version,
        startedAt: toIsoWithOffset(at, 420),
      }),
      seq: n,
      completedAt: toIsoWithOffset(new Date(at.getTime() + 20_000), 420),
      outcome: 'completed' as const,
      ...overrides,
    } as Rating;
  }

  function sendBatch(kiosk: { kioskId: string; token: string }, ratings: unknown[], extra: Record<string, unknown> = {}) {
    return app.inject({
      method: 'POST',
      url: '/api/v1/ratings/batches',
      headers: { authorization: `Bearer ${kiosk.token}` },
      payload: { batchId: crypto.randomUUID(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date(now), 420), ratings, ...extra },
    });
  }

  const counts = async () => ({
    ratings: Number(
      (
        await store.db
          .selectFrom('ratings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    aggregated: Number(
      (
        await store.db
          .selectFrom('rating_counts')
          .select((eb) => eb.fn.sum('count').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    ),
  });

  return {
    app,
    store,
    login,
    enrolKiosk,
    enrolmentCode,
    rating,
    sendBatch,
    counts,
    advance: (ms: number) => {
      now += ms;
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
