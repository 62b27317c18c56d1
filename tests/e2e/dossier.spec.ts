import { expect, test, type Browser, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { finishEnrolment } from '../support/technician-pin';
import { createEnrolment, face, readQueue, readyToTap } from './support';

// This spec's own ward (tests/support/server.ts), on the Circular 01/2018 survey, which asks the
// receipt's dossier code (optional) right after the first tap.
const WARD = 'phuong-thu-ho-so';
const CODE = '000.00.15.H26-241122-0001';

async function kioskAt(browser: Browser, counterId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true })).newPage();
  await page.goto((await createEnrolment(page.request, WARD, counterId)).link);
  await finishEnrolment(page);
  return page;
}

/** A barcode scanner acting as a keyboard: the whole code in a burst of keystrokes, then Enter. */
async function scan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 4 });
  await page.keyboard.press('Enter');
}

async function startRating(page: Page) {
  await face(page, 'Hài lòng').click();
  await readyToTap(page, 'dossier');
}

async function sendNow(page: Page) {
  await expect(page.getByRole('radiogroup', { name: 'Thời gian giải quyết' })).toBeVisible();
  await readyToTap(page, 'criteria');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
}

test('dossier code: scanned at one kiosk, refused there a second time, flagged by the server when another kiosk rates it again', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const first = await kioskAt(browser, 'quay-1');

  // Scanned from the receipt: the rating carries it.
  await startRating(first);
  await scan(first, CODE);
  await sendNow(first);

  // Typed wrong on the on-screen keyboard: explained; then the same receipt scanned again: refused.
  await startRating(first);
  // The keys open on digits, as dossier codes are.
  for (const key of ['1', '2']) await first.locator('.keyboard').getByRole('button', { name: key, exact: true }).click();
  await first.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(first.getByRole('alert')).toHaveText('Mã hồ sơ chưa đúng dạng. Ví dụ: 000.00.15.H26-241122-0001');
  await first.getByRole('textbox').fill('');
  await scan(first, CODE.toLowerCase());
  await expect(first.getByRole('alert')).toHaveText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.');
  await readyToTap(first, 'dossier');
  await first.getByRole('button', { name: 'Bỏ qua' }).click();
  await sendNow(first);
  await expect
    .poll(async () => (await readQueue(first)).map((r) => [r.state, (r as { dossierCode?: string }).dossierCode ?? null]))
    .toEqual([
      ['synced', CODE],
      ['synced', null],
    ]);

  // The other counter's kiosk cannot know; the district server, which sees both, sets both ratings
  // aside until the district decides which one counts.
  const second = await kioskAt(browser, 'quay-2');
  await startRating(second);
  await scan(second, CODE);
  await sendNow(second);
  await expect.poll(async () => (await readQueue(second)).map((r) => r.state)).toEqual(['synced']);

  const base = process.env.HAILONG_BASE_URL!;
  const login = await second.request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  expect(login.ok()).toBe(true);
  const vietnamToday = new Date(Date.now() + 7 * 3_600_000).toISOString();
  const quarter = `${vietnamToday.slice(0, 4)}-Q${Math.ceil(Number(vietnamToday.slice(5, 7)) / 3)}`;
  const report = async () => (await second.request.get(`${base}/api/v1/reports/tt01?quarter=${quarter}&wardId=${WARD}`)).json();
  expect((await report()).repeatedDossiers).toBe(2);

  // The district's review list: the later rating (the second counter's) is the one that counts.
  const dashboard = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await dashboard.goto(`${base}/admin/`);
  await dashboard.getByLabel('Tên đăng nhập').fill('admin');
  await dashboard.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
  await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
  await dashboard.getByRole('button', { name: 'Hồ sơ đánh giá trùng' }).click();
  const dossier = dashboard.getByRole('region', { name: `Hồ sơ ${CODE}` });
  await expect(dossier).toContainText('Chờ quận quyết định.');
  await dossier.getByRole('row').filter({ hasText: 'Quầy số 2' }).getByRole('button', { name: 'Tính đánh giá này' }).click();
  await expect(dashboard.getByRole('status')).toHaveText(`Đã lưu quyết định cho hồ sơ ${CODE}.`);
  await expect(dossier).toContainText('Đã quyết định bởi admin');
  expect((await report()).repeatedDossiers).toBe(1);
});
