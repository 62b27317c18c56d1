import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronKiosk } from '../support/electron-stand-in';
import { finishEnrolment } from '../support/technician-pin';
import { District } from './district';
import { drained, rateOnScreen, readKioskQueue } from './kiosk';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { expectExactlyOnce } from './tally';

let district: District;
test.beforeEach(async () => {
  district = await District.start();
});
test.afterEach(async () => district.close());

/**
 * The Electron kiosk's second copy: citizens keep rating while sync acknowledges ratings and the
 * journal is compacted whenever sync goes idle, so appends and compactions overlap again and again.
 * Then the network goes, more citizens rate, and IndexedDB is wiped under the app: whatever the
 * server does not have must come back from the journal, and reach the server once.
 */
test('10. the Electron journal: appends during compactions, then IndexedDB wiped — nothing lost, nothing twice', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const place = { wardId: 'trang-tien', counterId: 'quay-1' };
  const userData = await mkdtemp(join(tmpdir(), 'hai-long-journal-'));
  const shell = await electronKiosk(page, userData);
  await page.clock.install();
  await page.goto(`${district.url}/kiosk/`);
  const link = new URL(await district.enrolmentLink(place.wardId, place.counterId));
  await page.getByLabel('Địa chỉ máy chủ của quận').fill(district.url);
  await page.getByLabel(/^Mã đăng ký/).fill(link.searchParams.get('enrol')!);
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await finishEnrolment(page);
  // In Electron the configuration lives with the main process, in userData.
  const config = KioskConfig.parse(JSON.parse(await readFile(join(userData, 'kiosk-config.json'), 'utf8')));

  // Rating after rating, each sent within a few seconds: each idle sync compacts the journal while
  // the next citizen's rating is being appended.
  for (let round = 0; round < 6; round++) {
    await rateOnScreen(page, 5, round);
    await page.clock.runFor(3_000); // sync's debounce: send, go idle, compact
  }
  await drained(page, 60_000);

  // The network goes; more citizens rate while the main process keeps compacting the journal (as
  // it does after every drain); then IndexedDB is lost (a reset profile, a wiped store).
  shell.network.up = false;
  const acknowledged = new Set(shell.appended);
  let compacting = true;
  let compactions = 0;
  const compactor = (async () => {
    while (compacting) {
      await shell.journal.compact(acknowledged);
      compactions++;
    }
  })();
  await rateOnScreen(page, 7);
  compacting = false;
  await compactor;
  const beforeWipe = await readKioskQueue(page);
  expect(beforeWipe.pending).toBe(7);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('hai-long-kiosk');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => location.reload();
      }),
  );
  await page.reload();
  // The technician PIN was in IndexedDB too: the kiosk asks for a new one before anything else.
  await finishEnrolment(page);
  // Back from the journal, pending again, with their own sequence numbers.
  await expect.poll(async () => (await readKioskQueue(page)).pending).toBe(7);

  shell.network.up = true;
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await drained(page, 60_000);
  const stored = district.stored([config.kioskId], place);
  // Every rating the journal confirmed (37 thank-yous) is on the server once.
  expect(new Set(shell.appended).size).toBe(37);
  expect([...new Set(shell.appended)].filter((id) => !stored.ids.has(id))).toEqual([]);
  const kiosk = await readKioskQueue(page);
  expectExactlyOnce(
    testInfo,
    '10 journal, compactions, wipe',
    { ...kiosk, confirmed: [...new Set(shell.appended)] },
    stored,
    `7 restored from the journal; ${compactions} compactions while they were rated`,
  );
  await shell.journal.close();
  // The browser may still be writing its profile here as it closes: retry, as Node's rm allows for ENOTEMPTY.
  await rm(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});
