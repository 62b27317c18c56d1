import { z } from 'zod';

/** A technician's PIN: 4 to 8 digits, typed on the kiosk's own keypad (it never leaves the kiosk). */
export const TechnicianPin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/**
 * An official's shift PIN: 6 to 10 digits. Its salted hash travels in every kiosk configuration of
 * the ward (kiosks check it offline), so it must resist guessing by someone holding a kiosk's
 * storage: a million possibilities at the slow hash below take minutes, not seconds
 * (docs/deployment.md says what attribution can and cannot prove).
 */
export const OfficialPin = z.string().regex(/^\d{6,10}$/, 'an official’s PIN is 6 to 10 digits');

/** What the kiosk keeps: a salted PBKDF2 hash, never the PIN, and the count of wrong tries. */
export const StoredPin = z.strictObject({
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  iterations: z.int().min(10_000),
  failures: z.int().min(0),
  lockedUntil: z.number().nullable(),
});
export type StoredPin = z.infer<typeof StoredPin>;

/**
 * PBKDF2-SHA-256 work factor for new hashes: OWASP's figure for this hash (2023), about 160 ms on the
 * benchmark machine and a few hundred on a kiosk, once per sign-in. Older hashes keep their own count.
 */
export const PIN_ITERATIONS = 600_000;
const FREE_TRIES = 5;
const LOCK_MS = 5 * 60_000;

const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) => Uint8Array.from(text.match(/../g)!.map((h) => Number.parseInt(h, 16)));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return hex(bits);
}

export async function hashPin(pin: string, salt = crypto.getRandomValues(new Uint8Array(16))): Promise<StoredPin> {
  if (!/^\d{4,10}$/.test(pin)) throw new Error('a PIN is digits only');
  return { salt: hex(salt), hash: await derive(pin, salt, PIN_ITERATIONS), iterations: PIN_ITERATIONS, failures: 0, lockedUntil: null };
}

export type PinCheck =
  | { ok: true; stored: StoredPin }
  | { ok: false; stored: StoredPin; reason: 'wrong'; triesLeft: number }
  | { ok: false; stored: StoredPin; reason: 'locked'; until: number };

/**
 * Checks a PIN and returns what to store next. After five wrong tries the keypad locks for five
 * minutes, then each further wrong try locks it again; a right PIN resets the count.
 */
export async function checkPin(stored: StoredPin, attempt: string, now: number): Promise<PinCheck> {
  if (stored.lockedUntil !== null && now < stored.lockedUntil) return { ok: false, stored, reason: 'locked', until: stored.lockedUntil };
  const matches = /^\d{4,10}$/.test(attempt) && (await derive(attempt, unhex(stored.salt), stored.iterations)) === stored.hash;
  if (matches) return { ok: true, stored: { ...stored, failures: 0, lockedUntil: null } };
  const failures = stored.failures + 1;
  if (failures >= FREE_TRIES) {
    const until = now + LOCK_MS;
    return { ok: false, stored: { ...stored, failures, lockedUntil: until }, reason: 'locked', until };
  }
  return { ok: false, stored: { ...stored, failures, lockedUntil: null }, reason: 'wrong', triesLeft: FREE_TRIES - failures };
}
