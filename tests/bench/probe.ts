/**
 * Injected into the kiosk page before it loads: records the timestamps of taps (click), the
 * app's performance marks and Element Timing paints of each screen's heading, all on one clock.
 */
export const probeScript = () => {
  const bench = {
    taps: [] as number[],
    marks: [] as { name: string; t: number; detail: unknown }[],
    paints: [] as { t: number; text: string }[],
    longTasks: [] as { t: number; duration: number }[],
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  // The moment a button acts on a tap is its click (after the finger lifts).
  addEventListener('click', (e) => bench.taps.push(e.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.marks.push({ name: e.name, t: e.startTime, detail: (e as PerformanceMark).detail });
  }).observe({ type: 'mark', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { renderTime: number; loadTime: number; element: Element | null }[]) {
      bench.paints.push({ t: e.renderTime || e.loadTime, text: e.element?.textContent ?? '' });
    }
  }).observe({ type: 'element', buffered: true });
  // The page's thread busy for 50 ms or more: a tap arriving then waits for it.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ t: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

export interface Probe {
  taps: number[];
  marks: { name: string; t: number; detail: unknown }[];
  paints: { t: number; text: string }[];
  longTasks: { t: number; duration: number }[];
}

/**
 * Shortens the kiosk's long screen timers so hundreds of ratings fit in a run, while Date,
 * performance.now() and event timestamps stay real (Playwright's fake clock fakes them). Screen
 * timers of a few seconds (thank-you, apology) take `screenMs`; longer ones (walk-away resets, sync's
 * interval) take `longMs`, still longer than a pause between taps.
 */
export const shortTimersScript = ({ screenMs, longMs }: { screenMs: number; longMs: number }) => {
  const realSetTimeout = window.setTimeout.bind(window);
  const shortened = (delay: number | undefined) => (delay === undefined || delay < 2000 ? delay : delay <= 10_000 ? screenMs : longMs);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    realSetTimeout(handler, shortened(delay), ...args)) as typeof window.setTimeout;
};
