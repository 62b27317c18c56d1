import { expect, type Page } from '@playwright/test';
import { SETTLE_MS } from '../../shared/flow/rating-machine';

/**
 * How the browser tests keep time: they wait for the app's own signals, never for the clock.
 *
 * - A tap that lands within 350 ms of a screen appearing is ignored (the double-tap guard). The kiosk
 *   marks the moment taps count again with `data-settled="true"` on its main area; the flag turns
 *   false in the same render that shows a new screen or criterion. So a test first waits for the
 *   screen it expects (by `screen` here, or by its heading), then for the flag.
 * - Where a test needs time itself to pass (walk-away countdown, a held corner), it installs
 *   Playwright's clock and pauses it, so nothing moves while the test looks (axe can take seconds on a
 *   busy machine), and `runFor` moves time exactly as far as the test says.
 */
export async function readyToTap(page: Page, screen?: string) {
  const main = page.locator('main.main[data-settled="true"]');
  await expect(screen ? main.locator(`[data-screen="${screen}"]`) : main).toBeAttached();
}

/**
 * Pauses the page's installed clock where it stands (give or take the margin): from here on only
 * `page.clock.runFor` moves time, and timers fire only then. `pauseAt` refuses a time already past,
 * so on a machine slow enough to pass the margin it tries again with a larger one.
 */
export async function pauseClock(page: Page, marginMs = 1_000) {
  for (let margin = marginMs; ; margin *= 4) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + margin);
      return;
    } catch (error) {
      if (!/past/i.test(String(error)) || margin > 60_000) throw error;
    }
  }
}

/** Installs Playwright's clock at the real time, paused before the page loads: only `runFor` moves it. */
export async function installPausedClock(page: Page) {
  await page.clock.install({ time: Date.now() });
  // The fake clock runs at the real pace from its install until paused, so Node's time is its time.
  for (let margin = 1_000; ; margin *= 4) {
    try {
      await page.clock.pauseAt(Date.now() + margin);
      return;
    } catch (error) {
      if (!/past/i.test(String(error)) || margin > 60_000) throw error;
    }
  }
}

/** Holds a point of the screen for `ms` of the page's (paused) clock, as a finger does. */
export async function holdAt(page: Page, x: number, y: number, ms: number) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.clock.runFor(ms);
  await page.mouse.up();
}

/**
 * Runs `audit` (axe-core) on a page whose clock is paused. axe yields with `setTimeout(…, 0)`, which a
 * paused clock never fires, so for the audit's length the page's setTimeout runs its callback on the
 * next turn of the message loop instead; the app's own timers stay where they are in the paused clock.
 */
export async function withPausedAppTimers<T>(page: Page, audit: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const paused = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout };
    w.__pausedTimers = paused;
    const mine = new Set<number>();
    let next = 2_000_000_000;
    w.setTimeout = (run: (...args: unknown[]) => void, _ms?: number, ...args: unknown[]) => {
      const id = next++;
      mine.add(id);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (mine.delete(id)) run(...args);
      };
      channel.port2.postMessage(null);
      return id;
    };
    w.clearTimeout = (id: number) => (mine.delete(id) ? undefined : paused.clearTimeout(id));
  });
  try {
    return await audit();
  } finally {
    await page.evaluate(() => Object.assign(window, (window as unknown as Record<string, object>).__pausedTimers));
  }
}

/**
 * Under a paused clock: the person's pause between two taps, moved on purpose, then the app's word.
 * The screen must be showing first: a screen that appears after a write (the first tap's) would
 * otherwise count its 350 ms from after the clock moved.
 */
export async function settle(page: Page, screen?: string) {
  if (screen) await expect(page.locator(`[data-screen="${screen}"]`)).toBeAttached();
  await page.clock.runFor(SETTLE_MS);
  await readyToTap(page, screen);
}

/** Longer than any thank-you a configuration allows (`thankYouSeconds` is at most 30). */
export const PAST_THANK_YOU_MS = 30_000;

/**
 * The technician's way in: the top left corner held for five seconds of the page's clock (installed
 * by the test before the page loaded), paused meanwhile, so a busy machine cannot stretch a short
 * touch into a long one. The clock runs on afterwards (sync's timers need it).
 */
export async function holdTechnicianCorner(page: Page, ms = 5_200) {
  await pauseClock(page);
  await holdAt(page, 30, 30, ms);
  await page.clock.resume();
}
