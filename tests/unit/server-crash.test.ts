import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/db/connect';
import { toIsoWithOffset } from '../../shared/time';
import { sampleRating } from '../support/fixtures';
import { adminSession, freePort, startServerProcess } from '../support/server-process';
import { engines } from './support/server-harness';

const ADMIN_PASSWORD = 'crash-test-password';

describe.runIf(engines().includes('sqlite'))('district server killed during ingest', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hai-long-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps each batch whole or not at all, and a resend stores every rating exactly once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let server = await startServerProcess({ dataDir, port, adminPassword: ADMIN_PASSWORD });
    const admin = await adminSession(url, ADMIN_PASSWORD);
    const code = await admin.post<{ code: string }>('/api/v1/admin/enrolment-codes', { wardId: 'trang-tien', counterId: 'quay-1' });
    const kiosk = (await (
      await fetch(`${url}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: code.code }),
      })
    ).json()) as { kioskId: string; deviceToken: string; config: { template: { id: string; version: number } } };

    const now = new Date();
    const batches = Array.from({ length: 40 }, (_, b) => ({
      batchId: crypto.randomUUID(),
      kioskId: kiosk.kioskId,
      sentAt: toIsoWithOffset(now, 420),
      ratings: Array.from({ length: 250 }, (_, i) => {
        const n = b * 250 + i + 1;
        return sampleRating(30_000 + n, now, {
          kioskId: kiosk.kioskId,
          seq: n,
          templateId: kiosk.config.template.id,
          templateVersion: kiosk.config.template.version,
          overall: (n % 5) + 1,
        });
      }),
    }));
    const send = (batch: (typeof batches)[number]) =>
      fetch(`${url}/api/v1/ratings/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` },
        body: JSON.stringify(batch),
      });

    // Three rounds: fire all batches, and kill the server as soon as it has committed some of them
    // (watched through a second connection to its database), then start it again.
    const watcher = new SQLite(join(dataDir, 'hai-long.sqlite'));
    const stored = () => (watcher.prepare('select count(*) as n from ratings').get() as { n: number }).n;
    const storedAfterKill: number[] = [];
    for (let round = 0; round < 3; round++) {
      const before = stored();
      const inFlight = batches.map((batch) => send(batch).catch(() => null));
      const deadline = Date.now() + 10_000;
      while (stored() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      server.kill('SIGKILL');
      await Promise.all(inFlight);
      storedAfterKill.push(stored());
      server = await startServerProcess({ dataDir, port, adminPassword: ADMIN_PASSWORD });
    }
    watcher.close();
    // The first kill landed mid-stream: some ratings were stored, not all.
    expect(storedAfterKill[0]).toBeGreaterThan(0);
    expect(storedAfterKill[0]).toBeLessThan(10_000);
    // The kiosk resends everything it was not sure of: every rating ends up stored exactly once.
    let accepted = 0;
    let duplicate = 0;
    for (const batch of batches) {
      const result = (await (await send(batch)).json()) as { accepted: string[]; duplicate: string[]; rejected: unknown[] };
      expect(result.rejected).toEqual([]);
      expect(result.accepted.length + result.duplicate.length).toBe(250);
      accepted += result.accepted.length;
      duplicate += result.duplicate.length;
    }
    expect(duplicate).toBe(storedAfterKill.at(-1));
    expect(accepted + duplicate).toBe(10_000);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;

    const store = await openStore({ dataDir });
    const ratings = await store.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const distinct = await store.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.count('id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    const aggregated = await store.db
      .selectFrom('rating_counts')
      .select((eb) => eb.fn.sum('count').as('n'))
      .executeTakeFirstOrThrow();
    const perBatch = await store.db
      .selectFrom('ratings')
      .select(['batch_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('batch_id')
      .execute();
    await store.close();
    expect(Number(ratings.n)).toBe(10_000);
    expect(Number(distinct.n)).toBe(10_000);
    expect(Number(aggregated.n)).toBe(10_000);
    // Every stored batch is whole: a crash never left part of one.
    for (const row of perBatch) expect(Number(row.n)).toBe(250);
  }, 120_000);
});
