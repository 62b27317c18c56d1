import { v7 } from 'uuid';

/** Time-ordered ids (RFC 9562 UUIDv7), monotonic within one kiosk session. */
export const newRatingId = (): string => v7();
