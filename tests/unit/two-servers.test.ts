import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../shared/time';
import { sampleNewRating } from '../support/fixtures';
import { adminSession, freePort, startServerProcess } from '../support/server-process';
import { roundRobin } from '../support/round-robin';
import { engines, freshPostgresDatabase } from './support/server-harness';

// Two server processes on one PostgreSQL behind a round-robin balancer, as a province grows past one
// machine: nothing that matters lives in one server's memory. A herd of kiosks sends each batch to
// both at once (a retry crossing the balancer); every rating is stored once, each alert raised once,
// and a dashboard session opened on one is valid on the other.

const PASSWORD = 'mat-khau-hai-may-chu';

describe.runIf(engines().includes('postgres'))('two servers, one PostgreSQL', () => {
  const servers: ChildProcess[] = [];
  const origins: string[] = [];
  let databaseUrl = '';
  let balancer: Awaited<ReturnType<typeof roundRobin>>;

  beforeAll(async () => {
    databaseUrl = await freshPostgresDatabase();
    // One after the other: the first migrates and seeds, the second finds it done.
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(
        await startServerProcess({
          dataDir: mkdtempSync(join(tmpdir(), 'hai-long-two-')),
          port,
          adminPassword: PASSWORD,
          env: { DATABASE_URL: databaseUrl, HAILONG_LOG_LEVEL: 'warn' },
        }),
      );
      origins.push(`http://127.0.0.1:${port}`);
    }
    balancer = await roundRobin(origins);
  }, 60_000);

  afterAll(async () => {
    await balancer?.close();
    for (const server of servers) server.kill('SIGTERM');
  });

  it('stores every rating once, raises each alert once, and keeps sessions valid on both', async () => {
    const admin = await adminSession(balancer.origin, PASSWORD);
    // A session opened on one server is valid on the other: sessions live in the database.
    for (const origin of origins)
      expect((await fetch(`${origin}/api/v1/admin/session`, { headers: { cookie: admin.cookie } })).status).toBe(200);

    const kiosks = [];
    for (const [wardId, counterId] of [
      ['trang-tien', 'quay-1'],
      ['trang-tien', 'quay-2'],
      ['hang-bac', 'quay-1'],
      ['hang-bac', 'quay-2'],
    ] as const) {
      const { code } = await admin.post<{ code: string }>('/api/v1/admin/enrolment-codes', { wardId, counterId });
      const enrolled = await fetch(`${balancer.origin}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await enrolled.json()) as {
        kioskId: string;
        deviceToken: string;
        config: { template: { id: string; version: number } };
      };
      kiosks.push({ wardId, counterId, ...body });
    }

    // Each kiosk: 6 batches of 40, mostly dissatisfied (a ward's drop), some with a comment (one alert each).
    const start = Date.now() - 6 * 3_600_000;
    let commented = 0;
    const sends = kiosks.map(async (kiosk, k) => {
      let seq = 0;
      for (let b = 0; b < 6; b++) {
        const ratings = Array.from({ length: 40 }, () => {
          seq++;
          const at = new Date(start + (k * 1000 + seq) * 13_000);
          const comment = seq % 17 === 0 ? `Góp ý số ${seq} của ki-ốt ${k}` : '';
          const overall = seq % 5 === 0 ? 4 : 1;
          // A "Rất không hài lòng" with a comment is what raises an alert.
          if (comment && overall === 1) commented++;
          return {
            ...sampleNewRating(seq, {
              id: v7(),
              kioskId: kiosk.kioskId,
              wardId: kiosk.wardId,
              counterId: kiosk.counterId,
              templateId: kiosk.config.template.id,
              templateVersion: kiosk.config.template.version,
              startedAt: toIsoWithOffset(at, 420),
              overall,
              comment,
            }),
            seq,
            completedAt: toIsoWithOffset(new Date(at.getTime() + 5_000), 420),
            outcome: 'completed',
          };
        });
        const batch = JSON.stringify({ batchId: v7(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(new Date(), 420), ratings });
        // The same batch to both servers at once (through the balancer: one each).
        const answers = await Promise.all(
          [0, 1].map(() =>
            fetch(`${balancer.origin}/api/v1/ratings/batches`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` },
              body: batch,
            }),
          ),
        );
        for (const answer of answers) expect([200, 503]).toContain(answer.status);
      }
    });
    await Promise.all(sends);
    // Both servers look for silent kiosks and gaps at once, as their timers may.
    await Promise.all(origins.map((origin) => fetch(`${origin}/api/v1/admin/alerts`, { headers: { cookie: admin.cookie } })));
    await Promise.all(origins.map((origin) => fetch(`${origin}/api/v1/admin/alerts`, { headers: { cookie: admin.cookie } })));

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const one = async (query: string) => Number((await db.query<{ n: string }>(query)).rows[0]!.n);
      const stored = await one('select count(*) as n from ratings');
      // A batch both servers refused (503) would be missing; with 4 kiosks that never happens here.
      expect(stored).toBe(4 * 6 * 40);
      expect(await one('select count(distinct id) as n from ratings')).toBe(stored);
      expect(await one('select coalesce(sum(count), 0) as n from rating_counts')).toBe(stored);
      expect(await one(`select count(*) as n from alerts where kind = 'very-dissatisfied-comment'`)).toBe(commented);
      const drops = await db.query<{ ward_id: string; n: string }>(
        `select ward_id, count(*) as n from alerts where kind = 'satisfaction-drop' group by ward_id order by ward_id`,
      );
      expect(drops.rows.map((r) => [r.ward_id, Number(r.n)])).toEqual([
        ['hang-bac', 1],
        ['trang-tien', 1],
      ]);
      expect(await one(`select count(*) - count(distinct dedupe_key) as n from alerts where dedupe_key is not null`)).toBe(0);
    } finally {
      await db.end();
    }
  }, 120_000);
});
