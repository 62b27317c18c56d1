import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { COUNTDOWN_SECONDS } from '../../shared/flow/rating-machine';
import { builtinTemplate } from '../../shared/templates/builtin';
import { holdAt, holdTechnicianCorner, installPausedClock, settle } from './kiosk-time';

/**
 * Walks the kiosk through every screen a citizen or a technician can meet, calling `visit` on each:
 * the layout check (tests/e2e/layout.spec.ts) and the review screenshots (`npm run screens`) share it.
 */
export interface Variant {
  orientation: 'portrait' | 'landscape';
  locale: 'vi' | 'en';
  textSize: 'normal' | 'large';
}
export type Audience = 'citizen' | 'technician';
/** Looks at `page` (the walk uses a second page for the enrolled kiosk). */
export type Visit = (screen: string, audience: Audience, page?: Page) => Promise<void>;

export const viewportOf = (v: Variant) => (v.orientation === 'portrait' ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 });
export const variantName = (v: Variant) => `${v.orientation}-${v.locale}-${v.textSize}`;

export const VARIANTS: Variant[] = (['portrait', 'landscape'] as const).flatMap((orientation) =>
  (['vi', 'en'] as const).flatMap((locale) => (['normal', 'large'] as const).map((textSize) => ({ orientation, locale, textSize }))),
);

const base = () => process.env.HAILONG_BASE_URL!;
const words = {
  vi: { skip: 'Bỏ qua', next: 'Tiếp tục', back: 'Quay lại', send: 'Gửi đánh giá', shift: '⇧ Chữ hoa', symbols: '123 ?!' },
  en: { skip: 'Skip', next: 'Next', back: 'Back', send: 'Send', shift: '⇧ Capital', symbols: '123 ?!' },
} as const;

/** The variant's text size. The technician's "Cỡ chữ" setting applies exactly this class (renderer/host/display.ts). */
async function applyTextSize(page: Page, v: Variant) {
  if (v.textSize === 'large') await page.evaluate(() => document.documentElement.classList.add('text-large'));
}

/** Opens a demo kiosk under a paused clock, in the variant's language and text size. */
async function open(page: Page, v: Variant, query: string) {
  await page.goto(`${base()}/kiosk/?${query}`);
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await applyTextSize(page, v);
  if (v.locale === 'en') await page.getByRole('button', { name: 'English' }).click();
}

async function tap(page: Page, screen: string, name: string, exact = true) {
  await settle(page, screen);
  await page.getByRole('button', { name, exact }).click();
}

const faceLabel = (templateId: string, value: number, locale: 'vi' | 'en') =>
  builtinTemplate(templateId)!.scale.find((l) => l.value === value)!.label[locale];

