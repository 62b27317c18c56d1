import { expect, test, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VARIANTS, variantName, viewportOf, walkCitizenScreens, walkTechnicianScreens, type Visit } from '../support/kiosk-screens';
import { foreignWords, untranslatedWords, vietnameseOnly } from '../support/dashboard-words';
import { kioskRules, layoutProblems } from '../support/layout-check';

/**
 * Issue #19's check on every kiosk screen, in both orientations, both languages and both text sizes:
 * nothing overlaps, nothing is clipped, nothing covers a control, targets and text are large enough,
 * and (in Vietnamese) no id, slug or English message shows.
 * With HAILONG_SCREENS set (`npm run screens`) each screen is also saved as a PNG for review.
 */
const screensDir = process.env.HAILONG_SCREENS;

// The kiosk's Vietnamese interface strings that English words differently: none may show in English.
const vietnameseStrings = vietnameseOnly('renderer');

for (const variant of VARIANTS) {
  const name = variantName(variant);
  const viewport = viewportOf(variant);
  const visitor =
    (page: Page, prefix: string): Visit =>
    async (screen, audience, shown = page) => {
      if (screensDir) {
        const dir = join(screensDir, name);
        await mkdir(dir, { recursive: true });
        await shown.screenshot({ path: join(dir, `${prefix}-${screen}.png`), animations: 'disabled' });
      }
      // Nothing a Vietnamese reader should not see: an id, a slug, an ISO date, an English message.
      if (variant.locale === 'vi') expect.soft(await foreignWords(shown, 'body'), `${screen} (${name}): words`).toEqual([]);
      else expect.soft(await untranslatedWords(shown, vietnameseStrings), `${screen} (${name}): words`).toEqual([]);
      const problems = await layoutProblems(shown, kioskRules(audience, viewport));
      expect
        .soft(
          problems.map((p) => `${p.kind}: ${p.what}`),
          `${screen} (${name})`,
        )
        .toEqual([]);
    };

  test(`citizen screens: ${name}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await walkCitizenScreens(page, variant, visitor(page, 'citizen'));
  });

  test(`technician screens: ${name}`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await walkTechnicianScreens(page, request, variant, visitor(page, 'technician'));
  });
}
