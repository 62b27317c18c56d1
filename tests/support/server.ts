import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../server/app';
import { openStore } from '../../server/db/connect';
import { seedIfEmpty } from '../../server/seed';

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const TEST_WARDS = [
  ['phuong-thu-electron', 'UBND Phường Thử Electron'],
  ['phuong-thu-ho-so', 'UBND Phường Thử Hồ Sơ'],
  ['phuong-thu-cong-chuc', 'UBND Phường Thử Công Chức'],
  ['phuong-thu-quan-tri', 'UBND Phường Thử Quản Trị'],
  ['phuong-thu-xuat-tep', 'UBND Phường Thử Xuất Tệp'],
  ['phuong-thu-so-dem', 'UBND Phường Thử Sổ Đếm'],
] as const;
/** Each test ward's officials: `<ward>-cb-1` and `<ward>-cb-2`. */
export const TEST_OFFICIALS = ['Nguyễn Văn An', 'Lê Thị Bình'] as const;

/** Starts the real server with a fresh seeded SQLite database on a free loopback port. */
export async function startTestServer(options: { databaseUrl?: string } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hai-long-server-'));
  const store = await openStore({ dataDir, databaseUrl: options.databaseUrl });
  await seedIfEmpty(store, { adminPassword: TEST_ADMIN_PASSWORD, now: new Date() });
  // Wards of the tests' own, on the Circular 01/2018 survey, whose template no test reassigns and
  // whose report counts no other test touches: one per spec that counts (E2E runs specs in parallel).
  for (const [id, name] of TEST_WARDS) {
    await store.db
      .insertInto('wards')
      .values({ id, name_vi: name, name_en: name, template_id: 'tt01-2018', created_at: Date.now() })
      .execute();
    for (const n of [1, 2]) {
      await store.db
        .insertInto('counters')
        .values({ ward_id: id, id: `quay-${n}`, label_vi: `Quầy số ${n}`, label_en: `Counter ${n}` })
        .execute();
      await store.db
        .insertInto('officials')
        .values({ id: `${id}-cb-${n}`, ward_id: id, name: TEST_OFFICIALS[n - 1]!, title: 'Công chức Bộ phận Một cửa', active: 1 })
        .execute();
    }
  }
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
