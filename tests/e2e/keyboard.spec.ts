import { expect, test, type Page } from '@playwright/test';
import { builtinTemplate } from '../../shared/templates/builtin';
import { finishEnrolment } from '../support/technician-pin';
import { installPausedClock, settle } from '../support/kiosk-time';
import { createEnrolment, expectNoScroll, openKiosk, readyToTap, skipToComment } from './support';

/** Presses the on-screen keys for a string, as a finger would ("^" = Shift for the next letter). */
async function press(page: Page, keys: string) {
  const keyboard = page.getByRole('group', { name: 'Bàn phím' });
  let capital = false;
  for (const key of keys) {
    if (key === '^') {
      await keyboard.getByRole('button', { name: '⇧ Chữ hoa' }).click();
      capital = true;
      continue;
    }
    const name = key === ' ' ? 'Dấu cách' : key === '<' ? 'Xoá ký tự' : capital ? key.toUpperCase() : key;
    await keyboard.getByRole('button', { name, exact: true }).click();
    capital = false;
  }
}

test('a citizen writes a Vietnamese comment on the on-screen keyboard (Telex, then VNI); it reaches the district’s feedback list', async ({
  page,
  request,
}) => {
  const base = process.env.HAILONG_BASE_URL!;
  await page.goto((await createEnrolment(request, 'trang-tien', 'quay-1')).link);
  await finishEnrolment(page);
  await page.getByRole('button', { name: 'Rất không hài lòng', exact: true }).click();
  // Skip the criteria and reasons to the comment.
  const comment = page.getByRole('textbox', { name: 'Góp ý của Ông/Bà' });
  await skipToComment(page);
  // Vietnamese types Telex by default; the method hides behind one small "Kiểu gõ" key.
  await expect(page.getByRole('button', { name: 'Kiểu gõ Telex, chạm để đổi' })).toBeVisible();
  await press(page, '^cans booj chuwa nhieetj tinhf');
  await expect(comment).toHaveValue('Cán bộ chưa nhiệt tình');
  // A typo fixed with backspace, then the rest in VNI.
  await press(page, ' x<');
  await page.getByRole('button', { name: 'Kiểu gõ Telex, chạm để đổi' }).click();
  await expect(page.getByRole('button', { name: 'Kiểu gõ VNI, chạm để đổi' })).toBeVisible();
  await expectNoScroll(page); // the number row VNI needs still fits
  await press(page, 'vi2 pha3i cho72 lau');
  await expect(comment).toHaveValue('Cán bộ chưa nhiệt tình vì phải chờ lau');
  await expect(page.getByText('38/500 ký tự')).toBeVisible();
  await readyToTap(page, 'comment');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();

  const login = await request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: 'test-admin-password' } });
  expect(login.ok()).toBe(true);
  await expect
    .poll(
      async () => {
        const feedback = (await (await request.get(`${base}/api/v1/admin/feedback?wardId=trang-tien&pageSize=100`)).json()) as {
          items: { comment: string }[];
        };
        return feedback.items.map((f) => f.comment);
      },
      { timeout: 20_000 },
    )
    .toContain('Cán bộ chưa nhiệt tình vì phải chờ lau');
});

test('typing holds off the walk-away reset, on the on-screen keys and on a real keyboard; stopping lets it come', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'sipas-5');
  await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
  const comment = page.getByRole('textbox', { name: 'Góp ý của Ông/Bà' });
  await skipToComment(page, settle);
  // The template's idle timeout is 20 s: a slow typist's keys, 12 s apart, for a minute.
  for (const key of 'chaaaa') {
    await page.clock.runFor(12_000);
    await press(page, key);
  }
  for (const key of 'm quas') {
    await page.clock.runFor(12_000);
    await comment.press(key === ' ' ? 'Space' : key);
  }
  await expect(page.locator('[data-screen="comment"]')).toBeVisible();
  // Then nobody: the countdown, and the kiosk starts over for the next citizen.
  await page.clock.runFor(30_000);
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
});

test('in English the keyboard types plain letters and offers no Vietnamese typing method', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Very dissatisfied', exact: true }).click();
  const { criteria } = builtinTemplate('sipas-5')!;
  for (let i = 0; i < criteria.length; i++) {
    await settle(page, 'criteria');
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
  }
  await settle(page, 'reasons');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('[data-screen="comment"]')).toBeVisible();
  const keyboard = page.getByRole('group', { name: 'Keyboard' });
  for (const key of 'we waited') {
    await keyboard.getByRole('button', { name: key === ' ' ? 'Space' : key, exact: true }).click();
  }
  await expect(page.getByRole('textbox', { name: 'Your comment' })).toHaveValue('we waited');
  await expect(keyboard.getByRole('button', { name: /Typing/ })).toHaveCount(0);
});
