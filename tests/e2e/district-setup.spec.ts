import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { freePort, startServerProcess } from '../support/server-process';
import { finishEnrolment } from '../support/technician-pin';
import { sendAfterFirstTap } from './support';

// A real district from an empty `npm run server` (no demo data): its first administrator describes
// it by hand and by spreadsheet, enrols a kiosk at a new counter, renames and retires a ward, and
// disables an account in use.

const PASSWORD = 'mat-khau-quan-tri-dau-tien';
let server: ChildProcess;
let dataDir: string;
let base: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hai-long-empty-'));
  const port = await freePort();
  server = await startServerProcess({ dataDir, port, adminPassword: PASSWORD, env: { HAILONG_DEMO: '0' } });
  base = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

async function spreadsheet(email: string) {
  const book = new ExcelJS.Workbook();
  const sheets: Record<string, string[][]> = {
    Phường: [
      ['Tên phường', 'Tên tiếng Anh', 'Thư điện tử lãnh đạo phường', 'Mẫu khảo sát'],
      ['UBND Phường 1', '', '', ''],
      ['UBND Phường 3', 'Ward 3', email, ''],
    ],
    Quầy: [
      ['Phường', 'Tên quầy', 'Tên tiếng Anh'],
      ['UBND Phường 3', 'Quầy số 1', ''],
      ['UBND Phường 3', 'Quầy tiếp nhận hồ sơ đất đai', ''],
    ],
    'Công chức': [
      ['Phường', 'Họ tên', 'Chức danh', 'Đang làm việc'],
      ['UBND Phường 3', 'Phạm Thị Dung', 'Công chức văn phòng', 'Có'],
    ],
  };
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return {
    name: 'to-chuc.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  };
}

const wardCount = async (page: Page, label: string) => {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const report = await (await page.request.get(`${base}/api/v1/reports?period=day&at=${today}&groupBy=ward`)).json();
  return (report.rows as { label: string; count: number }[]).find((r) => r.label === label)?.count ?? 0;
};

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('from an empty server: set-up, a spreadsheet, a kiosk at a new counter, a ward renamed and retired, an account disabled', async ({
  page,
  browser,
}) => {
  // First run: the unit, then a ward and its counter by hand.
  await signIn(page, 'admin', PASSWORD);
  await expect(page.getByRole('heading', { name: 'Thiết lập ban đầu' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu thông tin đơn vị' }).click();
  await expect(page.getByText('Tên cần từ 2 đến 120 ký tự, trên một dòng.').first()).toBeVisible();
  await page.getByLabel('Tên đơn vị (ví dụ: UBND Quận Gò Vấp)').fill('UBND Quận Gò Vấp');
  await page.getByLabel('Tỉnh/Thành phố').fill('Thành phố Hồ Chí Minh');
  await page.getByRole('button', { name: 'Lưu thông tin đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Bước 2: Các phường và quầy' })).toBeVisible();
  await page.getByLabel('Tên phường (ví dụ: UBND Phường 1)').fill('UBND Phường 1');
  await page.getByRole('button', { name: 'Thêm phường' }).click();
  const ward1 = page.getByRole('region', { name: 'UBND Phường 1' });
  await ward1.getByLabel('Tên quầy (ví dụ: Quầy số 1)').fill('Quầy số 1');
  await ward1.getByRole('button', { name: 'Thêm quầy' }).click();
  await expect(ward1.getByText('Quầy số 1', { exact: true })).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  await expect(page.getByRole('heading', { name: 'Tổ chức' })).toBeVisible();
  await expect(page.locator('header strong')).toHaveText('UBND Quận Gò Vấp');

  // The second ward from a spreadsheet: its problems first, in Vietnamese, row by row; then applied.
  const upload = page.getByLabel('Chọn tệp Excel đã điền');
  await upload.setInputFiles(await spreadsheet('lanh dao phuong 3'));
  await expect(
    page.getByText('Trang “Phường”, dòng 3, cột “Thư điện tử lãnh đạo phường”: không phải địa chỉ thư điện tử (lanh dao phuong 3)'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Áp dụng' })).toBeDisabled();
  await upload.setInputFiles(await spreadsheet('lanhdao.p3@govap.gov.vn'));
  await expect(page.getByText('4 mục mới, 0 mục thay đổi, 1 mục giữ nguyên.')).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page.getByText('Đã nhập xong: 4 mục mới, 0 mục thay đổi.')).toBeVisible();
  const ward3 = page.getByRole('region', { name: 'UBND Phường 3' });
  await expect(ward3.getByText('Quầy tiếp nhận hồ sơ đất đai', { exact: true })).toBeVisible();

  // A kiosk enrolled at the hand-made counter through the dashboard's link.
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await page.getByLabel('Phường').selectOption({ label: 'UBND Phường 1' });
  await page.getByLabel('Quầy').selectOption({ label: 'Quầy số 1' });
  await page.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
  const link = await page.locator('.enrolment a').getAttribute('href');
  expect(link).toContain('/kiosk/?enrol=');
  const kiosk = await page.context().newPage();
  await kiosk.goto(link!);
  await finishEnrolment(kiosk);
  await expect(kiosk.getByText('UBND Phường 1', { exact: true })).toBeVisible();
  await kiosk.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
  await sendAfterFirstTap(kiosk);
  await expect(kiosk.locator('[data-screen="start"]')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => wardCount(page, 'UBND Phường 1'), { timeout: 20_000 }).toBe(1);

  // Renamed: the report shows the new name for the rating given before.
  await page.getByRole('button', { name: 'Tổ chức' }).click();
  await ward1.getByRole('button', { name: 'Sửa' }).click();
  await ward1.getByLabel('Tên phường (ví dụ: UBND Phường 1)').fill('UBND Phường An Nhơn');
  await ward1.getByRole('button', { name: 'Lưu' }).click();
  const renamed = page.getByRole('region', { name: 'UBND Phường An Nhơn' });
  await expect(renamed).toBeVisible();
  expect(await wardCount(page, 'UBND Phường An Nhơn')).toBe(1);

  // Retired, after a confirmation: its kiosk shows the staff notice and takes no rating; history stays.
  await renamed.getByRole('button', { name: 'Ngừng hoạt động' }).first().click();
  await renamed.getByRole('button', { name: 'Xác nhận ngừng hoạt động' }).click();
  await expect(renamed.getByText(/Đã ngừng hoạt động từ/).first()).toBeVisible();
  await kiosk.reload();
  await expect(kiosk.getByRole('heading', { name: 'Ki-ốt tạm ngừng nhận đánh giá' })).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.getByText(/Dành cho cán bộ: phường hoặc quầy của ki-ốt này đã ngừng hoạt động/)).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Rất hài lòng', exact: true })).toHaveCount(0);
  await axe(kiosk);
  expect(await wardCount(page, 'UBND Phường An Nhơn')).toBe(1);

  // An account disabled while it is in use: its next request sends it back to sign-in.
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  const form = page.getByRole('form', { name: 'Tạo tài khoản' });
  await form.getByLabel('Tên đăng nhập').fill('xem.phuong3');
  await form.getByLabel('Vai trò').selectOption({ label: 'Người xem của phường' });
  await form.getByLabel('Phường', { exact: true }).selectOption({ label: 'UBND Phường 3' });
  await form.getByLabel('Mật khẩu ban đầu (ít nhất 10 ký tự)').fill('password123');
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(form.getByText('Mật khẩu cần ít nhất 10 ký tự và không được phổ biến hay dễ đoán')).toBeVisible();
  await form.getByLabel('Mật khẩu ban đầu (ít nhất 10 ký tự)').fill('mot-mat-khau-dai');
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản xem.phuong3.')).toBeVisible();
  await axe(page);

  const viewer = await viewerSignedIn(browser);
  const row = page.getByRole('row').filter({ hasText: 'xem.phuong3' });
  await row.getByRole('button', { name: 'Khoá' }).click();
  await row.getByRole('button', { name: 'Khoá' }).last().click();
  await expect(row.getByText('Đã khoá')).toBeVisible();
  await viewer.getByRole('button', { name: 'Báo cáo' }).click();
  await expect(viewer.getByText('Phiên đăng nhập đã hết: xin đăng nhập lại.')).toBeVisible();
  await viewer.getByLabel('Tên đăng nhập').fill('xem.phuong3');
  await viewer.getByLabel('Mật khẩu').fill('mot-mat-khau-dai');
  await viewer.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(viewer.getByRole('alert')).toHaveText('Tài khoản này đã bị khoá.');

  // Every step is in the audit log, in words.
  await page.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
  for (const action of [
    'Khoá tài khoản',
    'Ngừng hoạt động phường',
    'Sửa phường',
    'Tạo mã đăng ký ki-ốt',
    'Thêm quầy',
    'Sửa thông tin đơn vị',
  ])
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  await axe(page);
});

async function viewerSignedIn(browser: Browser) {
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, 'xem.phuong3', 'mot-mat-khau-dai');
  await expect(viewer.getByRole('button', { name: 'Báo cáo' })).toBeVisible();
  // The overview's figures are in (its page loads after sign-in): nothing is left to ask the server.
  await expect(viewer.locator('.overview')).toBeVisible();
  return viewer;
}
