import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { finishEnrolment } from '../support/technician-pin';
import { createEnrolment, face, readQueue, readyToTap } from './support';

// This spec's own ward (tests/support/server.ts), on the Circular 01/2018 survey.
const WARD = 'phuong-thu-so-dem';
const base = () => process.env.HAILONG_BASE_URL!;

/** A citizen taps a face, skips the dossier code and sends; the kiosk is back on its start screen. */
async function rate(page: Page) {
  await face(page, 'Hài lòng').click();
  await readyToTap(page, 'dossier');
  await page.getByRole('button', { name: 'Bỏ qua' }).click();
  await readyToTap(page, 'criteria');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
}

const allSynced = (page: Page, count: number) =>
  expect.poll(async () => (await readQueue(page)).map((r) => r.state)).toEqual(Array(count).fill('synced'));

test('a browser kiosk whose storage is wiped mid-run comes back as the same kiosk, counting again: the district sees the new count', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto((await createEnrolment(page.request, WARD, 'quay-1')).link);
  await finishEnrolment(page);
  await rate(page);
  await rate(page);
  await allSynced(page, 2);
  const kioskId = ((await readQueue(page))[0] as { kioskId: string }).kioskId;

  // The browser's storage is cleared under the running kiosk (a profile reset, a cleaning tool).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(base()).origin, storageTypes: 'indexeddb' });
  await page.reload();
  await expect(page.locator('[data-screen="setup"]')).toBeVisible();

  // The technician re-enrols it with the district's code for this kiosk: same kiosk, a new count.
  const login = await page.request.post(`${base()}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const { csrfToken } = await login.json();
  const code = await page.request.post(`${base()}/api/v1/admin/kiosks/${kioskId}/reenrolment-code`, {
    headers: { 'x-csrf-token': csrfToken },
  });
  await page.goto((await code.json()).link);
  await finishEnrolment(page);
  await rate(page);
  await allSynced(page, 1);
  const [fresh] = await readQueue(page);
  expect(fresh).toMatchObject({ kioskId, seq: 1 });

  // The district's dashboard: one kiosk, in its second count, nothing missing; and an alert saying so.
  const dashboard = await page.context().newPage();
  await dashboard.setViewportSize({ width: 1440, height: 900 });
  await dashboard.goto(`${base()}/admin/`); // signed in already: the code above was made in this browser
  await expect(dashboard.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await dashboard.getByRole('navigation').getByRole('button', { name: 'Ki-ốt', exact: true }).click();
  const row = dashboard.getByRole('row').filter({ hasText: 'UBND Phường Thử Sổ Đếm – Quầy số 1' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Đủ đến số 1');
  await expect(row).toContainText('Lần đếm thứ 2');
  await expect(row).not.toContainText('thiếu');

  await dashboard.getByRole('navigation').getByRole('button', { name: 'Cảnh báo' }).click();
  await expect(dashboard.getByText(`Bộ nhớ của ki-ốt ${kioskId.slice(0, 8)} đã bị xoá hoặc cài lại`)).toBeVisible();

  // The quarter's statement counts both lives of the kiosk, complete.
  await dashboard.getByRole('navigation').getByRole('button', { name: 'Biên bản đầy đủ dữ liệu' }).click();
  await dashboard.getByLabel('Phường:').selectOption({ label: 'UBND Phường Thử Sổ Đếm' });
  await expect(dashboard.getByRole('status')).toHaveText(/^Đủ: toàn bộ 3 đánh giá/);
  await expect(dashboard.getByRole('cell', { name: '1–2 (lần đếm thứ 1)' })).toBeVisible();
  await expect(dashboard.getByRole('cell', { name: '1–1 (lần đếm thứ 2)' })).toBeVisible();
});
