import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { COUNTDOWN_SECONDS } from '../../shared/flow/rating-machine';
import { builtinTemplate } from '../../shared/templates/builtin';
import { installPausedClock, settle, withPausedAppTimers } from '../support/kiosk-time';
import { expectNoScroll, face, openKiosk } from './support';

const viewports = [
  { name: 'landscape 1920×1080', width: 1920, height: 1080 },
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
];

async function audit(page: Page, screen: string) {
  const { violations } = await withPausedAppTimers(page, () => new AxeBuilder({ page }).analyze());
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

async function check(page: Page, screen: string) {
  await expectNoScroll(page);
  await audit(page, screen);
}

for (const viewport of viewports) {
  for (const locale of ['vi', 'en'] as const) {
    test(`every screen fits without scrolling and passes axe: ${viewport.name}, ${locale}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      // Paused: the audits may take seconds on a busy machine, and no timer (walk-away, countdown)
      // may fire while they look.
      await installPausedClock(page);
      // tt01-2018 has the longest answer labels, the dossier code, reasons and a comment.
      const template = builtinTemplate('tt01-2018')!;
      await openKiosk(page, template.id);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
      await check(page, 'start');
      await face(page, template.scale[4]!.label[locale]).click();
      await expect(page.locator('[data-screen="dossier"]')).toBeVisible();
      await check(page, 'dossier');
      await settle(page, 'dossier');
      await page.getByRole('button', { name: locale === 'vi' ? 'Bỏ qua' : 'Skip' }).click();
      for (const criterion of template.criteria) {
        await expect(page.getByRole('radiogroup', { name: criterion.label[locale] })).toBeVisible();
        for (const level of criterion.levels) {
          const box = await page.getByRole('radio', { name: level.label[locale], exact: true }).boundingBox();
          expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(180);
        }
        await check(page, `criterion ${criterion.id}`);
        await settle(page, 'criteria');
        await page.getByRole('button', { name: locale === 'vi' ? 'Bỏ qua' : 'Skip' }).click();
      }
      await expect(page.locator('[data-screen="reasons"]')).toBeVisible();
      await check(page, 'reasons');
      // Up to the countdown's first second, and no further while it is audited.
      await page.clock.runFor(template.idleTimeoutSeconds * 1000 - COUNTDOWN_SECONDS * 1000);
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await check(page, 'countdown');
      await page.getByRole('alertdialog').getByRole('button').click();
      await expect(page.getByRole('alertdialog')).toBeHidden();
      await settle(page, 'reasons');
      await page.getByRole('button', { name: locale === 'vi' ? 'Tiếp tục' : 'Next' }).click();
      await expect(page.locator('[data-screen="comment"]')).toBeVisible();
      await check(page, 'comment');
      await settle(page, 'comment');
      await page.getByRole('button', { name: locale === 'vi' ? 'Gửi đánh giá' : 'Send' }).click();
      await expect(page.locator('[data-screen="thanks"]')).toBeVisible();
      await check(page, 'thanks');
    });
  }

  test(`the apology screen fits and passes axe: ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // Paused: the apology leaves by itself after six seconds, which an audit must not race.
    await installPausedClock(page);
    await page.addInitScript(() => {
      IDBObjectStore.prototype.add = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openKiosk(page, 'quick');
    await face(page, 'Hài lòng').click();
    await expect(page.locator('[data-screen="apology"]')).toBeVisible();
    await check(page, 'apology');
  });
}
