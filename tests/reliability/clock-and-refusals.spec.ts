import { expect, test, type Browser } from '@playwright/test';
import { vietnamDay } from '../../server/time';
import { District } from './district';
import { drained, enrolKiosk, networkBack, queueRatings, rateOnScreen, readKioskQueue } from './kiosk';
import { expectExactlyOnce } from './tally';
import { readQueueRecords } from '../support/kiosk-queue';

let district: District;
test.beforeEach(async () => {
  district = await District.start();
});
test.afterEach(async () => district.close());

const YEAR_MS = 365 * 86_400_000;
const quarterOf = (ms: number) => {
  const [year, month] = vietnamDay(ms).split('-').map(Number);
  return `${year}-Q${Math.ceil(month! / 3)}`;
};

async function kioskWithClock(browser: Browser, offsetMs: number) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
  const page = await context.newPage();
  // The kiosk's clock is wrong and runs on from there, as a mis-set tablet's would.
  await page.clock.install({ time: Date.now() + offsetMs });
  return page;
}

test('6. kiosk clocks a year ahead and a year behind: ratings count in the right day and quarter', async ({ browser }, testInfo) => {
  const ahead = { page: await kioskWithClock(browser, YEAR_MS), place: { wardId: 'hang-bac', counterId: 'quay-1' } };
  const behind = { page: await kioskWithClock(browser, -YEAR_MS), place: { wardId: 'hang-bac', counterId: 'quay-2' } };
  for (const kiosk of [ahead, behind]) {
    const config = await enrolKiosk(kiosk.page, await district.enrolmentLink(kiosk.place.wardId, kiosk.place.counterId));
    await rateOnScreen(kiosk.page, 3);
    await queueRatings(kiosk.page, config, 197, { clockMs: await kiosk.page.evaluate(() => Date.now()) });
    await networkBack(kiosk.page);
    await drained(kiosk.page, 60_000);
    const stored = district.stored([config.kioskId], kiosk.place);
    // The kiosk recorded its own (wrong) times; the server filed them by its corrected time.
    const days = new Set(stored.rows.map((r) => r.day));
    const today = new Set([vietnamDay(Date.now() - 3_600_000), vietnamDay(Date.now())]);
    expect([...days].every((day) => today.has(day))).toBe(true);
    const label = kiosk === ahead ? '6 clock a year ahead' : '6 clock a year behind';
    expectExactlyOnce(testInfo, label, await readKioskQueue(kiosk.page), stored, `filed under ${[...days].join(', ')}`);
  }
  // The quarter's report has all 400; the quarters a year away have none of them.
  const admin = await district.admin();
  const quarterly = (at: string) =>
    admin.get<{ rows: { key: string; count: number }[] }>(
      `/api/v1/reports?period=quarter&at=${at}&groupBy=counter&wardId=hang-bac&includeBursts=true`,
    );
  const total = (report: { rows: { count: number }[] }) => report.rows.reduce((sum, row) => sum + row.count, 0);
  expect(total(await quarterly(quarterOf(Date.now())))).toBe(400);
  expect(total(await quarterly(quarterOf(Date.now() + YEAR_MS)))).toBe(0);
  expect(total(await quarterly(quarterOf(Date.now() - YEAR_MS)))).toBe(0);
});

test('7. a poisoned rating in the middle of a batch: the rest arrive, it is quarantined and shown', async ({ page }, testInfo) => {
  const place = { wardId: 'trang-tien', counterId: 'quay-2' };
  await page.clock.install();
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  district.policy = () => 'drop-request';
  await rateOnScreen(page, 2);
  await queueRatings(page, config, 998, { clockMs: await page.evaluate(() => Date.now()), poison: (i) => i === 400 });
  district.policy = () => 'pass';
  await networkBack(page);
  await drained(page, 60_000);

  const kiosk = await readKioskQueue(page);
  expect(kiosk.quarantined).toHaveLength(1);
  const [poisoned] = kiosk.quarantined;
  expect(poisoned!.rejection).toMatchObject({ code: 'unknown_template' });
  // Shown on the start screen for whoever looks after the kiosk.
  await expect(page.getByRole('status').filter({ hasText: 'Cần kỹ thuật viên: 1 đánh giá bị máy chủ từ chối' })).toBeVisible();
  // Never resent: the next rating's sync does not carry it again.
  await rateOnScreen(page, 1);
  await drained(page, 30_000);
  const carrying = district.exchanges.filter((e) => e.path === '/api/v1/ratings/batches' && e.body.toString().includes(poisoned!.id));
  expect(carrying.filter((e) => e.status === 200)).toHaveLength(1);
  expectExactlyOnce(
    testInfo,
    '7 poisoned rating',
    await readKioskQueue(page),
    district.stored([config.kioskId], place),
    `rejected: ${poisoned!.rejection.code}`,
  );
});

test('9. a server that fails every batch holding one rating: the kiosk finds it, sets it aside, and the rest arrive', async ({
  page,
}, testInfo) => {
  const place = { wardId: 'hang-bac', counterId: 'quay-2' };
  await page.clock.install();
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  district.policy = () => 'drop-request';
  await rateOnScreen(page, 2);
  await queueRatings(page, config, 1_198, { clockMs: await page.evaluate(() => Date.now()) });
  // One rating the server (or a proxy in front of it) chokes on: any batch holding it gets a 500.
  const culprit = (await readQueueRecords(page))[777]!.id;
  district.policy = ({ path, body }) => (path === '/api/v1/ratings/batches' && body.includes(culprit) ? '500' : 'pass');
  await networkBack(page);
  await drained(page, 120_000);

  const kiosk = await readKioskQueue(page);
  expect(kiosk.quarantined.map((r) => [r.id, r.rejection.code])).toEqual([[culprit, 'batch_refused']]);
  const refusedWhole = district.exchanges.filter((e) => e.path === '/api/v1/ratings/batches' && e.fault === '500').length;
  expectExactlyOnce(
    testInfo,
    '9 poisoned batch',
    kiosk,
    district.stored([config.kioskId], place),
    `${refusedWhole} whole batches refused before it was found`,
  );
});

test('8. token revoked: sync stops with a clear alert, nothing is deleted, and it resumes after re-enrolment', async ({
  page,
}, testInfo) => {
  const place = { wardId: 'cua-nam', counterId: 'quay-1' };
  await page.clock.install();
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  await rateOnScreen(page, 2);
  await queueRatings(page, config, 298, { clockMs: await page.evaluate(() => Date.now()) });
  await networkBack(page);
  await drained(page, 60_000);

  await district.revoke(config.kioskId);
  await rateOnScreen(page, 2, 3);
  await queueRatings(page, config, 198, { clockMs: await page.evaluate(() => Date.now()) });
  await networkBack(page);
  const alert = page.getByRole('status').filter({ hasText: 'thiết bị cần được đăng ký lại' });
  await expect(alert).toBeVisible();
  // Citizens can still rate; everything waits on the kiosk.
  await rateOnScreen(page, 1);
  const waiting = await readKioskQueue(page);
  expect([waiting.synced, waiting.pending]).toEqual([300, 201]);

  // The technician opens the dashboard's re-enrolment link on the kiosk: same kiosk, new token.
  await enrolKiosk(page, await district.reenrolmentLink(config.kioskId));
  await drained(page, 60_000);
  await expect(alert).toBeHidden();
  const kiosk = await readKioskQueue(page);
  expectExactlyOnce(
    testInfo,
    '8 token revoked, re-enrolled',
    kiosk,
    district.stored([config.kioskId], place),
    `${waiting.pending} waited for re-enrolment`,
  );
});
