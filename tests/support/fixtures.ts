import type { NewRating, Rating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';

export const KIOSK_ID = '7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5f';

/** A valid UUIDv7 that sorts by n. */
export const ratingId = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A rating as the first tap makes it, at the demo ward's counter. */
export const sampleNewRating = (n: number, overrides: Partial<NewRating> = {}): NewRating => ({
  id: ratingId(n),
  kioskId: KIOSK_ID,
  wardId: 'trang-tien',
  counterId: 'quay-1',
  templateId: 'sipas-5',
  templateVersion: 1,
  startedAt: '2026-11-22T08:00:00.000+07:00',
  locale: 'vi',
  flags: [],
  overall: 5,
  criteria: {},
  reasons: [],
  comment: '',
  ...overrides,
});

/** A finished rating as a kiosk sends it, at `at` in Vietnam time. */
export const sampleRating = (n: number, at: Date, overrides: Partial<Rating> = {}): Rating => ({
  ...sampleNewRating(n, { startedAt: toIsoWithOffset(at, 420) }),
  seq: n,
  completedAt: toIsoWithOffset(at, 420),
  outcome: 'completed',
  ...overrides,
});
