import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { finishEnrolment, typePin } from '../support/technician-pin';
import { createEnrolment, face, readyToTap } from './support';

// This spec's own ward (tests/support/server.ts) and its officials.
const WARD = 'phuong-thu-cong-chuc';
const AN = { id: `${WARD}-cb-1`, name: 'Nguyễn Văn An', pin: '135790' };

async function rate(page: Page) {
  await face(page, 'Hài lòng').click();
  await readyToTap(page, 'dossier');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 10_000 });
}

test('an official signs in for the shift with a PIN; the ratings count under their name in the district’s report', async ({ page }) => {
  test.setTimeout(120_000);
  const base = process.env.HAILONG_BASE_URL!;
  const { link } = await createEnrolment(page.request, WARD, 'quay-1');
  // The district sets An's PIN and has the ward attribute ratings by shift (before the kiosk enrols).
  const login = await page.request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  expect((await page.request.put(`${base}/api/v1/admin/officials/${AN.id}`, { headers, data: { pin: AN.pin } })).ok()).toBe(true);
  expect((await page.request.put(`${base}/api/v1/admin/wards/${WARD}/attribution`, { headers, data: { attribution: 'shift' } })).ok()).toBe(
    true,
  );

  await page.goto(link);
  await finishEnrolment(page);
  const desk = page.locator('.on-duty');
  await expect(desk).toHaveText('Cán bộ đăng nhập ca');
  // Nobody on duty: this rating is unattributed.
  await rate(page);

  await desk.click();
  await expect(page.getByRole('dialog', { name: 'Ca làm việc tại quầy' })).toBeVisible();
  // Only officials with a PIN can sign in.
  await expect(page.locator('.official-button')).toHaveCount(1);
  await page.getByRole('button', { name: AN.name }).click();
  await typePin(page, '000000');
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Còn 4 lần thử.');
  await typePin(page, AN.pin);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(desk).toContainText('Cán bộ tiếp nhận');
  await expect(desk).toContainText(AN.name);

  for (let i = 0; i < 3; i++) await rate(page);
  // A restart keeps the shift (it ends with the day).
  await page.reload();
  await expect(desk).toContainText(AN.name);
  for (let i = 0; i < 2; i++) await rate(page);

  // Ending the shift takes An's PIN too.
  await desk.click();
  await page.getByRole('button', { name: `Kết thúc ca của ${AN.name}` }).click();
  await typePin(page, AN.pin);
  await expect(desk).toHaveText('Cán bộ đăng nhập ca');
  await rate(page);

  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await expect
    .poll(
      async () => {
        const report = await (
          await page.request.get(`${base}/api/v1/reports?period=day&at=${today}&groupBy=official&wardId=${WARD}`)
        ).json();
        // Below the minimum, a row says it is withheld and gives no figure at all.
        return report.rows
          .map((r: { label: string; count?: number; hidden: boolean }) => [r.label, r.hidden ? 'withheld' : r.count])
          .sort();
      },
      { timeout: 20_000 },
    )
    .toEqual([
      ['Chưa ghi nhận công chức', 'withheld'],
      [AN.name, 5],
    ]);
});
