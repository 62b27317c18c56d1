import { z } from 'zod';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 07:30');

/**
 * When the counter is open, in Vietnam's time (UTC+7, no daylight saving): per weekday (1 = Monday …
 * 7 = Sunday), one or more periods. The display stays awake in them; updates install outside them.
 */
export const OpeningHours = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.strictObject({ from: Time, to: Time })).max(4))
  .refine((days) => Object.values(days).every((periods) => periods.every((p) => p.from < p.to)), 'each period must end after it starts');
export type OpeningHours = z.infer<typeof OpeningHours>;

/** A one-stop counter's usual week: Monday to Friday 07:30–11:30 and 13:30–17:00, Saturday morning. */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  '1': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '2': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '3': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '4': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '5': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '6': [{ from: '07:30', to: '11:30' }],
};

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Whether the counter is open at this instant (the kiosk's clock, read as Vietnam time). */
export function isOpen(hours: OpeningHours, at: Date): boolean {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const weekday = String(((local.getUTCDay() + 6) % 7) + 1) as keyof OpeningHours;
  const time = local.toISOString().slice(11, 16);
  return (hours[weekday] ?? []).some((period) => period.from <= time && time < period.to);
}

/**
 * An update is installed only when no citizen can be using the kiosk: outside opening hours, and
 * never in the middle of a rating (the kiosk on its start screen).
 */
export function mayInstallUpdate(hours: OpeningHours, at: Date, onStartScreen: boolean): boolean {
  return onStartScreen && !isOpen(hours, at);
}

/** One day's periods as a technician types them: "07:30-11:30, 13:30-17:00" (empty = closed). */
export function parsePeriods(text: string): { from: string; to: string }[] | null {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const periods = parts.map((part) => /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part));
  if (periods.some((m) => m === null)) return null;
  const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;
  return periods.map((m) => ({ from: pad(m![1]!, m![2]!), to: pad(m![3]!, m![4]!) }));
}

export const formatPeriods = (periods: readonly { from: string; to: string }[] = []) => periods.map((p) => `${p.from}-${p.to}`).join(', ');

/** Minutes the counter was open between two instants (Vietnam time): how long a kiosk's silence matters. */
export function openMinutesBetween(hours: OpeningHours, from: number, to: number): number {
  if (to <= from) return 0;
  const minute = 60_000;
  let total = 0;
  // Day by day, in Vietnam's calendar, adding each period's overlap with [from, to].
  for (let day = Math.floor((from + VIETNAM_OFFSET_MS) / 86_400_000); day * 86_400_000 - VIETNAM_OFFSET_MS < to; day++) {
    const midnight = day * 86_400_000 - VIETNAM_OFFSET_MS;
    const weekday = String(((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1) as keyof OpeningHours;
    for (const period of hours[weekday] ?? []) {
      const at = (time: string) => midnight + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * minute;
      total += Math.max(0, Math.min(to, at(period.to)) - Math.max(from, at(period.from)));
    }
  }
  return Math.floor(total / minute);
}
