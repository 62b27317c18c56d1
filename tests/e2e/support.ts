import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { readQueueRecords } from '../support/kiosk-queue';
import { readyToTap } from '../support/kiosk-time';
import { builtinTemplate } from '../../shared/templates/builtin';

export const kioskUrl = (demoTemplate = 'sipas-5') => {
  const base = process.env.HAILONG_BASE_URL;
  if (!base) throw new Error('HAILONG_BASE_URL is not set: run through playwright.config.ts');
  return `${base}/kiosk/?demo=${demoTemplate}`;
};

export async function openKiosk(page: Page, demoTemplate = 'sipas-5') {
  await page.goto(kioskUrl(demoTemplate));
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
}

/** Reads the kiosk's queue straight from IndexedDB, independent of the app's own code. */
export const readQueue = readQueueRecords;

export { readyToTap } from '../support/kiosk-time';

/**
 * From the first criterion of the sipas-5 survey to the comment after an unsatisfied face: every
 * criterion skipped, the reasons passed. `ready` waits out the double-tap guard (`settle` under a
 * paused clock).
 */
export async function skipToComment(page: Page, ready: (page: Page, screen: string) => Promise<void> = readyToTap) {
  const { criteria } = builtinTemplate('sipas-5')!;
  for (let i = 0; i < criteria.length; i++) {
    await expect(page.getByText(`${i + 1}/${criteria.length}`, { exact: true })).toBeVisible();
    await ready(page, 'criteria');
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
  }
  await ready(page, 'reasons');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.locator('[data-screen="comment"]')).toBeVisible();
}

/** "Gửi đánh giá" on whatever question follows the first tap, once a tap there counts. */
export async function sendAfterFirstTap(page: Page) {
  const send = page.getByRole('button', { name: 'Gửi đánh giá' });
  await expect(send).toBeVisible();
  await readyToTap(page);
  await send.click();
}

export const face = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

export async function expectNoScroll(page: Page) {
  const size = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight,
    innerWidth,
    overflowing: [...document.querySelectorAll('.main *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > innerHeight + 1 || r.right > innerWidth + 1;
    }).length,
  }));
  expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
  expect(size.overflowing).toBe(0);
}

/** Signs in as the seeded admin through the API and makes an enrolment code for a counter. */
export async function createEnrolment(request: APIRequestContext, wardId: string, counterId: string) {
  const base = process.env.HAILONG_BASE_URL!;
  const login = await request.post(`${base}/api/v1/admin/login`, { data: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
  const { csrfToken } = await login.json();
  const created = await request.post(`${base}/api/v1/admin/enrolment-codes`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { wardId, counterId },
  });
  return (await created.json()) as { code: string; link: string };
}
