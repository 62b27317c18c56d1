const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export { vietnamDay } from '../shared/time';

/** Server time as ISO with Vietnam's offset, for answers kiosks read. */
export function serverTimeIso(now: Date): string {
  return `${new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/** A stored instant (milliseconds) as the API gives it: ISO with Vietnam's offset; null stays null. */
export function isoAt(ms: number): string;
export function isoAt(ms: number | null): string | null;
export function isoAt(ms: number | null): string | null {
  return ms === null ? null : serverTimeIso(new Date(ms));
}

/** The instant a Vietnam calendar day (YYYY-MM-DD) begins, in epoch milliseconds. */
export const vietnamMidnight = (day: string) => Date.parse(`${day}T00:00:00+07:00`);

/**
 * The instant `days` working days (Monday to Friday, Vietnam time) before `now`: an item received
 * before it has waited longer than that. Public holidays are not known here and count as working days.
 */
export function workingDaysBefore(now: Date, days: number): number {
  let at = now.getTime();
  for (let left = days; left > 0;) {
    at -= 86_400_000;
    const weekday = new Date(at + VIETNAM_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}
