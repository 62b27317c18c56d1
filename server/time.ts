const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant: reports group by it. */
export function vietnamDay(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Server time as ISO with Vietnam's offset, for answers kiosks read. */
export function serverTimeIso(now: Date): string {
  return `${new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}
