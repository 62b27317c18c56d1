// How much disk a district's ratings take (`BENCH_ONLY=disk`, also part of the server bench): a
// realistic mix ingested into SQLite (every sipas-5 criterion answered, a third with reasons, one in
// ten with a comment), measured with its indexes and counts, and the year it means for a district.
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { openStore } from '../../server/db/connect';
import { ingestBatch } from '../../server/ingest';
import { seedIfEmpty } from '../../server/seed';
import { toIsoWithOffset } from '../../shared/time';
import { sampleRating } from '../support/fixtures';

type Report = (name: string, value: string, target?: string) => void;

const RATINGS = Number(process.env.BENCH_DISK_RATINGS ?? 40_000);
const CRITERIA = ['tiep-can-dich-vu', 'thu-tuc-hanh-chinh', 'cong-chuc', 'ket-qua-giai-quyet', 'tiep-nhan-gop-y'];
const COMMENT = 'Cán bộ hướng dẫn nhiệt tình nhưng phải chờ khá lâu mới đến lượt, đề nghị bố trí thêm quầy vào buổi sáng.';

export async function diskBench(report: Report) {
  const dir = mkdtempSync(join(tmpdir(), 'hl-disk-'));
  const store = await openStore({ dataDir: dir });
  try {
    await seedIfEmpty(store, { adminPassword: 'bench-password-disk', now: new Date(), demo: true });
    // 20 kiosks over ten weeks, so the daily counts are as many as a district's.
    const kiosks = Array.from({ length: 20 }, (_, i) => ({
      id: crypto.randomUUID(),
      ward_id: 'trang-tien',
      counter_id: i % 2 ? 'quay-1' : 'quay-2',
    }));
    const start = Date.now() - 70 * 86_400_000;
    for (let sent = 0; sent < RATINGS; sent += 500) {
      const kiosk = kiosks[(sent / 500) % kiosks.length]!;
      const ratings = Array.from({ length: 500 }, (_, i) => {
        const n = sent + i + 1;
        const at = new Date(start + n * 150_000);
        return sampleRating(n, at, {
          id: v7(),
          kioskId: kiosk.id,
          counterId: kiosk.counter_id,
          seq: Math.floor(sent / 500 / kiosks.length) * 500 + i + 1,
          overall: (n % 5) + 1,
          criteria: Object.fromEntries(CRITERIA.map((c, k) => [c, ((n + k) % 5) + 1])),
          reasons: n % 3 === 0 ? ['cho-doi-lau'] : [],
          comment: n % 10 === 0 ? COMMENT : '',
        });
      });
      await ingestBatch(
        store,
        kiosk,
        { batchId: crypto.randomUUID(), kioskId: kiosk.id, sentAt: toIsoWithOffset(new Date(), 420), ratings },
        new Date(),
      );
    }
    store.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(join(dir, 'hai-long.sqlite')).size;
    const perRating = bytes / RATINGS;
    report(`SQLite disk per stored rating (${RATINGS} ratings, with indexes and counts)`, `${perRating.toFixed(0)} bytes`);
    // A counter's kiosk takes 20 to 100 ratings on a working day; 250 working days a year.
    for (const [kiosks_, perDay] of [
      [50, 60],
      [200, 60],
      [200, 150],
    ] as const) {
      const year = kiosks_ * perDay * 250;
      report(
        `a year at ${kiosks_} kiosks × ${perDay} ratings a working day (${year.toLocaleString('en')} ratings)`,
        `${((year * perRating) / 1e9).toFixed(2)} GB`,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
