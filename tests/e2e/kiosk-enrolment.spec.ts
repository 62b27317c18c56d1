import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { readKioskMeta } from '../support/kiosk-queue';
import { finishEnrolment } from '../support/technician-pin';
import { createEnrolment, readQueue, readyToTap, sendAfterFirstTap } from './support';

const base = () => process.env.HAILONG_BASE_URL!;

test('opening the dashboard’s enrolment link makes a browser kiosk of that counter', async ({ page, request }) => {
  const { link } = await createEnrolment(request, 'hang-bac', 'quay-2');
  await page.goto(link);
  await finishEnrolment(page);
  await expect(page.getByText('UBND Phường Hàng Bạc', { exact: true })).toBeVisible();
  await expect(page.getByText('Quầy số 2')).toBeVisible();
  expect(page.url()).not.toContain('enrol=');
  // The token stays in the kiosk's own storage; the configuration survives a reload.
  await page.reload();
  await expect(page.getByText('UBND Phường Hàng Bạc', { exact: true })).toBeVisible();
  const token = await readKioskMeta(page, 'deviceToken');
  expect(token).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{43}$/));
});

test('a wrong enrolment code is explained in plain Vietnamese', async ({ page }) => {
  await page.goto(`${base()}/kiosk/?enrol=AAAA-BBBB-CCCC`);
  await expect(page.getByRole('heading', { name: 'Chưa đăng ký được ki-ốt' })).toBeVisible();
  await expect(page.getByText('Mã đăng ký không đúng. Vui lòng kiểm tra lại mã trên trang quản trị.')).toBeVisible();
  // Trying the same wrong code again cannot help: the way on is another code, on the setup screen.
  await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Nhập mã khác' }).click();
  await expect(page.locator('[data-screen="setup"]')).toBeVisible();
  expect(page.url()).not.toContain('enrol=');
  // Typed on the kiosk's own keys, digits first: the code reaches the field.
  await page.locator('.keyboard').getByRole('button', { name: '7', exact: true }).click();
  await expect(page.getByRole('textbox', { name: /Mã đăng ký/ })).toHaveValue('7');
});

test('an enrolled kiosk’s ratings reach the district server’s report', async ({ page, request }) => {
  await page.goto((await createEnrolment(request, 'trang-tien', 'quay-2')).link);
  await finishEnrolment(page);
  await expect(page.getByText('UBND Phường Tràng Tiền', { exact: true })).toBeVisible();
  for (const level of ['Rất hài lòng', 'Không hài lòng']) {
    await page.getByRole('button', { name: level, exact: true }).click();
    await sendAfterFirstTap(page);
    await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
    await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
  }
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await expect
    .poll(
      async () => {
        const report = await (
          await request.get(`${base()}/api/v1/reports?period=day&at=${today}&groupBy=counter&wardId=trang-tien`)
        ).json();
        return report.rows.find((r: { key: string }) => r.key === 'trang-tien/quay-2')?.count ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBe(2);
  // The kiosk marked them synced once the server acknowledged them.
  await expect.poll(async () => (await readQueue(page)).map((r) => r.state)).toEqual(['synced', 'synced']);
});

test('a template the district assigns reaches the kiosk at its next start screen, never mid-flow', async ({ page, request }) => {
  const base = process.env.HAILONG_BASE_URL!;
  await page.goto((await createEnrolment(request, 'hang-bac', 'quay-1')).link);
  await finishEnrolment(page);
  await expect(page.getByText('UBND Phường Hàng Bạc', { exact: true })).toBeVisible();
  await expect(page.locator('.face-button')).toHaveCount(5);
  // The district switches the ward to the three-level survey.
  const login = await request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const { csrfToken } = await login.json();
  const assign = await request.put(`${base}/api/v1/admin/wards/hang-bac/template`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { templateId: 'dvc-3' },
  });
  expect(assign.ok()).toBe(true);
  try {
    // A citizen rates; the sync after the rating pulls the new configuration.
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    // Circular 01/2018 asks the receipt's dossier code first; this citizen skips it.
    await readyToTap(page, 'dossier');
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
    await expect(page.getByRole('radiogroup')).toBeVisible();
    // The network "comes back" mid-flow: a sync runs now and pulls the new configuration, which the
    // kiosk holds (data-config-waiting) while the citizen carries on with the old survey.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.locator('.kiosk[data-config-waiting]')).toBeAttached({ timeout: 15_000 });
    await expect(page.getByRole('radiogroup', { name: 'Thời gian giải quyết' })).toBeVisible();
    await readyToTap(page, 'criteria');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
    await expect(page.locator('.face-button')).toHaveCount(3, { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Chưa hài lòng', exact: true })).toBeVisible();
  } finally {
    await request.put(`${base}/api/v1/admin/wards/hang-bac/template`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { templateId: 'tt01-2018' },
    });
  }
});

test('an unconfigured kiosk shows the setup screen: test the connection, enrol with a code', async ({ page, request }) => {
  const base = process.env.HAILONG_BASE_URL!;
  await page.goto(`${base}/kiosk/`);
  await expect(page.getByRole('heading', { name: 'Cài đặt ki-ốt' })).toBeVisible();
  await expect(page.getByText(`Máy chủ của quận: ${base}`)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(page.getByRole('status')).toHaveText('Kết nối tốt.');
  const field = page.getByLabel(/Mã đăng ký/);
  await field.fill('ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã đăng ký không đúng. Vui lòng kiểm tra lại mã trên trang quản trị.');
  await field.fill((await createEnrolment(request, 'trang-tien', 'quay-1')).code);
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await finishEnrolment(page);
  await expect(page.getByText('UBND Phường Tràng Tiền', { exact: true })).toBeVisible();
});
