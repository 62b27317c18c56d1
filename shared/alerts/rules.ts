import { z } from 'zod';
import { isSatisfied } from '../rating/satisfied';

/** A ward's alert settings, set by the district. */
export const AlertSettings = z.strictObject({
  /** The satisfied share (Hài lòng or better) is checked over this many most recent ratings … */
  window: z.int().min(10).max(1000).default(50),
  /** … and an alert is raised when it falls below this share. */
  minSatisfiedShare: z.number().min(0).max(1).default(0.7),
  /** A kiosk not heard from for this long (during opening hours) raises a fleet alert. */
  silentAfterMinutes: z
    .int()
    .min(10)
    .max(7 * 24 * 60)
    .default(120),
  /**
   * A kiosk's ceiling: more ratings than this within `ceilingMinutes` is more than a counter serves.
   * The excess is stored and flagged (left out of reports by default), and the district is alerted.
   */
  ceilingRatings: z.int().min(10).max(10_000).default(30),
  ceilingMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /**
   * Numbers missing from a kiosk's count (neither on the server nor held by the kiosk) for this long
   * raise an alert. Not at once: a batch can be overtaken by the next one for a moment.
   */
  gapAlertAfterMinutes: z
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export type Alert =
  | { kind: 'very-dissatisfied-comment'; ratingId: string; wardId: string }
  | { kind: 'satisfaction-drop'; wardId: string; share: number; window: number }
  | { kind: 'silent-kiosk'; kioskId: string; wardId: string; silentMinutes: number }
  | { kind: 'kiosk-ceiling'; kioskId: string; wardId: string; ratings: number; minutes: number }
  | { kind: 'sequence-gap'; kioskId: string; wardId: string; incarnation: string; incarnationNumber: number; first: number; last: number }
  | { kind: 'kiosk-recounting'; kioskId: string; wardId: string; incarnationNumber: number };

/** What the rules look at in a rating: its place, how satisfied, and whether the citizen wrote. */
export interface RatedItem {
  id: string;
  wardId: string;
  /** 1 (Rất không hài lòng) … 5 (Rất hài lòng) on a five-level scale; 0 when not answered. */
  overall: number;
  scaleSize: number;
  comment: string;
}

const isVeryDissatisfied = (r: Pick<RatedItem, 'overall'>) => r.overall === 1;

/** A "Rất không hài lòng" with words from the citizen: someone should read it today. */
export function ratingAlerts(rating: RatedItem): Alert[] {
  return isVeryDissatisfied(rating) && rating.comment.trim().length > 0
    ? [{ kind: 'very-dissatisfied-comment', ratingId: rating.id, wardId: rating.wardId }]
    : [];
}

/**
 * The ward's satisfied share over its last `window` answered ratings (newest last). Raised once when
 * it falls below the threshold; not again until it has recovered (`wasLow` is the previous verdict).
 */
export function satisfactionAlert(
  wardId: string,
  recent: readonly RatedItem[],
  settings: AlertSettings,
  wasLow: boolean,
): { alert: Alert | null; low: boolean } {
  const answered = recent.filter((r) => r.overall > 0).slice(-settings.window);
  if (answered.length < settings.window) return { alert: null, low: wasLow };
  const share = answered.filter((r) => isSatisfied(r.overall, r.scaleSize)).length / answered.length;
  const low = share < settings.minSatisfiedShare;
  return { alert: low && !wasLow ? { kind: 'satisfaction-drop', wardId, share, window: settings.window } : null, low };
}

/** Kiosks not heard from for too long, counted only while their counter is open (`openMinutesSince`). */
export function silentKioskAlerts(
  kiosks: readonly { id: string; wardId: string; lastSeenAt: number | null; revoked: boolean }[],
  settings: AlertSettings,
  openMinutesSince: (since: number | null) => number,
): Alert[] {
  return kiosks
    .filter((k) => !k.revoked)
    .map((k) => ({ k, minutes: openMinutesSince(k.lastSeenAt) }))
    .filter(({ minutes }) => minutes > settings.silentAfterMinutes)
    .map(({ k, minutes }) => ({ kind: 'silent-kiosk', kioskId: k.id, wardId: k.wardId, silentMinutes: minutes }));
}
