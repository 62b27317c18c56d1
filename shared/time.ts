const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * ISO 8601 with the device's own offset ("2026-11-22T07:02:33.123+07:00"): the wall-clock time the
 * citizen saw, and enough to recover the instant. `offsetMinutes` is east of UTC (Vietnam: +420).
 */
export function toIsoWithOffset(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`
  );
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant: reports group by it. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
