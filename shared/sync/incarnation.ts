import { z } from 'zod';
import { Incarnation } from '../schema/sequence';

/** Every incarnation a kiosk's storage has had, oldest first, as a shell keeps them outside IndexedDB. */
export const IncarnationHistory = z.array(Incarnation).max(10_000);
export type IncarnationHistory = z.infer<typeof IncarnationHistory>;

/**
 * Which incarnation the kiosk numbers its ratings in, decided by whoever keeps the history (the
 * Electron main process, outside IndexedDB). A database that holds one keeps it; a database that
 * holds none was just made or wiped, so a new incarnation starts where its count stands (after what
 * the journal restored): the server then tells a wipe from a gap and from a new kiosk.
 */
export function settleIncarnation(
  history: IncarnationHistory,
  current: Incarnation | null,
  nextSeq: number,
  make: (firstSeq: number) => Incarnation,
): { incarnation: Incarnation; history: IncarnationHistory; changed: boolean } {
  if (current) {
    const known = history.some((i) => i.id === current.id);
    return { incarnation: current, history: known ? history : [...history, current], changed: !known };
  }
  const made = make(nextSeq);
  return { incarnation: made, history: [...history, made], changed: true };
}
