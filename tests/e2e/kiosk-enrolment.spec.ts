import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';

const base = () => process.env.HAILONG_BASE_URL!;

test('opening the dashboard’s enrolment link makes a browser kiosk of that counter', async ({ page, request }) => {
  const login = await request.post(`${base()}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const { csrfToken } = await login.json();
  const created = await request.post(`${base()}/api/v1/admin/enrolment-codes`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { wardId: 'hang-bac', counterId: 'quay-2' },
  });
  const { link } = await created.json();
  await page.goto(link);
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await expect(page.getByText('UBND Phường Hàng Bạc', { exact: true })).toBeVisible();
  await expect(page.getByText('Quầy số 2')).toBeVisible();
  expect(page.url()).not.toContain('enrol=');
  // The token stays in the kiosk's own storage; the configuration survives a reload.
  await page.reload();
  await expect(page.getByText('UBND Phường Hàng Bạc', { exact: true })).toBeVisible();
  const token = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('deviceToken');
          get.onsuccess = () => resolve(get.result?.value);
        };
      }),
  );
  expect(token).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{43}$/));
});

test('a wrong enrolment code is explained in plain Vietnamese', async ({ page }) => {
  await page.goto(`${base()}/kiosk/?enrol=AAAA-BBBB-CCCC`);
  await expect(page.getByRole('heading', { name: 'Chưa đăng ký được ki-ốt' })).toBeVisible();
  await expect(page.getByText('Mã đăng ký không đúng. Vui lòng kiểm tra lại mã trên trang quản trị.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
