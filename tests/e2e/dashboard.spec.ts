import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { toIsoWithOffset } from '../../shared/time';
import { Rating } from '../../shared/schema/rating';
import { exportPublicKey, newExportKeyPair, signExport } from '../../shared/sync/export-file';
import { sampleRating } from '../support/fixtures';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { createEnrolment } from './support';
import { foreignWords, untranslatedWords, vietnameseOnly } from '../support/dashboard-words';
import { layoutProblems } from '../support/layout-check';

const base = () => process.env.HAILONG_BASE_URL!;

async function audit(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what}: ${v.id}`)).toEqual([]);
}

/** A kiosk at Phường Cửa Nam that has sent some ratings, made through the real API. */
async function kioskWithRatings(request: APIRequestContext, levels: number[], comment = 'Cần thêm ghế chờ') {
  const code = await createEnrolment(request, 'cua-nam', 'quay-1');
  const kiosk = await (await request.post(`${base()}/api/v1/enrol`, { data: { code: code.code } })).json();
  const now = new Date();
  const first = Math.floor(Math.random() * 1e9);
  const ratings = levels.map((overall, i) =>
    sampleRating(first + i, now, {
      kioskId: kiosk.kioskId,
      seq: i + 1,
      wardId: 'cua-nam',
      templateId: kiosk.config.template.id,
      templateVersion: kiosk.config.template.version,
      overall,
      comment: i === 0 ? comment : '',
    }),
  );
  const sent = await request.post(`${base()}/api/v1/ratings/batches`, {
    headers: { authorization: `Bearer ${kiosk.deviceToken}` },
    data: { batchId: crypto.randomUUID(), kioskId: kiosk.kioskId, sentAt: toIsoWithOffset(now, 420), ratings },
  });
  expect((await sent.json()).accepted).toHaveLength(levels.length);
  return kiosk.kioskId as string;
}

async function signIn(page: Page) {
  await page.goto(`${base()}/admin/`);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await audit(page, 'login');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('wrong password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
  await page.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
}

test('a district officer signs in, reads the overview and a report, and exports it', async ({ page, request }) => {
  await kioskWithRatings(request, [5, 4, 4, 2, 1, 5]);
  await signIn(page);
  await expect(page.getByText(/Số lượt đánh giá quý này: \d+/)).toBeVisible();
  await audit(page, 'overview');

  await page.getByRole('button', { name: 'Báo cáo' }).click();
  // The current quarter at once, said in words; every change reloads.
  const vietnam = new Date(Date.now() + 7 * 3_600_000);
  const [year, month] = [vietnam.getUTCFullYear(), vietnam.getUTCMonth() + 1];
  const caption = page.locator('table.report caption');
  await expect(caption).toContainText(`Quý ${Math.floor((month - 1) / 3) + 1}/${year}`);
  const row = page.getByRole('row', { name: /UBND Phường Cửa Nam/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Rất hài lòng' })).toBeVisible();
  await audit(page, 'reports');
  // The analysis under the table: the period before, the heat map by weekday and hour, figures written out.
  await expect(page.getByRole('heading', { name: 'So với kỳ trước' })).toBeVisible();
  const heatmap = page.locator('table.heatmap');
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator('td:not(.none)').first()).toHaveText(/^\d+(,\d)?% · \d+$/);
  await expect(page.getByText(/Không tính \d+ lượt dồn dập và \d+ hồ sơ đánh giá lặp lại/)).toBeVisible();
  await page.getByRole('radio', { name: 'Tháng' }).click();
  await expect(caption).toContainText(`Tháng ${month}/${year}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bao-cao-hai-long_quan-hoan-kiem-du-lieu-mau_${year}-${String(month).padStart(2, '0')}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toMatch(/UBND Phường Cửa Nam;\d+;/);
  // Every grouping names its rows in words: wards, counters, officials, surveys, criteria, months.
  for (const grouping of ['Toàn quận', 'Quầy', 'Công chức', 'Tiêu chí', 'Mẫu khảo sát', 'Tháng', 'Phường']) {
    await page.getByLabel('Nhóm theo').selectOption({ label: grouping });
    await expect(page.locator('table.report tbody tr').first()).toBeVisible();
    expect(await foreignWords(page), grouping).toEqual([]);
    if (grouping === 'Tháng') await expect(page.locator('table.report tbody th').first()).toHaveText(`Tháng ${month}/${year}`);
  }
  // A range of days written as offices write them (dd/mm/yyyy, whatever the browser's language), typed or picked.
  const mm = String(month).padStart(2, '0');
  await page.getByRole('radio', { name: 'Khoảng ngày' }).click();
  const from = page.getByLabel('Từ ngày', { exact: true });
  await expect(from).toHaveValue(`01/${mm}/${year}`);
  await from.fill('31/02/2026');
  await from.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Viết ngày theo ngày/tháng/năm, ví dụ 01/10/2026.');
  await expect(caption).toContainText(`01/${mm}/${year}`);
  await from.fill(`2/${mm}/${year}`);
  await from.press('Enter');
  await expect(caption).toContainText(`02/${mm}/${year}`);
  await expect(from).toHaveValue(`02/${mm}/${year}`);
  await page.getByRole('button', { name: 'Đến ngày: chọn trên lịch' }).click();
  const calendar = page.getByRole('dialog', { name: 'Đến ngày' });
  await expect(calendar.getByRole('grid')).toBeVisible();
  await audit(page, 'reports calendar');
  // Days before the range's start cannot be picked.
  await expect(calendar.locator('button', { hasText: /^1$/ })).toBeDisabled();
  await calendar.locator('button', { hasText: /^3$/ }).click();
  await expect(calendar).toBeHidden();
  await expect(caption).toContainText(`02/${mm}/${year} – 03/${mm}/${year}`);
  // A range cannot end before it starts: said under the field, the report unchanged.
  const to = page.getByLabel('Đến ngày', { exact: true });
  await to.fill(`01/${mm}/${year}`);
  await to.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(`Chọn từ ngày 02/${mm}/${year} trở đi.`);
  await expect(caption).toContainText(`02/${mm}/${year} – 03/${mm}/${year}`);
  await to.fill(`3/${mm}/${year}`);
  await to.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A failed request clears the old table and says why, in Vietnamese.
  await page.route('**/api/v1/reports?**', (route) =>
    route.fulfill({ status: 503, json: { error: { code: 'overloaded', message: 'The server is busy' } } }),
  );
  await page.getByLabel('Nhóm theo').selectOption({ label: 'Quầy' });
  await expect(page.getByRole('alert')).toContainText('Không tải được báo cáo');
  await expect(page.getByRole('alert')).not.toContainText('busy');
  await expect(page.locator('table.report')).toHaveCount(0);
  await page.unroute('**/api/v1/reports?**');

  await page.getByRole('button', { name: 'Góp ý' }).click();
  // A worklist: found by a search, opened to the rating it came from, answered where it is.
  await page.getByLabel('Tìm trong góp ý').fill('ghế chờ');
  const item = page.getByRole('row').filter({ hasText: 'Cần thêm ghế chờ' }).first();
  await expect(item).toContainText('UBND Phường Cửa Nam – Quầy số 1');
  await expect(item).toContainText('Rất hài lòng');
  await audit(page, 'feedback');
  await item.getByRole('button', { name: 'Xem, xử lý' }).click();
  const detail = page.locator('.feedback-detail').first();
  await detail.getByLabel('Trạng thái').selectOption({ label: 'Đang xử lý' });
  await detail.getByLabel('Người xử lý').fill('Trần Văn Minh');
  await detail.getByRole('button', { name: 'Lưu' }).click();
  await expect(detail.getByRole('status')).toHaveText('Đã lưu.');
  await expect(item).toContainText('Trần Văn Minh');
  await audit(page, 'feedback detail');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Feedback' })).toBeVisible();
  // In English the report's rows are named in English where they have a name, the analysis too.
  await page.getByRole('navigation').getByRole('button', { name: 'Reports', exact: true }).click();
  const vietnamese = vietnameseOnly('dashboard');
  for (const grouping of ['Whole district', 'Month', 'Survey template', 'Criterion', 'Counter', 'Ward']) {
    await page.getByLabel('Group by').selectOption({ label: grouping });
    await expect(page.locator('table.report tbody tr').first()).toBeVisible();
    expect(await untranslatedWords(page, vietnamese), grouping).toEqual([]);
    if (grouping === 'Whole district') await expect(page.locator('table.report tbody th').first()).toHaveText('Whole district');
    if (grouping === 'Month') await expect(page.locator('table.report tbody th').first()).toContainText(String(year));
  }
});

