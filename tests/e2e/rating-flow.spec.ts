import { expect, test } from '@playwright/test';
import { builtinTemplate } from '../../shared/templates/builtin';
import { installPausedClock, PAST_THANK_YOU_MS, settle } from '../support/kiosk-time';
import { face, openKiosk, readQueue, readyToTap } from './support';

const sipas = builtinTemplate('sipas-5')!;

test('one tap is a whole rating, stored before the thank-you screen', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'quick');
  await face(page, 'Rất hài lòng').click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  const [record, ...rest] = await readQueue(page);
  expect(rest).toHaveLength(0);
  expect(record).toMatchObject({ state: 'pending', outcome: 'completed', overall: 5, templateId: 'quick', seq: 1 });
  // The thank-you screen leaves by itself.
  await page.clock.runFor(PAST_THANK_YOU_MS);
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
});

test('the start screen shows the ward, the counter, the question and five named faces', async ({ page }) => {
  await openKiosk(page);
  await expect(page.getByText('UBND Phường Tràng Tiền (demo)')).toBeVisible();
  await expect(page.getByText('Quầy số 1')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ông/Bà có hài lòng với sự phục vụ hôm nay không?' })).toBeVisible();
  const names = ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'];
  for (const name of names) {
    const box = await face(page, name).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(180);
    expect(box!.height).toBeGreaterThanOrEqual(180);
  }
  // Drawn faces, not emoji.
  await expect(page.locator('.face-button svg')).toHaveCount(5);
});

test('the full sipas-5 flow: every criterion, then a comment', async ({ page }) => {
  await openKiosk(page, 'sipas-5');
  await face(page, 'Hài lòng').click();
  const answers = ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
  for (const [i, criterion] of sipas.criteria.entries()) {
    await expect(page.getByText(`${i + 1}/${sipas.criteria.length}`, { exact: true })).toBeVisible();
    const group = page.getByRole('radiogroup', { name: criterion.label.vi });
    await expect(group).toBeVisible();
    await readyToTap(page, 'criteria');
    await group.getByRole('radio', { name: answers[i], exact: true }).click();
  }
  await expect(page.getByRole('heading', { name: 'Ông/Bà có góp ý gì thêm không?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Góp ý của Ông/Bà' }).fill('Cán bộ hướng dẫn tận tình, chu đáo.');
  await readyToTap(page, 'comment');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  const [record] = await readQueue(page);
  expect(record).toMatchObject({
    overall: 4,
    outcome: 'completed',
    comment: 'Cán bộ hướng dẫn tận tình, chu đáo.',
    criteria: {
      'tiep-can-dich-vu': 5,
      'thu-tuc-hanh-chinh': 4,
      'cong-chuc': 3,
      'ket-qua-giai-quyet': 4,
      'tiep-nhan-gop-y': 5,
    },
    reasons: [],
  });
});

test('an unsatisfied rating asks for reasons; every step can be skipped', async ({ page }) => {
  await openKiosk(page, 'sipas-5');
  await face(page, 'Rất không hài lòng').click();
  for (let i = 0; i < sipas.criteria.length; i++) {
    await expect(page.getByText(`${i + 1}/${sipas.criteria.length}`, { exact: true })).toBeVisible();
    await readyToTap(page, 'criteria');
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Điều gì khiến Ông/Bà chưa hài lòng?' })).toBeVisible();
  await page.getByRole('button', { name: 'Chờ đợi lâu' }).click();
  await page.getByRole('button', { name: 'Bị yêu cầu chi phí ngoài quy định' }).click();
  await expect(page.getByRole('button', { name: 'Chờ đợi lâu' })).toHaveAttribute('aria-pressed', 'true');
  await readyToTap(page, 'reasons');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await readyToTap(page, 'comment');
  await page.getByRole('button', { name: 'Bỏ qua' }).click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  const [record] = await readQueue(page);
  expect(record).toMatchObject({
    overall: 1,
    criteria: {},
    reasons: ['cho-doi-lau', 'chi-phi-ngoai-quy-dinh'],
    comment: '',
    outcome: 'completed',
  });
});

test('English mode, and the next citizen gets Vietnamese again', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'sipas-5');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Are you satisfied with our service today?' })).toBeVisible();
  for (const name of ['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied']) {
    await expect(face(page, name)).toBeVisible();
  }
  await face(page, 'Satisfied').click();
  await expect(page.getByRole('radiogroup', { name: 'Access to the service' })).toBeVisible();
  await settle(page, 'criteria');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: /Thank you/ })).toBeVisible();
  expect((await readQueue(page))[0]).toMatchObject({ locale: 'en', overall: 4 });
  await page.clock.runFor(PAST_THANK_YOU_MS);
  await expect(face(page, 'Hài lòng')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('walking away mid-flow keeps the answers, counts down, and resets', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'sipas-5');
  await face(page, 'Bình thường').click();
  await expect(page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' })).toBeVisible();
  await settle(page, 'criteria');
  await page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' }).getByRole('radio', { name: 'Hài lòng', exact: true }).click();
  await expect(page.getByRole('radiogroup', { name: 'Thủ tục hành chính' })).toBeVisible();
  await settle(page, 'criteria');
  await page.getByRole('radiogroup', { name: 'Thủ tục hành chính' }).getByRole('radio', { name: 'Bình thường', exact: true }).click();
  await expect(page.getByRole('radiogroup', { name: 'Công chức' })).toBeVisible();
  await page.clock.runFor(16_000);
  const countdown = page.getByRole('alertdialog');
  await expect(countdown).toBeVisible();
  await expect(countdown).toContainText(/\d giây/);
  await page.clock.runFor(5_000);
  await expect(face(page, 'Rất hài lòng')).toBeVisible();
  const [record] = await readQueue(page);
  expect(record).toMatchObject({
    outcome: 'timeout',
    overall: 3,
    criteria: { 'tiep-can-dich-vu': 4, 'thu-tuc-hanh-chinh': 3 },
  });
});

