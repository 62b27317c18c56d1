import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../server/db/connect';
import { explainStorageProblem, isStorageFull } from '../../server/db/storage';
import type { Rating } from '../../shared/schema/rating';
import { testServer } from './support/server-harness';

/**
 * A real full disk where this machine lets the tests mount one (a 4 MB tmpfs, as root); otherwise
 * the disk is simulated at the storage layer by SQLite's own limit on the database's pages, which
 * fails writes with the same SQLITE_FULL a full disk gives.
 */
const root = mkdtempSync(join(tmpdir(), 'hai-long-full-'));
let mounted = false;
try {
  // HAILONG_TEST_SIMULATED_DISK=1 runs the simulation even where mounting works.
  if (!process.env.HAILONG_TEST_SIMULATED_DISK) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', root], { stdio: 'ignore' });
    mounted = true;
  }
} catch {
  mounted = false;
}
afterAll(() => {
  if (mounted) execFileSync('umount', [root]);
  rmSync(root, { recursive: true, force: true });
});

const free = () => statfsSync(root).bavail * statfsSync(root).bsize;
/** Fills the tmpfs, leaving `leave` bytes free; returns a way to give the space back. */
function fill(leave: number) {
  const filler = join(root, `filler-${Date.now()}`);
  writeFileSync(filler, Buffer.alloc(Math.max(0, free() - leave)));
  return () => rmSync(filler, { force: true });
}

describe(mounted ? 'a full disk (a real 4 MB tmpfs)' : 'a full disk (simulated: SQLite’s page limit)', () => {
  it('answers 507 storage_full, never acknowledges what it did not store, alerts, and stores every retry once space is back', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    const server = await testServer('sqlite', new Date(), { dataDir });
    onTestFinished(() => server.close());
    let giveBack: () => void;
    if (mounted) giveBack = fill(200 * 1024);
    else {
      const pages = server.store.sqlite!.pragma('page_count', { simple: true }) as number;
      server.store.sqlite!.pragma(`max_page_count = ${pages + 40}`);
      giveBack = () => server.store.sqlite!.pragma('max_page_count = 1073741823');
    }
    const kiosk = await server.enrolKiosk();
    const acknowledged = new Set<string>();
    const refused: Rating[][] = [];
    for (let i = 0; i < 60 && refused.length < 3; i++) {
      const ratings = Array.from({ length: 100 }, () => server.rating(kiosk, { comment: 'Thủ tục nhanh, cán bộ tận tình. '.repeat(8) }));
      const answer = await server.sendBatch(kiosk, ratings);
      if (answer.statusCode === 200) {
        for (const id of [...answer.json().accepted, ...answer.json().duplicate]) acknowledged.add(id);
      } else {
        expect(answer.statusCode).toBe(507);
        expect(answer.json().error).toMatchObject({ code: 'storage_full', message: expect.stringContaining('Máy chủ hết dung lượng') });
        refused.push(ratings);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    // Everything acknowledged is stored; nothing refused is.
    const stored = new Set((await server.store.db.selectFrom('ratings').select('id').execute()).map((r) => r.id));
    expect([...acknowledged].every((id) => stored.has(id))).toBe(true);
    expect(refused.flat().some((r) => stored.has(r.id))).toBe(false);

    // Space comes back: the alert is put on file (it needed the disk too), and every retry is stored once.
    giveBack();
    const { cookie } = await server.login();
    const alerts = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/alerts', headers: { cookie } })).json();
    expect(alerts.filter((a: { kind: string }) => a.kind === 'storage-full')).toEqual([
      expect.objectContaining({ wardId: '', wardName: 'Toàn quận', details: { since: expect.any(String) } }),
    ]);
    for (const ratings of refused) expect((await server.sendBatch(kiosk, ratings)).json().accepted).toHaveLength(ratings.length);
    expect(await server.counts()).toEqual({
      ratings: acknowledged.size + refused.flat().length,
      aggregated: acknowledged.size + refused.flat().length,
    });
    await server.close();
  });

  it.runIf(mounted)('a server started on a full disk says so: the path, the free space, what to do (English and Vietnamese)', async () => {
    const dataDir = join(root, 'data');
    const giveBack = fill(0);
    try {
      const failure = await openStore({ dataDir }).then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toContain(`Cannot open the database in ${dataDir}: the disk is full`);
      expect(failure?.message).toContain('HAILONG_DATA_DIR');
      expect(failure?.message).toContain('ổ đĩa đã đầy');
    } finally {
      giveBack();
    }
  });
});

describe('what counts as a full disk, and how it is explained', () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, true],
    [{ code: 'SQLITE_IOERR_SHMSIZE' }, true],
    [{ code: '53100' }, true], // PostgreSQL disk_full
    [{ code: 'ENOSPC' }, true],
    [new Error('Database migration 0010 failed', { cause: { code: 'SQLITE_FULL' } }), true],
    [{ code: 'SQLITE_CONSTRAINT' }, false],
    [{ code: '40P01' }, false],
    [null, false],
  ])('%j → %s', (error, full) => {
    expect(isStorageFull(error)).toBe(full);
  });

  it('a read-only data folder is named as such', () => {
    const message = explainStorageProblem('/srv/hai-long/data', { code: 'EROFS' });
    expect(message).toContain('Cannot write the database in /srv/hai-long/data: the folder is read-only');
    expect(message).toContain('thư mục chỉ đọc');
  });
});
