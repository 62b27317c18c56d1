import { expect, type Page } from '@playwright/test';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import type { QueuedRating } from '../../shared/schema/rating';
import { pendingCount, readKioskMeta, readQueueRecords } from '../support/kiosk-queue';
import { readyToTap } from '../support/kiosk-time';
import { finishEnrolment } from '../support/technician-pin';

export { pendingCount, queueRatings } from '../support/kiosk-queue';

const LEVELS = ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'];

/** Opens an enrolment link on a kiosk page whose clock is installed, and waits for the start screen. */
export async function enrolKiosk(page: Page, link: string): Promise<KioskConfig> {
  await page.goto(link);
  await finishEnrolment(page);
  return kioskConfig(page);
}

export async function kioskConfig(page: Page): Promise<KioskConfig> {
  const value = await readKioskMeta(page, 'config');
  return KioskConfig.parse(value);
}

/**
 * A citizen's rating through the screens: a face, then "Gửi đánh giá" on the next question, and the
 * thank-you. The page's clock is installed, so the thank-you's timer is skipped instead of waited.
 */
export async function rateOnScreen(page: Page, count: number, start = 0) {
  for (let i = 0; i < count; i++) {
    await page.getByRole('button', { name: LEVELS[(start + i) % LEVELS.length]!, exact: true }).click();
    const thanks = page.getByRole('heading', { name: /Cảm ơn/ });
    const send = page.getByRole('button', { name: 'Gửi đánh giá' });
    await expect(thanks.or(send)).toBeVisible();
    if (await send.isVisible()) {
      await readyToTap(page);
      await send.click();
    }
    await expect(thanks).toBeVisible();
    await page.clock.runFor(10_000);
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
  }
}

export interface KioskQueue {
  /** Every rating the kiosk finalised (thank-you shown, walked away from, or interrupted). */
  confirmed: string[];
  pending: number;
  synced: number;
  quarantined: Extract<QueuedRating, { state: 'quarantined' }>[];
  open: number;
}

/** The kiosk's queue, read straight from IndexedDB, independent of the app's code. */
export async function readKioskQueue(page: Page): Promise<KioskQueue> {
  const all = await readQueueRecords(page);
  return {
    confirmed: all.filter((r) => r.state !== 'open').map((r) => r.id),
    pending: all.filter((r) => r.state === 'pending').length,
    synced: all.filter((r) => r.state === 'synced').length,
    quarantined: all.filter((r): r is Extract<QueuedRating, { state: 'quarantined' }> => r.state === 'quarantined'),
    open: all.filter((r) => r.state === 'open').length,
  };
}

/** Waits until the kiosk has nothing left to send. */
export async function drained(page: Page, timeout: number) {
  await expect.poll(() => pendingCount(page), { timeout, intervals: [500, 1000] }).toBe(0);
}

/** Tells the kiosk the network is back: it sends at once instead of waiting out its backoff. */
export const networkBack = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));
