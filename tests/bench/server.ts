// Server side of `npm run bench`: ingest throughput against the raw insert rate of the same engine,
// and report latency over a year of a district's ratings. Printed, never asserted.
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../server/db/connect';
import { ingestBatch } from '../../server/ingest';
import { buildReport } from '../../server/reports/query';
import { seedIfEmpty } from '../../server/seed';
import { vietnamDay } from '../../server/time';
import { toIsoWithOffset } from '../../shared/time';
import { sampleRating } from '../support/fixtures';
import { startPostgres } from '../support/postgres';
import { percentile } from './stats';

type Report = (name: string, value: string, target?: string) => void;

const KIOSK = { id: '7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5f', ward_id: 'trang-tien', counter_id: 'quay-1' };

const rating = (n: number, now: Date) =>
  sampleRating(n, now, { kioskId: KIOSK.id, overall: (n % 5) + 1, criteria: { 'cong-chuc': (n % 5) + 1 } });

/** Batches of 500 where one rating in ten was already sent (a retry). */
async function ingestRate(store: Store, total: number) {
  const now = new Date();
  let next = 1;
  const started = performance.now();
  for (let sent = 0; sent < total; sent += 500) {
    const ratings = Array.from({ length: 500 }, (_, i) => (i % 10 === 0 && next > 500 ? rating(next - 400, now) : rating(next++, now)));
    await ingestBatch(store, KIOSK, { batchId: crypto.randomUUID(), kioskId: KIOSK.id, sentAt: toIsoWithOffset(now, 420), ratings }, now);
  }
  return total / ((performance.now() - started) / 1000);
}

/** The same rows inserted by hand in transactions of 500: what the engine itself can do. */
async function rawSqliteRate(total: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hl-raw-'));
  const db = new SQLite(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table r (id text primary key, kiosk_id text, seq integer, body text)');
  const insert = db.prepare('insert into r values (?, ?, ?, ?)');
  const now = new Date();
  const started = performance.now();
  for (let b = 0; b < total / 500; b++) {
    db.transaction(() => {
      for (let i = 0; i < 500; i++) {
        const r = rating(b * 500 + i + 1, now);
        insert.run(r.id, r.kioskId, r.seq, JSON.stringify(r));
      }
    })();
  }
  const rate = total / ((performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

async function rawPostgresRate(store: Store, total: number) {
  const { sql } = await import('kysely');
  await sql`create table raw_r (id text primary key, kiosk_id text, seq integer, body text)`.execute(store.db);
  const now = new Date();
  const started = performance.now();
  for (let b = 0; b < total / 500; b++) {
    const rows = Array.from({ length: 500 }, (_, i) => rating(b * 500 + i + 1, now));
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 100) {
        const chunk = rows.slice(i, i + 100);
        await sql`insert into raw_r values ${sql.join(chunk.map((r) => sql`(${r.id}, ${r.kioskId}, ${r.seq}, ${JSON.stringify(r)})`))}`.execute(trx);
      }
    });
  }
  return total / ((performance.now() - started) / 1000);
}

/**
 * A district-year summary reads the daily counts, so its cost follows how many counts there are:
 * seeded here as a year of ratings spread over 20 wards, 3 counters, 5 officials and 5 levels.
 */
async function reportLatency(store: Store, ratings: number) {
  const year = 2025;
  const rows = [];
  const keys = 365 * 20 * 3 * 5;
  const perKey = ratings / keys / 5;
  for (let d = 0; d < 365; d++) {
    const day = vietnamDay(Date.UTC(year, 0, 1) + d * 86_400_000);
    for (let w = 0; w < 20; w++)
      for (let c = 0; c < 3; c++)
        for (let o = 0; o < 5; o++)
          for (let level = 1; level <= 5; level++)
            rows.push({
              day,
              ward_id: `w-${w}`,
              counter_id: `q-${c}`,
              official_id: `o-${o}`,
              template_id: 'sipas-5',
              scale_size: 5,
              burst: 0,
              overall: level,
              count: Math.max(1, Math.round(perKey * (level === 5 ? 1.6 : level === 1 ? 0.4 : 1))),
            });
  }
  await store.db.deleteFrom('rating_counts').execute();
  for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('rating_counts').values(rows.slice(i, i + 1000)).execute();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await buildReport(store, { period: 'year', at: String(year), groupBy: i % 2 ? 'ward' : 'month', includeBursts: false, format: 'json' }, { minResponses: 30 });
    times.push(performance.now() - t0);
  }
  return { p95: percentile(times, 95), countRows: rows.length };
}

export async function serverBench(report: Report) {
  const total = Number(process.env.BENCH_INGEST_RATINGS ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'hl-bench-'));
  const sqlite = await openStore({ dataDir: dir });
  await seedIfEmpty(sqlite, { adminPassword: 'bench-password', now: new Date() });
  await sqlite.db
    .insertInto('kiosks')
    .values({ ...KIOSK, token_hash: 'bench', enrolled_at: 0, revoked_at: null, last_seen_at: null, heartbeat: null, app_version: null, clock_offset_ms: null })
    .execute();
  const ingest = await ingestRate(sqlite, total);
  const raw = await rawSqliteRate(total);
  report('SQLite ingest, batches of 500, 10% duplicates', `${Math.round(ingest)} ratings/s`, '≥ 20,000/s');
  report('SQLite raw insert, same rows', `${Math.round(raw)} rows/s`);
  report('SQLite ingest / raw', `${((ingest / raw) * 100).toFixed(0)}%`, '≥ 50%');
  for (const millions of [1, 10]) {
    const { p95, countRows } = await reportLatency(sqlite, millions * 1_000_000);
    report(`SQLite district-year report over ${millions}M ratings (${countRows} daily counts), p95`, `${p95.toFixed(1)} ms`, '≤ 200 ms');
  }
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  const postgres = await startPostgres({ durable: true });
  if (!postgres) {
    report('PostgreSQL', 'not installed here: skipped (apt-get install postgresql)');
    return;
  }
  try {
    const pg = await openStore({ dataDir: dir, databaseUrl: postgres.url });
    await seedIfEmpty(pg, { adminPassword: 'bench-password', now: new Date() });
    await pg.db
      .insertInto('kiosks')
      .values({ ...KIOSK, token_hash: 'bench', enrolled_at: 0, revoked_at: null, last_seen_at: null, heartbeat: null, app_version: null, clock_offset_ms: null })
      .execute();
    const pgIngest = await ingestRate(pg, total);
    const pgRaw = await rawPostgresRate(pg, total);
    report('PostgreSQL ingest, batches of 500, 10% duplicates', `${Math.round(pgIngest)} ratings/s`);
    report('PostgreSQL raw insert, same rows', `${Math.round(pgRaw)} rows/s`);
    report('PostgreSQL ingest / raw', `${((pgIngest / pgRaw) * 100).toFixed(0)}%`, '≥ 50%');
    for (const millions of [1, 10]) {
      const { p95 } = await reportLatency(pg, millions * 1_000_000);
      report(`PostgreSQL district-year report over ${millions}M ratings, p95`, `${p95.toFixed(1)} ms`, '≤ 200 ms');
    }
    await pg.close();
  } finally {
    postgres.stop();
  }
}
