import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { readQueueRecords } from '../support/kiosk-queue';

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

/** A person's pause between taps (longer than the double-tap guard). */
export const humanPause = (page: Page) => page.waitForTimeout(450);

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
  const created = await request.post(`${base}/api/v1/admin/enrolment-codes`, { headers: { 'x-csrf-token': csrfToken }, data: { wardId, counterId } });
  return (await created.json()) as { code: string; link: string };
}
