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

/** More than this many ratings within one minute at one counter is faster than people queue. */
export const BURST_MAX_PER_MINUTE = 6;

/** A kiosk's ceiling: more ratings than this in a window of so many minutes raises an alert. */
export interface Ceiling {
  ratings: number;
  minutes: number;
}

/**
 * The district server's own verdict, whatever a kiosk's flag says (a token copied off a kiosk can
 * send anything). `stored` counts the kiosk's ratings already stored near these, per minute of their
 * corrected time (`Math.floor(ms / 60 000)`); `fresh` are the new ones' instants. A new rating is a
 * burst when its minute holds more than `maxPerMinute` of the kiosk's ratings (stored and new
 * together: a minute that full is not people queueing, so none of its new ratings counts), or when
 * the kiosk already has `ceiling.ratings` in the ceiling's window of whole minutes up to its own
 * (stored, or new and earlier). Every rating counts towards the windows, burst or not. Verdicts on
 * stored ratings are never changed. Counting per minute keeps the work bounded by the minutes a
 * batch spans, however many ratings someone crammed into one of them.
 */
export function judgeBursts(
  stored: ReadonlyMap<number, number>,
  fresh: readonly number[],
  limits: { maxPerMinute: number; ceiling: Ceiling },
): { burst: boolean[]; ceilingCrossed: boolean } {
  const minuteOf = (t: number) => Math.floor(t / MINUTE_MS);
  const perMinute = new Map(stored);
  for (const t of fresh) perMinute.set(minuteOf(t), (perMinute.get(minuteOf(t)) ?? 0) + 1);
  // What the windows have seen so far: the stored, then each new rating as it is judged, in time order.
  const seen = new Map(stored);
  let ceilingCrossed = false;
  const order = fresh.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t);
  const burst = new Array<boolean>(fresh.length).fill(false);
  for (const { t, i } of order) {
    const minute = minuteOf(t);
    let inWindow = 0;
    for (let m = minute - limits.ceiling.minutes + 1; m <= minute; m++) inWindow += seen.get(m) ?? 0;
    const overCeiling = inWindow >= limits.ceiling.ratings;
    if (overCeiling) ceilingCrossed = true;
    burst[i] = perMinute.get(minute)! > limits.maxPerMinute || overCeiling;
    seen.set(minute, (seen.get(minute) ?? 0) + 1);
  }
  return { burst, ceilingCrossed };
}

/** Instants as the per-minute counts `judgeBursts` takes. */
export function perMinute(instants: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of instants) counts.set(Math.floor(t / MINUTE_MS), (counts.get(Math.floor(t / MINUTE_MS)) ?? 0) + 1);
  return counts;
}
