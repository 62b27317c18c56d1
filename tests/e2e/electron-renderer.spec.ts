import { expect, test, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronKiosk } from '../support/electron-stand-in';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { finishEnrolment, TECHNICIAN_PIN, typePin } from '../support/technician-pin';
import { holdTechnicianCorner } from '../support/kiosk-time';
import { createEnrolment, face, sendAfterFirstTap } from './support';

async function adminSession(page: Page) {
  const base = process.env.HAILONG_BASE_URL!;
  const login = await page.request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  return { base, csrf: (await login.json()).csrfToken as string };
}

async function rate(page: Page, label: string) {
  await face(page, label).click();
  await sendAfterFirstTap(page);
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
}

async function openTechnicianMode(page: Page) {
  await holdTechnicianCorner(page);
  await typePin(page, TECHNICIAN_PIN);
  await expect(page.getByRole('heading', { name: 'Tình trạng ki-ốt' })).toBeVisible();
}

test('Electron kiosk: server typed at setup, journal on disk, export to USB imported once, decommission refused until nothing would be lost', async ({
  page,
}) => {
  await page.clock.install();
  test.setTimeout(120_000);
  const userData = await mkdtemp(join(tmpdir(), 'hai-long-userdata-'));
  await mkdir(join(userData, 'usb'));
  const shell = await electronKiosk(page, userData);
  // A ward of this spec's own (tests/support/server.ts): its count is this test's alone.
  const { code } = await createEnrolment(page.request, 'phuong-thu-electron', 'quay-1');
  const { base, csrf } = await adminSession(page); // after: each sign-in replaces the session cookie

  // A fresh Electron kiosk asks for the server address; a wrong one is explained, never tried.
  await page.goto(`${base}/kiosk/`);
  await expect(page.locator('[data-screen="setup"]')).toBeVisible();
  await page.getByLabel('Địa chỉ máy chủ của quận').fill('file:///etc/passwd');
  await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(page.getByRole('alert')).toHaveText('Địa chỉ máy chủ chưa đúng. Ví dụ: https://hailong.quan.gov.vn');
  await page.getByLabel('Địa chỉ máy chủ của quận').fill(`${base}/`);
  await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(page.getByRole('status')).toHaveText('Kết nối tốt.');
  await page.getByLabel(/^Mã đăng ký/).fill(code);
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await finishEnrolment(page);
  expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).serverOrigin).toBe(base);
  expect((await readFile(join(userData, 'device-token.json'), 'utf8')).length).toBeGreaterThan(0);

  // A rating is on disk in the journal before the thank-you, and reaches the server through the main process.
  await rate(page, 'Hài lòng');
  // (The thank-you waited for the main process to flush it to the journal file.)
  expect(shell.appended).toHaveLength(1);

  const counted = async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const report = await (
      await page.request.get(`${base}/api/v1/reports?period=day&at=${today}&groupBy=counter&wardId=phuong-thu-electron`)
    ).json();
    return report.rows.find((r: { key: string }) => r.key === 'phuong-thu-electron/quay-1')?.count ?? 0;
  };
  await expect.poll(counted, { timeout: 20_000 }).toBe(1);

  // The network goes; two citizens rate.
  shell.network.up = false;
  await rate(page, 'Rất hài lòng');
  await rate(page, 'Bình thường');

  await openTechnicianMode(page);
  const fact = (label: string) => page.locator('.diagnostics div', { hasText: label }).locator('dd');
  await expect(fact('Bản cập nhật')).toHaveText('Không có bản mới');
  await expect(fact('Khoá thiết bị')).toHaveText('Mã hoá bằng kho khoá của hệ điều hành');
  // At least the two unsent (the synced one leaves at the next compaction).
  await expect(fact('Bản sao trong nhật ký')).toHaveText(/^[23]$/);
  await page.getByRole('button', { name: 'Ngừng sử dụng ki-ốt' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Còn 2 đánh giá chưa gửi về quận và chưa xuất ra tệp/);

  await page.getByRole('button', { name: 'Xuất đánh giá chưa gửi ra tệp (USB)' }).click();
  await expect(page.getByRole('status')).toContainText('Đã xuất 2 đánh giá ra tệp hai-long-');
  const [fileName] = await readdir(join(userData, 'usb'));
  const file = JSON.parse(await readFile(join(userData, 'usb', fileName!), 'utf8'));
  for (let round = 0; round < 2; round++) {
    const imported = await page.request.post(`${base}/api/v1/admin/imports`, { headers: { 'x-csrf-token': csrf }, data: file });
    expect(await imported.json()).toMatchObject(round === 0 ? { accepted: 2, duplicate: 0 } : { accepted: 0, duplicate: 2 });
  }

  // Opening hours go to the shell's settings file.
  await page.getByLabel('Thứ Bảy').fill('07:30-11:30, 13:30-16:30');
  await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
  await expect(page.getByText('Đã lưu giờ làm việc.')).toBeVisible();
  expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).openingHours['6']).toEqual([
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '16:30' },
  ]);

  // Everything is exported: decommissioning is allowed after a second press, and the kiosk starts over.
  await page.getByRole('button', { name: 'Ngừng sử dụng ki-ốt' }).click();
  await expect(page.locator('[data-screen="kiosk-tools"] > [role=status]')).toContainText('Bấm lần nữa để xác nhận');
  await page.getByRole('button', { name: 'Bấm lần nữa để xác nhận' }).click();
  await expect(page.locator('[data-screen="setup"]')).toBeVisible({ timeout: 15_000 });
  await expect(readFile(join(userData, 'device-token.json'))).rejects.toThrow();
  const kept = (await readdir(join(userData, 'exports'))).filter((name) => name.startsWith('journal-'));
  expect(kept).toHaveLength(1);
  expect(shell.seenByPage.filter((answer) => answer.includes('deviceToken'))).toEqual([]);

  // The district counts the first rating (sync) and the two carried on the stick, once each.
  expect(await counted()).toBe(3);
  await shell.journal.close();
  await rm(userData, { recursive: true, force: true });
});

test('touch test: every target lights where it is touched', async ({ page }) => {
  await page.clock.install();
  const userData = await mkdtemp(join(tmpdir(), 'hai-long-userdata-'));
  const shell = await electronKiosk(page, userData);
  const { base } = await adminSession(page);
  const { code } = await createEnrolment(page.request, 'phuong-thu-electron', 'quay-2');
  await page.goto(`${base}/kiosk/`);
  await page.getByLabel('Địa chỉ máy chủ của quận').fill(base);
  await page.getByLabel(/^Mã đăng ký/).fill(code);
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await finishEnrolment(page);
  await openTechnicianMode(page);
  await page.getByRole('button', { name: 'Kiểm tra cảm ứng' }).click();
  const targets = page.locator('.touch-target');
  await expect(targets).toHaveCount(20);
  for (const i of [0, 4, 12, 19]) await targets.nth(i).tap();
  await expect(page.getByRole('status')).toContainText('Đã chạm 4/20 ô');
  await expect(page.locator('.touch-target.lit')).toHaveCount(4);
  await expect(targets.nth(4)).toHaveAttribute('aria-pressed', 'true');
  await expect(targets.nth(5)).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Xong' }).click();
  await expect(page.locator('[data-screen="kiosk-tools"]')).toBeVisible();
  await shell.journal.close();
  await rm(userData, { recursive: true, force: true });
});