export async function walkCitizenScreens(page: Page, v: Variant, visit: Visit) {
  const w = words[v.locale];
  await installPausedClock(page);

  // Circular 01/2018: dossier code, factual criteria, reasons, comment.
  const tt01 = builtinTemplate('tt01-2018')!;
  await open(page, v, 'demo=tt01-2018');
  await visit('start', 'citizen');
  await page.getByRole('button', { name: faceLabel('tt01-2018', 2, v.locale), exact: true }).click();
  await expect(page.locator('[data-screen="dossier"]')).toBeVisible();
  await visit('dossier', 'citizen');
  const field = page.locator('[data-screen="dossier"] input');
  await field.fill('12345');
  await tap(page, 'dossier', w.next);
  await expect(page.locator('[data-screen="dossier"] [role="alert"]')).toBeVisible();
  await visit('dossier-invalid', 'citizen');
  await field.fill(tt01.dossier!.example);
  await visit('dossier-valid', 'citizen');
  await tap(page, 'dossier', w.next);
  for (const [i, criterion] of tt01.criteria.entries()) {
    await expect(page.getByRole('radiogroup', { name: criterion.label[v.locale] })).toBeVisible();
    await visit(`tt01-criterion-${i + 1}`, 'citizen');
    await settle(page, 'criteria');
    if (i === 0) {
      // Answered, then back to it: the saved answer must be unmistakable.
      await page.getByRole('radio', { name: criterion.levels[0]!.label[v.locale], exact: true }).click();
      await tap(page, 'criteria', w.back);
      await expect(page.getByRole('radio', { name: criterion.levels[0]!.label[v.locale], exact: true })).toHaveAttribute(
        'aria-checked',
        'true',
      );
      await visit('tt01-criterion-1-answered', 'citizen');
      await settle(page, 'criteria');
      await page.getByRole('radio', { name: criterion.levels[0]!.label[v.locale], exact: true }).click();
      continue;
    }
    await page.getByRole('button', { name: w.skip, exact: true }).click();
  }
  await expect(page.locator('[data-screen="reasons"]')).toBeVisible();
  await settle(page, 'reasons');
  await page.getByRole('button', { name: tt01.reasons[0]!.label[v.locale] }).click();
  await visit('reasons', 'citizen');
  await page.clock.runFor(tt01.idleTimeoutSeconds * 1000 - COUNTDOWN_SECONDS * 1000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await visit('walk-away-countdown', 'citizen');
  await page.getByRole('alertdialog').getByRole('button').click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await tap(page, 'reasons', w.next);
  await expect(page.locator('[data-screen="comment"]')).toBeVisible();
  const keyboard = page.getByRole('group', { name: v.locale === 'vi' ? 'Bàn phím' : 'Keyboard' });
  await keyboard.getByRole('button', { name: 'c', exact: true }).click();
  await visit('comment-letters', 'citizen');
  await keyboard.getByRole('button', { name: w.shift }).click();
  await visit('comment-shift', 'citizen');
  await keyboard.getByRole('button', { name: w.symbols }).click();
  await visit('comment-symbols', 'citizen');
  await tap(page, 'comment', w.send);
  await expect(page.locator('[data-screen="thanks"]')).toBeVisible();
  await visit('thanks', 'citizen');

  // The other built-in surveys' steps, and the start screen of a three-level survey.
  for (const id of ['sipas-5', 'hue-3']) {
    const template = builtinTemplate(id)!;
    await open(page, v, `demo=${id}`);
    await page.getByRole('button', { name: faceLabel(id, template.scale[0]!.value, v.locale), exact: true }).click();
    for (const [i, criterion] of template.criteria.entries()) {
      await expect(page.getByRole('radiogroup', { name: criterion.label[v.locale] })).toBeVisible();
      await visit(`${id}-criterion-${i + 1}`, 'citizen');
      await tap(page, 'criteria', w.skip);
    }
  }
  await open(page, v, 'demo=dvc-3');
  await visit('dvc-3-start', 'citizen');

  // "Who served you?": a counter whose ward lets the citizen pick the official.
  await open(page, v, 'demo=quick&officials=citizen');
  await page.getByRole('button', { name: faceLabel('quick', 5, v.locale), exact: true }).click();
  await expect(page.locator('[data-screen="official"]')).toBeVisible();
  await visit('official-picker', 'citizen');

  // The apology: the tap could not be stored.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, v, 'demo=quick');
  await page.getByRole('button', { name: faceLabel('quick', 4, v.locale), exact: true }).click();
  await expect(page.locator('[data-screen="apology"]')).toBeVisible();
  await visit('apology', 'citizen');
}

/** Types digits on the technician keypad, then confirms. */
async function typePin(page: Page, pin: string, confirm: string) {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: confirm }).click();
}

/**
 * Setup, enrolment problems and the confirmation of where the kiosk joined (Vietnamese: the
 * technician's screens before any citizen sees the kiosk), then technician mode in the variant.
 */
