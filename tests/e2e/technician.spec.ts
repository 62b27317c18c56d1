import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { queueRatings, readKioskMeta } from '../support/kiosk-queue';
import { finishEnrolment, TECHNICIAN_PIN, typePin } from '../support/technician-pin';
import { holdTechnicianCorner } from '../support/kiosk-time';
import { createEnrolment, expectNoScroll, openKiosk, readQueue, sendAfterFirstTap } from './support';

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('technician mode: hidden corner, PIN, diagnostics with the quarantined rating and its reason, "Đồng bộ ngay"', async ({
  page,
  request,
}) => {
  await page.clock.install();
  await page.goto((await createEnrolment(request, 'cua-nam', 'quay-1')).link);
  // Where the kiosk joined, in names, before the PIN.
  const enrolled = page.locator('[data-screen="enrolled"]');
  await expect(enrolled.getByRole('heading', { name: 'Đã đăng ký ki-ốt' })).toBeVisible();
  await expect(enrolled.getByText('UBND Phường Cửa Nam', { exact: true })).toBeVisible();
  await expect(enrolled.getByText('Quầy số 1', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByRole('heading', { name: 'Đặt mã PIN kỹ thuật viên' })).toBeVisible();
  await expectAccessible(page);
  await finishEnrolment(page);
  const config = KioskConfig.parse(await readKioskMeta(page, 'config'));
  // One rating the server refuses sits among good ones; then the network goes and a citizen rates.
  await page.addInitScript('self.__name = (fn) => fn');
  await queueRatings(page, config, 3, { clockMs: Date.now(), poison: (i) => i === 1 });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(async () => (await readQueue(page)).map((r) => r.state)).toEqual(['synced', 'quarantined', 'synced']);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
  await sendAfterFirstTap(page);
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });

  // A citizen's quick touch on the corner does nothing; five seconds open the PIN keypad.
  await holdTechnicianCorner(page, 300);
  await expect(page.getByRole('dialog')).toBeHidden();
  await holdTechnicianCorner(page);
  await expect(page.getByRole('dialog', { name: 'Chế độ kỹ thuật viên' })).toBeVisible();
  await typePin(page, '1111');
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Còn 4 lần thử.');
  await typePin(page, TECHNICIAN_PIN);

  const facts = page.locator('.diagnostics');
  await expect(page.getByRole('heading', { name: 'Tình trạng ki-ốt' })).toBeVisible();
  await expect(facts.getByText(config.kioskId)).toBeVisible();
  await expect(facts.locator('div', { hasText: 'Đánh giá chờ gửi' }).first().locator('dd')).toHaveText('1');
  await expect(facts.locator('div', { hasText: 'Có mạng' }).locator('dd')).toHaveText('Không');
  // The last error in words, its technical text kept for support.
  await expect(facts.locator('div', { hasText: 'Lỗi gần nhất' }).locator('dd')).toHaveText(/^Không kết nối được máy chủ \(network: .+\)$/);
  // The survey by its name, figures as Vietnamese writes them.
  await expect(facts.locator('div', { hasText: 'Mẫu khảo sát' }).locator('dd')).toHaveText(
    `${config.template.name.vi} (phiên bản ${config.template.version})`,
  );
  await expect(facts.locator('div', { hasText: 'Dung lượng' }).locator('dd')).toHaveText(/^\d+,\d MB \/ [\d.]+,\d MB$/);
  await expect(page.getByRole('heading', { name: 'Đánh giá bị máy chủ từ chối: 1' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'unknown_template' })).toContainText('2');
  await expectAccessible(page);

  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(facts.locator('div', { hasText: 'Đánh giá chờ gửi' }).first().locator('dd')).toHaveText('0');
  await expect(facts.locator('div', { hasText: 'Trạng thái đồng bộ' }).locator('dd')).toHaveText('Sẵn sàng');
  await page.getByRole('button', { name: 'Thoát' }).click();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();

  // After a restart the sync engine starts afresh, yet the last successful send is still known (the
  // kiosk's stored acknowledgements), never "—" while ratings were sent.
  await page.reload();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await holdTechnicianCorner(page);
  await typePin(page, TECHNICIAN_PIN);
  await expect(facts.locator('div', { hasText: 'Lần gửi thành công gần nhất' }).locator('dd')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
});

