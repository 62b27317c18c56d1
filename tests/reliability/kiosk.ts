import { expect, type Page } from '@playwright/test';
import { newRatingId } from '../../shared/ids';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { QueuedRating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';

const LEVELS = ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'];

/** Opens an enrolment link on a kiosk page whose clock is installed, and waits for the start screen. */
export async function enrolKiosk(page: Page, link: string): Promise<KioskConfig> {
  await page.goto(link);
  await expect(page.locator('[data-screen="start"]')).toBeVisible({ timeout: 20_000 });
  return kioskConfig(page);
}

export async function kioskConfig(page: Page): Promise<KioskConfig> {
  const value = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('config');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result?.value);
          };
        };
      }),
  );
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
      await page.waitForTimeout(450);
      await send.click();
    }
    await expect(thanks).toBeVisible();
    await page.clock.runFor(10_000);
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
  }
}

/**
 * Ratings a kiosk took while nobody watched (weeks offline), written into its queue as its own
 * storage writes them: validated against the shared schema, numbered from its sequence counter, in
 * strict-durability transactions. `clockMs` is the kiosk's own clock (it may be wrong).
 */
export async function queueRatings(
  page: Page,
  config: KioskConfig,
  count: number,
  options: { clockMs: number; poison?: (index: number) => boolean } = { clockMs: Date.now() },
) {
  const chunk = 5_000;
  for (let from = 0; from < count; from += chunk) {
    const records = Array.from({ length: Math.min(chunk, count - from) }, (_, k) => {
      const index = from + k;
      const completed = new Date(options.clockMs - (count - index) * 200);
      return QueuedRating.parse({
        id: newRatingId(),
        kioskId: config.kioskId,
        wardId: config.ward.id,
        counterId: config.counter.id,
        templateId: config.template.id,
        // A poisoned rating names a template version the server never had.
        templateVersion: options.poison?.(index) ? 999 : config.template.version,
        startedAt: toIsoWithOffset(new Date(completed.getTime() - 20_000), 420),
        completedAt: toIsoWithOffset(completed, 420),
        locale: 'vi',
        flags: [],
        overall: (index % 5) + 1,
        criteria: {},
        reasons: [],
        comment: '',
        outcome: 'completed',
        seq: 1, // numbered in the page, from the kiosk's own counter
        state: 'pending',
        syncedAt: null,
      });
    });
    await page.evaluate(
      (batch) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hai-long-kiosk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['ratings', 'meta'], 'readwrite', { durability: 'strict' });
            const meta = tx.objectStore('meta');
            const read = meta.get('nextSeq');
            read.onsuccess = () => {
              let seq = (read.result?.value as number | undefined) ?? 1;
              for (const record of batch) tx.objectStore('ratings').add({ ...record, seq: seq++ });
              meta.put({ key: 'nextSeq', value: seq });
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );
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
  const all = await page.evaluate(
    () =>
      new Promise<QueuedRating[]>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('ratings').objectStore('ratings').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as QueuedRating[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  return {
    confirmed: all.filter((r) => r.state !== 'open').map((r) => r.id),
    pending: all.filter((r) => r.state === 'pending').length,
    synced: all.filter((r) => r.state === 'synced').length,
    quarantined: all.filter((r): r is Extract<QueuedRating, { state: 'quarantined' }> => r.state === 'quarantined'),
    open: all.filter((r) => r.state === 'open').length,
  };
}

/** Pending ratings, counted on the queue's index (cheap even with 20,000 queued). */
export function pendingCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const index = open.result.transaction('ratings').objectStore('ratings').index('[state+seq]');
          const request = index.count(IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]));
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Waits until the kiosk has nothing left to send. */
export async function drained(page: Page, timeout: number) {
  await expect.poll(() => pendingCount(page), { timeout, intervals: [500, 1000] }).toBe(0);
}

/** Tells the kiosk the network is back: it sends at once instead of waiting out its backoff. */
export const networkBack = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));