export async function walkTechnicianScreens(page: Page, request: APIRequestContext, v: Variant, visit: Visit) {
  if (v.locale === 'vi') {
    await page.goto(`${base()}/kiosk/`);
    await expect(page.locator('[data-screen="setup"]')).toBeVisible();
    await applyTextSize(page, v);
    await visit('setup', 'technician');
    await page.getByRole('textbox', { name: /Mã đăng ký/ }).fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
    await expect(page.locator('[data-screen="setup"] [role="alert"]')).toBeVisible();
    await visit('setup-code-refused', 'technician');

    await page.goto(`${base()}/kiosk/?enrol=AAAA-BBBB-CCCC`);
    await expect(page.locator('[data-screen="enrolment-problem"]')).toBeVisible();
    await applyTextSize(page, v);
    await visit('enrolment-problem', 'technician');

    // An enrolled kiosk of its own (a second browser profile), so the demo kiosk below stays a demo.
    const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), hasTouch: true });
    const kiosk = await context.newPage();
    await kiosk.clock.install();
    const { link } = await enrolment(request);
    await kiosk.goto(link);
    await expect(kiosk.locator('[data-screen="enrolled"]')).toBeVisible({ timeout: 20_000 });
    await applyTextSize(kiosk, v);
    await visit('enrolled', 'technician', kiosk);
    await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(kiosk.locator('[data-screen="pin-setup"]')).toBeVisible();
    await visit('pin-setup', 'technician', kiosk);
    await kiosk.getByRole('button', { name: '2', exact: true }).click();
    await kiosk.getByRole('button', { name: '4', exact: true }).click();
    await visit('pin-setup-typing', 'technician', kiosk);
    await typePin(kiosk, '68', 'Xác nhận');
    await expect(kiosk.getByText('Nhập lại mã PIN để xác nhận.')).toBeVisible();
    await typePin(kiosk, '2468', 'Xác nhận');
    await expect(kiosk.locator('[data-screen="start"]')).toBeVisible();
    // An enrolled kiosk's panel has what a demo's lacks: "Đồng bộ ngay" and the district's address.
    await holdTechnicianCorner(kiosk);
    await typePin(kiosk, '2468', 'Xác nhận');
    await expect(kiosk.getByRole('button', { name: 'Đồng bộ ngay' })).toBeVisible();
    await visit('technician-panel-enrolled', 'technician', kiosk);
    await context.close();
  }

  // Technician mode on a demo kiosk: set the PIN, then the panel and each tool.
  const confirm = v.locale === 'vi' ? 'Xác nhận' : 'Confirm';
  await installPausedClock(page);
  await open(page, v, 'demo=quick');
  await holdAt(page, 30, 30, 5_200);
  await page.clock.resume();
  await expect(page.locator('[data-screen="pin-setup"]')).toBeVisible();
  await typePin(page, '2468', confirm);
  await typePin(page, '2468', confirm);
  await expect(page.locator('[data-screen="diagnostics"]')).toBeVisible();
  await visit('technician-panel', 'technician');
  const tools = page.locator('[data-screen="kiosk-tools"]');
  await tools.getByRole('button', { name: /Xuất đánh giá chưa gửi|Export unsent ratings/ }).click();
  await expect(tools.getByRole('status').or(tools.getByRole('alert'))).toBeVisible();
  await visit('technician-export', 'technician');
  await tools.getByRole('button', { name: /Chuyển sang quầy khác|Move to another counter/ }).click();
  await expect(tools.getByRole('button', { name: /Bấm lần nữa|Press again/ })).toBeVisible();
  await visit('technician-move-confirm', 'technician');
  await tools.getByRole('button', { name: v.locale === 'vi' ? 'Kiểm tra cảm ứng' : 'Touch test' }).click();
  await expect(page.locator('[data-screen="touch-test"]')).toBeVisible();
  await page.locator('.touch-target').first().dispatchEvent('pointerdown');
  await visit('technician-touch-test', 'technician');
  await page.locator('[data-screen="touch-test"] .primary').click();
  // Back at the PIN prompt, as the technician meets it the next time.
  await page.getByRole('button', { name: v.locale === 'vi' ? 'Thoát' : 'Exit' }).click();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await pausedHold(page);
  await expect(page.locator('[data-screen="technician-pin"]')).toBeVisible();
  await page.getByRole('button', { name: '1', exact: true }).click();
  await visit('technician-pin', 'technician');
}

async function pausedHold(page: Page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 2_000);
  await holdAt(page, 30, 30, 5_200);
  await page.clock.resume();
}

/** A code for one of the E2E server's test counters (kept apart from the specs that count). */
async function enrolment(request: APIRequestContext) {
  const login = await request.post(`${base()}/api/v1/admin/login`, { data: { username: 'admin', password: 'test-admin-password' } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await request.post(`${base()}/api/v1/admin/enrolment-codes`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { wardId: 'hang-bac', counterId: 'quay-1' },
  });
  return (await created.json()) as { code: string; link: string };
}
