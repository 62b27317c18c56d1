import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrashableChromium } from '../support/crashable-chromium';
import type { ProxyFault } from '../support/fault-proxy';
import { readyToTap } from '../support/kiosk-time';
import { finishEnrolment } from '../support/technician-pin';
import { District } from './district';
import { drained, enrolKiosk, kioskConfig, networkBack, queueRatings, rateOnScreen, readKioskQueue } from './kiosk';
import { expectExactlyOnce } from './tally';
import { readQueueRecords } from '../support/kiosk-queue';

let district: District;
test.beforeEach(async () => {
  district = await District.start();
});
test.afterEach(async () => district.close());

test('3. the server killed with SIGKILL and restarted during sync, three times', async ({ page }, testInfo) => {
  const place = { wardId: 'trang-tien', counterId: 'quay-1' };
  await page.clock.install();
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  district.policy = () => 'drop-request';
  await rateOnScreen(page, 2);
  await queueRatings(page, config, 4_998, { clockMs: await page.evaluate(() => Date.now()) });
  district.policy = () => 'pass';
  await networkBack(page);

  // Each time the server has committed more of the stream it dies: once right after a commit (the
  // answer may be lost), then a few milliseconds after a batch reached it (before, during or after
  // its transaction, as it falls); each time it comes back a moment later.
  const storedAtKill: number[] = [];
  for (let round = 0; round < 3; round++) {
    const before = district.storedCount();
    await expect.poll(() => district.storedCount(), { timeout: 60_000, intervals: [5] }).toBeGreaterThan(before);
    if (round > 0) {
      const delivered = new Promise<void>((resolve) => {
        district.policy = ({ path }) => {
          if (path === '/api/v1/ratings/batches') {
            district.policy = () => 'pass';
            setTimeout(resolve, round * 4);
          }
          return 'pass';
        };
      });
      await delivered;
    }
    const seen = district.exchanges.length;
    await district.killServer();
    storedAtKill.push(district.storedCount());
    // Down until the kiosk has met the dead server at least once.
    await expect.poll(() => district.exchanges.slice(seen).some((e) => e.status === null), { timeout: 60_000 }).toBe(true);
    await district.startServer();
  }
  expect(storedAtKill.at(-1)).toBeLessThan(5_000);
  await drained(page, 180_000);
  const kiosk = await readKioskQueue(page);
  expectExactlyOnce(
    testInfo,
    '3 server SIGKILL ×3',
    kiosk,
    district.stored([config.kioskId], place),
    `stored at each kill: ${storedAtKill.join(', ')}`,
  );
});

test.describe('4. the kiosk browser killed with SIGKILL', () => {
  let profile: string;
  let chromium: CrashableChromium;
  test.beforeEach(async () => {
    profile = await mkdtemp(join(tmpdir(), 'hai-long-kiosk-profile-'));
    chromium = new CrashableChromium(profile);
  });
  test.afterEach(async () => {
    await chromium.close();
    await rm(profile, { recursive: true, force: true });
  });

  const openKiosk = async (url: string) => {
    const context = (await chromium.launch()).contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.clock.install();
    await page.goto(url);
    await finishEnrolment(page);
    return page;
  };

  test('4a. during a sync exchange: the server committed, the kiosk never heard; it resends after relaunch', async () => {
    const place = { wardId: 'hang-bac', counterId: 'quay-2' };
    let page = await openKiosk(await district.enrolmentLink(place.wardId, place.counterId));
    const config = await kioskConfig(page);
    district.policy = () => 'drop-request';
    await rateOnScreen(page, 2);
    await queueRatings(page, config, 998, { clockMs: await page.evaluate(() => Date.now()) });

    // The next batch is held at the proxy until the kiosk is dead, then delivered: the server
    // stores it and answers a browser that no longer exists.
    let seen!: () => void;
    const batchSeen = new Promise<void>((resolve) => (seen = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    district.policy = async ({ path }): Promise<ProxyFault> => {
      if (path !== '/api/v1/ratings/batches') return 'pass';
      district.policy = () => 'pass';
      seen();
      await released;
      return 'pass';
    };
    await networkBack(page);
    await batchSeen;
    chromium.kill();
    release();
    await expect.poll(() => district.storedCount()).toBe(500);

    page = await openKiosk(`${district.url}/kiosk/`);
    await drained(page, 60_000);
    const answers = district.exchanges
      .filter((e) => e.path === '/api/v1/ratings/batches' && e.status === 200)
      .map((e) => JSON.parse(e.answer!.toString()) as { duplicate: string[] });
    const resentAsDuplicate = answers.reduce((n, a) => n + a.duplicate.length, 0);
    expect(resentAsDuplicate).toBe(500);
    expectExactlyOnce(
      test.info(),
      '4a kiosk SIGKILL mid-exchange',
      await readKioskQueue(page),
      district.stored([config.kioskId], place),
      `${resentAsDuplicate} resent as duplicate`,
    );
  });

  test('4b. during a citizen’s flow: the answers so far are kept, finalised as interrupted, and sent', async () => {
    const place = { wardId: 'hang-bac', counterId: 'quay-1' };
    let page = await openKiosk(await district.enrolmentLink(place.wardId, place.counterId));
    const config = await kioskConfig(page);
    await rateOnScreen(page, 3);
    await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
    await readyToTap(page, 'dossier');
    // Circular 01/2018's survey asks the dossier code first; this citizen skips it.
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
    await readyToTap(page, 'criteria');
    await page.getByRole('radiogroup').first().getByRole('radio').nth(2).click();
    // The answer is written in the background; the citizen is reading the next question.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('hai-long-kiosk');
              open.onsuccess = () => {
                const all = open.result.transaction('ratings').objectStore('ratings').getAll();
                all.onsuccess = () => {
                  open.result.close();
                  const record = (all.result as { state: string; criteria: object }[]).find((r) => r.state === 'open');
                  resolve(record ? Object.keys(record.criteria).length : 0);
                };
              };
            }),
        ),
      )
      .toBe(1);
    chromium.kill();

    page = await openKiosk(`${district.url}/kiosk/`);
    await drained(page, 60_000);
    const kiosk = await readKioskQueue(page);
    expect(kiosk.open).toBe(0);
    expect(kiosk.confirmed).toHaveLength(4);
    const interrupted = (await readQueueRecords(page)).filter((r) => r.outcome === 'interrupted');
    expect(interrupted).toEqual([expect.objectContaining({ outcome: 'interrupted', overall: 2, state: 'synced' })]);
    expectExactlyOnce(
      test.info(),
      '4b kiosk SIGKILL mid-flow',
      kiosk,
      district.stored([config.kioskId], place),
      '1 interrupted rating sent',
    );
  });
});
