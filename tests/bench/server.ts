// Server side of `npm run bench`: ingest throughput against the raw insert rate of the same engine,
// and report latency over a year of a district's ratings. Printed, never asserted.
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../server/db/connect';
import { ingestBatch, insertRatingRows, ratingRow } from '../../server/ingest';
import { builtinTemplate } from '../../shared/templates/builtin';
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
async function ingestRate(store: Store, total: number, firstId = 1) {
  const now = new Date();
  let next = firstId;
  const started = performance.now();
  for (let sent = 0; sent < total; sent += 500) {
    const ratings = Array.from({ length: 500 }, (_, i) =>
      i % 10 === 0 && next > firstId + 500 ? rating(next - 400, now) : rating(next++, now),
    );
    await ingestBatch(store, KIOSK, { batchId: crypto.randomUUID(), kioskId: KIOSK.id, sentAt: toIsoWithOffset(now, 420), ratings }, now);
  }
  return total / ((performance.now() - started) / 1000);
}

/**
 * The engine's own pace: the same stored rows inserted into the same `ratings` table (same columns
 * and indexes) the fastest way the code knows for the engine, 500 to a transaction, with nothing
 * checked, deduplicated or counted.
 */
async function rawRate(store: Store, total: number, firstId = 1_000_000) {
  const template = builtinTemplate('sipas-5')!;
  const now = new Date();
  const started = performance.now();
  for (let b = 0; b < total / 500; b++) {
    const rows = Array.from({ length: 500 }, (_, i) => {
      const r = rating(firstId + b * 500 + i, now);
      return ratingRow(r, template, 'raw', 'raw', now.getTime(), 0);
    });
    await store.db.transaction().execute((trx) => insertRatingRows(store, trx, rows));
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
  await store.db.deleteFrom('monthly_rating_counts').execute();
  for (let i = 0; i < rows.length; i += 1000)
    await store.db
      .insertInto('rating_counts')
      .values(rows.slice(i, i + 1000))
      .execute();
  // The monthly table as ingest keeps it: the same counts summed per month.
  await sql`insert into monthly_rating_counts
    select substr(day, 1, 7), ward_id, counter_id, official_id, template_id, scale_size, burst, overall, sum(count)
    from rating_counts group by substr(day, 1, 7), ward_id, counter_id, official_id, template_id, scale_size, burst, overall`.execute(
    store.db,
  );
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await buildReport(
      store,
      { period: 'year', at: String(year), groupBy: i % 2 ? 'ward' : 'month', includeBursts: false, format: 'json' },
      { minResponses: 30 },
    );
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
    .values({
      ...KIOSK,
      token_hash: 'bench',
      enrolled_at: 0,
      revoked_at: null,
      last_seen_at: null,
      heartbeat: null,
      app_version: null,
      clock_offset_ms: null,
    })
    .execute();
  // Warm both paths up first (JIT, page cache), then measure them one after the other.
  await ingestRate(sqlite, 5000, 5_000_000);
  await rawRate(sqlite, 5000, 6_000_000);
  const ingest = await ingestRate(sqlite, total);
  const raw = await rawRate(sqlite, total);
  report('SQLite ingest, batches of 500, 10% duplicates', `${Math.round(ingest)} ratings/s`, '≥ 20,000/s');
  report('SQLite raw insert, same rows', `${Math.round(raw)} rows/s`);
  report('SQLite ingest / raw', `${((ingest / raw) * 100).toFixed(0)}%`, '≥ 50%');
  for (const millions of [1, 10]) {
    const { p95, countRows } = await reportLatency(sqlite, millions * 1_000_000);
    report(
      `SQLite district-year report over ${millions}M ratings (${countRows} daily counts, by month and by ward), p95`,
      `${p95.toFixed(1)} ms`,
      '≤ 200 ms',
    );
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
      .values({
        ...KIOSK,
        token_hash: 'bench',
        enrolled_at: 0,
        revoked_at: null,
        last_seen_at: null,
        heartbeat: null,
        app_version: null,
        clock_offset_ms: null,
      })
      .execute();
    await ingestRate(pg, 5000, 5_000_000);
    await rawRate(pg, 5000, 6_000_000);
    const pgIngest = await ingestRate(pg, total);
    const pgRaw = await rawRate(pg, total);
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
