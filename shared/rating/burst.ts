const MINUTE_MS = 60_000;

/**
 * A burst is more ratings within one minute than people can give at one counter (children playing,
 * someone tapping to skew results). Burst ratings are kept but flagged, so reports can leave them out.
 * Returns the window to remember (the last minute's start times, this one included) and the verdict.
 */
export function checkBurst(recentStartsMs: readonly number[], nowMs: number, maxPerMinute: number): { window: number[]; burst: boolean } {
  const window = recentStartsMs.filter((t) => t > nowMs - MINUTE_MS && t <= nowMs);
  window.push(nowMs);
  return { window, burst: window.length > maxPerMinute };
}