test('enrolment makes a code with a QR link, and the fleet shows the kiosk', async ({ page, request }) => {
  const kioskId = await kioskWithRatings(request, [5]);
  await signIn(page);
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await page.getByLabel('Phường').selectOption({ label: 'UBND Phường Hàng Bạc' });
  await page.getByLabel('Quầy').selectOption({ label: 'Quầy số 2' });
  await page.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
  await expect(page.getByText(/Mã đăng ký: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mã QR của đường dẫn đăng ký' })).toBeVisible();
  await expect(page.getByRole('link', { name: /\/kiosk\/\?enrol=/ })).toBeVisible();
  await audit(page, 'enrolment');

  await page.getByRole('button', { name: 'Ki-ốt', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(kioskId.slice(0, 8)) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('UBND Phường Cửa Nam – Quầy số 1');
  // Revoking asks first, saying what it means; cancelling changes nothing.
  await row.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  const asking = row.getByRole('group', { name: /Ki-ốt này sẽ ngừng gửi\. Các đánh giá chưa gửi vẫn được giữ trên ki-ốt\./ });
  await expect(asking).toBeVisible();
  await audit(page, 'fleet revoke question');
  await asking.getByRole('button', { name: 'Huỷ' }).click();
  await expect(asking).toBeHidden();
  await expect(row).toContainText('Bình thường');
  await row.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  await asking.getByRole('button', { name: 'Thu hồi ki-ốt' }).click();
  await expect(row.getByRole('status')).toHaveText('Đã thu hồi. Cấp mã đăng ký lại để ki-ốt gửi tiếp những gì nó giữ.');
  await expect(row).toContainText('Đã thu hồi');
  await expect(row.getByRole('button', { name: 'Thu hồi', exact: true })).toHaveCount(0);
  // A re-enrolment code for this kiosk: same kiosk, new token (for a revoked one, or a lost token).
  await row.getByRole('button', { name: 'Cấp mã đăng ký lại' }).click();
  const card = page.getByRole('region', { name: new RegExp(`Mã đăng ký lại cho ki-ốt ${kioskId.slice(0, 8)}`) });
  await expect(card.getByText(/Mã đăng ký: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)).toBeVisible();
  await audit(page, 'fleet');
  await page.getByRole('button', { name: 'Mẫu khảo sát' }).click();
  await expect(page.getByRole('heading', { name: /Chỉ số hài lòng SIPAS/ })).toBeVisible();
  await audit(page, 'templates');
  // A new template, made from a copy of the quick one, appears with version 1.
  const quick = page.locator('section.template', { has: page.getByRole('heading', { name: /Đánh giá nhanh/ }) });
  await quick.getByRole('button', { name: 'Tạo mẫu mới từ mẫu này' }).click();
  // The editor is a form, both languages side by side, the kiosk previewed beside it.
  const name = `Mẫu thử nghiệm ${Date.now() % 100_000}`;
  await quick.getByRole('group', { name: 'Tên mẫu' }).getByLabel('Tiếng Việt').fill(name);
  await quick.getByRole('button', { name: 'Thêm tiêu chí' }).click();
  const criterion = quick.getByRole('group', { name: 'Tiêu chí 1' });
  await criterion.getByLabel('Tiếng Việt').fill('Số lần phải đến');
  await criterion.getByLabel('Tiếng Anh').fill('Visits needed');
  const question = quick.getByRole('group', { name: 'Câu hỏi của tiêu chí' });
  await question.getByLabel('Tiếng Việt').fill('Ông/Bà phải đến mấy lần?');
  // Saving what is incomplete says what is missing, in Vietnamese, and saves nothing.
  await quick.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(quick.getByRole('alert')).toContainText('cần cả tiếng Việt và tiếng Anh');
  await question.getByLabel('Tiếng Anh').fill('How many times did you come?');
  await quick.getByLabel('Cách trả lời').selectOption({ label: 'Bằng chữ (sự việc: số lần, thời hạn)' });
  const preview = quick.getByRole('complementary', { name: 'Xem trước trên ki-ốt' });
  await expect(preview).toContainText('1/1 Số lần phải đến');
  // A fact's answers in its own words, both languages.
  const firstAnswer = criterion.locator('..').getByRole('group', { name: 'Câu trả lời 1' });
  await firstAnswer.getByLabel('Tiếng Việt').fill('Một lần');
  await firstAnswer.getByLabel('Tiếng Anh').fill('Once');
  await expect(preview.locator('.preview-answers').first()).toContainText('Một lần');
  // Reasons asked at the bottom two levels; one of them only at the very bottom.
  const reasons = quick.getByRole('group', { name: 'Lý do chưa hài lòng' });
  await quick.getByRole('button', { name: 'Thêm lý do' }).click();
  const reason = reasons.getByRole('group', { name: 'Lý do 1' });
  await reason.getByLabel('Tiếng Việt').fill('Bị yêu cầu chi phí ngoài quy định');
  await reason.getByLabel('Tiếng Anh').fill('Asked for unofficial fees');
  await reasons.getByRole('checkbox', { name: 'Rất không hài lòng' }).first().check();
  await reasons.getByRole('checkbox', { name: 'Không hài lòng', exact: true }).first().check();
  const offeredAt = reasons.getByRole('group', { name: 'Hỏi khi người dân chọn' });
  await offeredAt.getByRole('checkbox', { name: 'Không hài lòng', exact: true }).uncheck();
  // The last level left cannot be taken away: a reason offered nowhere would be lost.
  await expect(offeredAt.getByRole('checkbox', { name: 'Rất không hài lòng' })).toBeDisabled();
  await expect(preview).toContainText('Bị yêu cầu chi phí ngoài quy định (Rất không hài lòng)');
  await quick.getByLabel('Hỏi mã hồ sơ trên giấy tiếp nhận').check();
  await quick.getByLabel('Thử một mã').fill('12345');
  await expect(quick.getByText('✗ Mã này không đúng dạng.')).toBeVisible();
  await quick.getByLabel('Thử một mã').fill('000.00.15.H26-241122-0001');
  await expect(quick.getByText('✓ Mã này đúng dạng.')).toBeVisible();
  await audit(page, 'template editor');
  await quick.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(quick.getByRole('status')).toHaveText('Đã lưu phiên bản mới.');
  await expect(quick.getByRole('complementary')).toHaveCount(0);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const saved = ((await (await page.request.get(`${base()}/api/v1/admin/templates`)).json()) as { name: { vi: string } }[]).find(
    (tpl) => tpl.name.vi === name,
  ) as unknown as { criteria: { levels: { label: { vi: string } }[] }[]; reasons: { levels?: number[] }[]; reasonsFor: number[] };
  expect(saved.criteria[0]!.levels[0]!.label.vi).toBe('Một lần');
  expect(saved.reasons[0]!.levels).toEqual([1]);
  expect(saved.reasonsFor.sort()).toEqual([1, 2]);
  await page.getByRole('button', { name: 'Chấm điểm TT01' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await audit(page, 'tt01');
});

test('the public results page shows aggregates only and prints', async ({ page, request }) => {
  await kioskWithRatings(request, [5, 5, 1]);
  await page.goto(`${base()}/public/`);
  await expect(page.getByRole('heading', { name: 'Kết quả đánh giá sự hài lòng của người dân, tổ chức' })).toBeVisible();
  await expect(page.getByRole('row', { name: /UBND Phường Cửa Nam/ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Cần thêm ghế chờ');
  await audit(page, 'public');
  // Vietnamese figures and periods: "Quý 4/2026", a decimal comma, months as T1…T12.
  await expect(page.locator('.period')).toHaveText(/^Quý [1-4]\/\d{4}$/);
  await expect(page.locator('.headline .big').first()).toHaveText(/^\d+,\d%$/);
  // The QR code leads back to this page.
  await expect(page.getByRole('img', { name: 'Mã QR đến trang kết quả' }).locator('svg')).toBeVisible();
  await expect(page.locator('.address')).toHaveText(`${base()}/public/`);

  // On the phones people scan it with, and on a wall screen: nothing wider than the screen, nothing
  // overlapping or clipped.
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 390, height: 844 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
    expect(size.scroll, `${viewport.width} px`).toBeLessThanOrEqual(size.inner);
    const layout = (await layoutProblems(page, {})).filter((p) => p.kind === 'overlap' || p.kind === 'clipped');
    expect(layout, `${viewport.width} px`).toEqual([]);
  }

  // The poster: one A4 page.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
});

test('officials: the district sets an official’s shift PIN and photo and the ward’s way of attributing ratings', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Công chức' }).click();
  const ward = page.getByRole('region', { name: 'UBND Phường Thử Quản Trị' });
  const row = ward.getByRole('row').filter({ hasText: 'Lê Thị Bình' });
  await expect(row).toContainText('Chưa đặt');
  await row.getByLabel('Mã PIN mới cho Lê Thị Bình (6–10 số)').fill('12');
  await row.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN gồm 6 đến 10 chữ số.');
  await row.getByLabel('Mã PIN mới cho Lê Thị Bình (6–10 số)').fill('246810');
  await row.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(row).toContainText('Đã đặt');
  await row.getByLabel('Chọn ảnh…').setInputFiles({ name: 'binh.png', mimeType: 'image/png', buffer: await readFile('build/icon.png') });
  await expect(row.locator('img.official-thumb')).toBeVisible();
  await ward.getByLabel('Ghi nhận công chức:').selectOption('citizen');
  await expect(page.getByRole('status')).toHaveText('Đã lưu.');
  await audit(page, 'officials');
  // The kiosks of that ward get both with their configuration.
  const { code } = await createEnrolment(page.request, 'phuong-thu-quan-tri', 'quay-1');
  const kiosk = await (await page.request.post(`${base()}/api/v1/enrol`, { data: { code } })).json();
  expect(kiosk.config.attribution).toBe('citizen');
  expect(kiosk.config.officials.find((o: { name: string }) => o.name === 'Lê Thị Bình').photo).toMatch(/^data:image\/jpeg;base64,/);
});

test('alerts: a very dissatisfied citizen’s comment reaches the alerts page and is acknowledged with a note', async ({ page, request }) => {
  const comment = `Chờ quá lâu, không ai hướng dẫn (${Math.random().toString(36).slice(2, 8)})`;
  await kioskWithRatings(request, [1, 5], comment);
  await signIn(page);
  await page.getByRole('button', { name: 'Cảnh báo' }).click();
  const alert = page.getByRole('listitem').filter({ hasText: comment });
  await expect(alert).toContainText('Công dân "Rất không hài lòng" góp ý');
  await audit(page, 'alerts');
  await alert.getByLabel('Đã xử lý thế nào:').fill('Đã gọi điện xin lỗi, hẹn trả kết quả sớm');
  await alert.getByRole('button', { name: 'Xác nhận đã xử lý' }).click();
  await expect(alert).toHaveCount(0);
  await page.getByRole('button', { name: 'Đã xử lý', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: comment })).toContainText('admin xác nhận lúc');
});

test('USB import: the Fleet page takes a kiosk’s signed export file once; importing it again counts nothing twice', async ({
  page,
  request,
}) => {
  const code = await createEnrolment(request, 'phuong-thu-quan-tri', 'quay-2');
  // The kiosk's export key, as a kiosk makes it at enrolment: the server gets only the public half.
  const pair = await newExportKeyPair();
  const keys = { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
  const kiosk = await (await request.post(`${base()}/api/v1/enrol`, { data: { code: code.code, exportKey: keys.publicKey } })).json();
  const first = Math.floor(Math.random() * 1e9);
  const ratings = [5, 3].map((overall, i) =>
    Rating.parse(
      sampleRating(first + i, new Date(), {
        kioskId: kiosk.kioskId,
        seq: i + 1,
        wardId: 'phuong-thu-quan-tri',
        counterId: 'quay-2',
        templateId: kiosk.config.template.id,
        templateVersion: kiosk.config.template.version,
        overall,
        criteria: {},
      }),
    ),
  );
  const file = await signExport({ kioskId: kiosk.kioskId, exportedAt: toIsoWithOffset(new Date(), 420), ratings }, keys);
  const upload = { name: 'hai-long-export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  await signIn(page);
  await page.getByRole('button', { name: 'Ki-ốt', exact: true }).click();
  const card = page.getByRole('region', { name: 'Nhập tệp từ ki-ốt (USB)' });
  await card.getByLabel('Chọn tệp xuất từ ki-ốt…').setInputFiles(upload);
  await expect(card.getByRole('status')).toContainText('2 đánh giá trong tệp — 2 mới, 0 đã có, 0 bị từ chối');
  await card.getByLabel('Chọn tệp xuất từ ki-ốt…').setInputFiles(upload);
  await expect(card.getByRole('status')).toContainText('2 đánh giá trong tệp — 0 mới, 2 đã có, 0 bị từ chối');
  await card
    .getByLabel('Chọn tệp xuất từ ki-ốt…')
    .setInputFiles({ ...upload, buffer: Buffer.from(JSON.stringify({ ...file, signature: '0'.repeat(64) })) });
  await expect(card.getByRole('alert')).toContainText('Không nhập được tệp');
  await audit(page, 'fleet with import');
});
