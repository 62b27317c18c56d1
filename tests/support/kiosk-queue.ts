import type { Page } from '@playwright/test';
import { newRatingId } from '../../shared/ids';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { QueuedRating, type FinishedRating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';

/**
 * Ratings a kiosk took while nobody watched (weeks offline), written into its queue as its own
 * storage writes them: validated against the shared schema, numbered from its sequence counter, in
 * strict-durability transactions. `clockMs` is the kiosk's own clock (it may be wrong).
 */
export async function queueRatings(
  page: Page,
  config: KioskConfig,
  count: number,
  options: { clockMs: number; spacingMs?: number; poison?: (index: number) => boolean } = { clockMs: Date.now() },
) {
  const chunk = 5_000;
  for (let from = 0; from < count; from += chunk) {
    const records = Array.from({ length: Math.min(chunk, count - from) }, (_, k) => {
      const index = from + k;
      const completed = new Date(options.clockMs - (count - index) * (options.spacingMs ?? 200));
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
        state: 'finished',
      });
    });
    await page.evaluate(
      (batch) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hai-long-kiosk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['ratings', 'outbox', 'meta'], 'readwrite', { durability: 'strict' });
            const meta = tx.objectStore('meta');
            const read = meta.get('nextSeq');
            read.onsuccess = () => {
              let seq = (read.result?.value as number | undefined) ?? 1;
              for (const record of batch) {
                tx.objectStore('ratings').add({ ...record, seq });
                const { state: _state, ...rating } = record;
                tx.objectStore('outbox').add({ ...rating, seq: seq++ }); // finished: its copy waits for the server
              }
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

/** Ratings waiting for the server, counted in the queue's outbox (cheap even with 20,000 queued). */
export function pendingCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outbox').objectStore('outbox').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** One entry of the kiosk's `meta` store (configuration, device token, PIN hash), read straight from IndexedDB. */
export function readKioskMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (wanted) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get(wanted);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { value?: unknown } | undefined)?.value);
          };
        };
      }),
    key,
  );
}

/** A queued rating as the queue reports it: a finished one is `pending` while in the outbox, else `synced`. */
export type QueueRecord = Exclude<QueuedRating, { state: 'finished' }> | (Omit<FinishedRating, 'state'> & { state: 'pending' | 'synced' });

/** Every rating in the kiosk's queue in sequence order, read straight from IndexedDB, independent of the app's code. */
export function readQueueRecords(page: Page): Promise<QueueRecord[]> {
  return page.evaluate(
    () =>
      new Promise<QueueRecord[]>((resolve, reject) => {
        const open = indexedDB.open('hai-long-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['ratings', 'outbox']);
          const ratings = tx.objectStore('ratings').getAll();
          const waiting = tx.objectStore('outbox').getAllKeys();
          tx.oncomplete = () => {
            open.result.close();
            const inOutbox = new Set(waiting.result as number[]);
            const records = (ratings.result as QueuedRating[]).map((r) =>
              r.state === 'finished' ? { ...r, state: inOutbox.has(r.seq) ? 'pending' : 'synced' } : r,
            ) as QueueRecord[];
            resolve(records.sort((a, b) => a.seq - b.seq));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
