import { z } from 'zod';
import type { KioskOfficial } from '../../shared/schema/kiosk-config';
import { StoredPin } from '../../shared/technician/pin';
import { vietnamDay } from '../../shared/time';
import type { KioskDb } from '../storage/kiosk-db';

const ON_DUTY_KEY = 'onDuty';
const OnDuty = z.strictObject({ officialId: z.string(), day: z.string() });

/** Who is on duty at this counter, and each official's PIN tries: the kiosk's own, in IndexedDB. */
export interface ShiftPort {
  /** The official signed in today, or null (a shift ends with the day). */
  onDuty(now: Date): Promise<string | null>;
  signIn(officialId: string, now: Date): Promise<void>;
  signOut(): Promise<void>;
  /** The official's PIN as the server set it, with the wrong tries counted on this kiosk. */
  pinState(official: KioskOfficial): Promise<StoredPin | null>;
  savePinState(officialId: string, state: StoredPin): Promise<void>;
}

export function shiftPort(db: KioskDb): ShiftPort {
  const pinKey = (id: string) => `officialPin:${id}`;
  return {
    async onDuty(now) {
      const parsed = OnDuty.safeParse((await db.meta.get(ON_DUTY_KEY))?.value);
      return parsed.success && parsed.data.day === vietnamDay(now.getTime()) ? parsed.data.officialId : null;
    },
    async signIn(officialId, now) {
      await db.meta.put({ key: ON_DUTY_KEY, value: { officialId, day: vietnamDay(now.getTime()) } });
    },
    async signOut() {
      await db.meta.delete(ON_DUTY_KEY);
    },
    async pinState(official) {
      if (!official.pin) return null;
      const kept = StoredPin.safeParse((await db.meta.get(pinKey(official.id)))?.value);
      // The tries count only against the PIN they were made on: a PIN the district reset starts afresh.
      return kept.success && kept.data.hash === official.pin.hash ? kept.data : official.pin;
    },
    async savePinState(officialId, state) {
      await db.meta.put({ key: pinKey(officialId), value: StoredPin.parse(state) });
    },
  };
}