test('five wrong PINs lock the keypad; the PIN is kept only as a salted hash', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page, 'quick');
  await holdTechnicianCorner(page);
  // A demo kiosk has no PIN yet: the technician sets one first.
  await expect(page.getByRole('heading', { name: 'Đặt mã PIN kỹ thuật viên' })).toBeVisible();
  await typePin(page, TECHNICIAN_PIN);
  await typePin(page, TECHNICIAN_PIN);
  await expect(page.getByRole('heading', { name: 'Tình trạng ki-ốt' })).toBeVisible();
  await page.getByRole('button', { name: 'Thoát' }).click();
  const stored = JSON.stringify(await readKioskMeta(page, 'technicianPin'));
  expect(stored).not.toContain(TECHNICIAN_PIN);
  expect(JSON.parse(stored)).toMatchObject({
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    salt: expect.stringMatching(/^[0-9a-f]{32}$/),
  });

  await holdTechnicianCorner(page);
  for (let i = 0; i < 4; i++) await typePin(page, '0000');
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Còn 1 lần thử.');
  await typePin(page, '0000');
  await expect(page.getByRole('alert')).toHaveText('Nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.');
  // Locked: even the right PIN is refused until the time is up.
  await typePin(page, TECHNICIAN_PIN);
  await expect(page.getByRole('alert')).toContainText('Nhập sai quá nhiều lần');
  await expect(page.getByRole('heading', { name: 'Tình trạng ki-ốt' })).toBeHidden();
});

test('a browser kiosk without a network exports its unsent ratings; the district imports the file once', async ({ page, request }) => {
  await page.clock.install();
  const base = process.env.HAILONG_BASE_URL!;
  await page.goto((await createEnrolment(request, 'phuong-thu-xuat-tep', 'quay-1')).link);
  await finishEnrolment(page);
  await page.context().setOffline(true);
  for (const level of ['Rất hài lòng', 'Bình thường']) {
    await page.getByRole('button', { name: level, exact: true }).click();
    await sendAfterFirstTap(page);
    await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
  }
  await holdTechnicianCorner(page);
  await typePin(page, TECHNICIAN_PIN);
  // Moving the kiosk is refused while the two ratings exist nowhere else.
  await page.getByRole('button', { name: 'Chuyển sang quầy khác (đăng ký lại)' }).click();
  await expect(page.getByRole('alert')).toContainText('Còn 2 đánh giá chưa gửi');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất đánh giá chưa gửi ra tệp (USB)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hai-long-[0-9a-f]{8}-\d{4}-\d\d-\d\d-1-2\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  // Signed with the kiosk's own Ed25519 key, whose private half never left the page's WebCrypto.
  expect(file).toMatchObject({ format: 'hai-long-export', version: 2, signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/) });

  const login = await request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  expect(await (await request.post(`${base}/api/v1/admin/imports`, { headers, data: file })).json()).toMatchObject({
    accepted: 2,
    duplicate: 0,
  });
  // The network comes back: sync sends them again and the server answers "duplicate"; nothing counts twice.
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(page.locator('.diagnostics div', { hasText: 'Đánh giá chờ gửi' }).first().locator('dd')).toHaveText('0');
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const report = await (await request.get(`${base}/api/v1/reports?period=day&at=${today}&groupBy=ward&wardId=phuong-thu-xuat-tep`)).json();
  expect(report.rows.map((r: { count: number }) => r.count)).toEqual([2]);
  // With nothing held only here, moving asks for a second press, said as a warning rather than a success.
  await page.getByRole('button', { name: 'Chuyển sang quầy khác (đăng ký lại)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bấm lần nữa để xác nhận' })).toHaveAttribute('data-tone', 'ask');
  await expect(page.getByRole('button', { name: 'Bấm lần nữa để xác nhận' })).toBeVisible();
});

test('display settings: large text for a counter of elderly citizens, kept across restarts, still without scrolling', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page, 'sipas-5');
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  await holdTechnicianCorner(page);
  await typePin(page, TECHNICIAN_PIN);
  await typePin(page, TECHNICIAN_PIN);
  await page.getByRole('radio', { name: 'Lớn' }).click();
  await expect(page.getByRole('radio', { name: 'Lớn' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Thoát' }).click();
  expect(await rootSize()).toBeGreaterThan(normal * 1.1);
  await page.reload();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  expect(await rootSize()).toBeGreaterThan(normal * 1.1);
  await expectNoScroll(page);
  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await expect(page.getByRole('radiogroup').first()).toBeVisible();
  await expectNoScroll(page);
});
