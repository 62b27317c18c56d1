import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './support/chromium';
import { startTestServer, TEST_ADMIN_PASSWORD } from './support/server';

const server = await startTestServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: process.env.LOC ?? 'en-US' });
try {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  const steps = (process.env.STEPS ?? 'calendar').split(',');
  for (const step of steps) {
    if (step === 'calendar') {
      await page.getByRole('button', { name: 'Báo cáo' }).click();
      await page.getByRole('radio', { name: 'Khoảng ngày' }).click();
      await page.getByRole('button', { name: 'Từ ngày: chọn trên lịch' }).click();
      await page.getByRole('grid').waitFor();
      await page.screenshot({ path: '/tmp/shot-calendar.png' });
      await page.keyboard.press('Escape');
      await page.getByLabel('Đến ngày', { exact: true }).fill('99/99/2026');
      await page.getByLabel('Đến ngày', { exact: true }).press('Enter');
      await page.screenshot({ path: '/tmp/shot-range-error.png' });
    }
    if (step === 'fleet') {
      const me = await page.request.get(`${server.baseUrl}/api/v1/admin/session`);
      const csrf = (await me.json()).csrfToken as string;
      const code = await page.request.post(`${server.baseUrl}/api/v1/admin/enrolment-codes`, {
        headers: { 'x-csrf-token': csrf },
        data: { wardId: 'cua-nam', counterId: 'quay-1' },
      });
      const { code: c } = await code.json();
      await page.request.post(`${server.baseUrl}/api/v1/enrol`, { data: { code: c } });
      await page.getByRole('button', { name: 'Ki-ốt', exact: true }).click();
      await page.getByRole('button', { name: 'Thu hồi', exact: true }).first().click();
      await page.screenshot({ path: '/tmp/shot-fleet.png' });
    }
    if (step === 'editor') {
      await page.getByRole('button', { name: 'Mẫu khảo sát' }).click();
      const tt01 = page.locator('section.template', { has: page.getByRole('heading', { name: /Thông tư 01/ }) });
      await tt01.getByRole('button', { name: 'Sửa (tạo phiên bản mới)' }).click();
      await tt01.getByRole('group', { name: 'Tiêu chí 1' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/shot-editor-criteria.png' });
      const reasons = tt01.getByRole('group', { name: 'Lý do chưa hài lòng' });
      await reasons.scrollIntoViewIfNeeded();
      await reasons.getByRole('group', { name: 'Hỏi khi người dân chọn' }).nth(4).getByRole('checkbox').first().uncheck();
      await page.screenshot({ path: '/tmp/shot-editor-reasons.png' });
    }
    if (step === 'feedback') {
      await page.getByRole('button', { name: 'Góp ý' }).click();
      await page.getByLabel('Tìm trong góp ý').waitFor();
      await page.screenshot({ path: '/tmp/shot-feedback.png' });
    }
    if (step === 'audit') {
      await page.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: '/tmp/shot-audit.png' });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