test('a touch during the countdown lets a slow reader continue', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'sipas-5');
  await face(page, 'Hài lòng').click();
  await expect(page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' })).toBeVisible();
  await page.clock.runFor(17_000);
  await page.getByRole('button', { name: 'Tiếp tục đánh giá' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.clock.runFor(10_000);
  await expect(page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' })).toBeVisible();
});

test('a double tap makes one rating', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'quick');
  await face(page, 'Hài lòng').dblclick();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  expect(await readQueue(page)).toHaveLength(1);
  // Taps on the thank-you screen are ignored, however long it stays.
  await page.mouse.click(400, 500);
  await page.mouse.click(900, 500);
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  await page.clock.runFor(PAST_THANK_YOU_MS);
  await expect(face(page, 'Hài lòng')).toBeVisible();
  expect(await readQueue(page)).toHaveLength(1);
  await page.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.face-button')][0]!;
    button.click();
    button.click();
    button.click();
  });
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  expect(await readQueue(page)).toHaveLength(2);
});

test('each citizen starts fresh: no answers, comment or language left behind', async ({ page }) => {
  await installPausedClock(page);
  await openKiosk(page, 'dvc-3');
  await page.getByRole('button', { name: 'English' }).click();
  await face(page, 'Not satisfied').click();
  await settle(page, 'reasons');
  await page.getByRole('button', { name: 'Long wait' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox')).toBeVisible();
  await page.getByRole('textbox').fill('Private words of the previous person');
  await page.clock.runFor(21_000); // walks away
  await expect(face(page, 'Chưa hài lòng')).toBeVisible();
  await face(page, 'Chưa hài lòng').click();
  await expect(page.getByRole('button', { name: 'Chờ đợi lâu' })).toHaveAttribute('aria-pressed', 'false');
  await settle(page, 'reasons');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByRole('textbox')).toHaveValue('');
});

test('a storage failure never fakes a thank-you: a calm apology, then the start screen', async ({ page }) => {
  await page.addInitScript(() => {
    const realAdd = IDBObjectStore.prototype.add;
    (window as unknown as { failWrites: boolean }).failWrites = true;
    IDBObjectStore.prototype.add = function (...args: Parameters<typeof realAdd>) {
      if ((window as unknown as { failWrites: boolean }).failWrites) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realAdd.apply(this, args);
    };
  });
  await installPausedClock(page);
  await openKiosk(page, 'quick');
  await face(page, 'Rất hài lòng').click();
  await expect(page.getByRole('heading', { name: 'Xin lỗi, máy tạm thời chưa ghi nhận được đánh giá' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/Error|at \w+ \(/);
  expect(await readQueue(page)).toHaveLength(0);
  // Logged for the technician.
  const log = await page.evaluate(() => localStorage.getItem('hai-long:errors'));
  expect(log).toContain('QuotaExceededError');
  // The storage comes back; the kiosk retries on the next tap.
  await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
  await page.clock.runFor(6_500);
  await face(page, 'Rất hài lòng').click();
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  expect(await readQueue(page)).toHaveLength(1);
});

test('no context menu, no text selection, no zoom', async ({ page }) => {
  await openKiosk(page);
  const prevented = await page.evaluate(() => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('h1')!.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute('content', /user-scalable=no/);
});
