import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { catalogue, foreignWords, untranslatedWords, vietnameseOnly } from '../support/dashboard-words';
import { layoutProblems } from '../support/layout-check';

/**
 * Issue #18's check on every dashboard page, at the sizes district officers use: no serious axe
 * finding, no overlapping or clipped text, and nothing a Vietnamese reader should not see (ids,
 * slugs, ISO dates, English validator messages).
 */
const base = () => process.env.HAILONG_BASE_URL!;
const pages = [
  'Tổng quan',
  'Cảnh báo',
  'Báo cáo',
  'Chấm điểm TT01',
  'Biên bản đầy đủ dữ liệu',
  'Hồ sơ đánh giá trùng',
  'Ki-ốt',
  'Đăng ký ki-ốt',
  'Mẫu khảo sát',
  'Công chức',
  'Góp ý',
  'Tổ chức',
  'Tài khoản',
  'Nhật ký thay đổi',
];

/** Text boxes that overlap or clip their words, said as "overlap: …". */
async function overlapsAndClipping(page: Page) {
  const problems = await layoutProblems(page, {});
  return problems.filter((p) => p.kind === 'overlap' || p.kind === 'clipped').map((p) => `${p.kind}: ${p.what}`);
}

async function signIn(page: Page) {
  await page.goto(`${base()}/admin/`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`every dashboard page reads in Vietnamese, lays out cleanly and passes axe: ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await signIn(page);
    for (const name of pages) {
      await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name }).first()).toBeVisible();
      // The page's data is in: no loading line left.
      await expect(page.getByText(/Đang tải/)).toHaveCount(0);
      expect.soft(await foreignWords(page), `${name}: words`).toEqual([]);
      expect.soft(await overlapsAndClipping(page), `${name}: layout`).toEqual([]);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      expect.soft(serious, `${name}: axe`).toEqual([]);
    }
  });
}

test('every dashboard page reads in English when English is chosen: no Vietnamese interface text, no keys, clean layout', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const english = catalogue('dashboard', 'en');
  const vietnamese = vietnameseOnly('dashboard');
  const navKeys = Object.keys(english).filter((key) => key.startsWith('nav.') && !key.startsWith('nav.group.') && key !== 'nav.logout');
  for (const key of navKeys) {
    const name = english[key]!;
    const link = page.getByRole('navigation').getByRole('button', { name, exact: true });
    if ((await link.count()) === 0) continue;
    await link.click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByText(/Loading|Đang tải/)).toHaveCount(0);
    expect.soft(await untranslatedWords(page, vietnamese), `${name}: words`).toEqual([]);
    expect.soft(await overlapsAndClipping(page), `${name}: layout`).toEqual([]);
  }
});
