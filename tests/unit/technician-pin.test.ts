import { describe, expect, it } from 'vitest';
import { checkPin, hashPin, OfficialPin, PIN_ITERATIONS, StoredPin, TechnicianPin } from '../../shared/technician/pin';

describe('technician PIN', () => {
  it.each(['1234', '00000000', '2468'])('accepts %s as a PIN', (pin) => {
    expect(TechnicianPin.safeParse(pin).success).toBe(true);
  });
  it.each(['123', '123456789', '12a4', '١٢٣٤', ' 1234', '', '1234\n'])('refuses %j as a PIN', (pin) => {
    expect(TechnicianPin.safeParse(pin).success).toBe(false);
  });

  it.each(['123456', '0000000000'])('accepts %s as an official’s PIN', (pin) => {
    expect(OfficialPin.safeParse(pin).success).toBe(true);
  });
  it.each(['1234', '12345', '12345678901', '12a456'])('refuses %j as an official’s PIN (it travels to every kiosk of the ward)', (pin) => {
    expect(OfficialPin.safeParse(pin).success).toBe(false);
  });

  it('hashes with a slow work factor, and still checks a hash made with an older, smaller one', async () => {
    const stored = await hashPin('135790');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const older = { ...(await hashPin('135790')), iterations: 120_000 };
    // A hash as an earlier release made it: same salt, fewer iterations.
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('135790'), 'PBKDF2', false, ['deriveBits']);
    const salt = Uint8Array.from(older.salt.match(/../g)!.map((h) => Number.parseInt(h, 16)));
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 120_000 }, key, 256);
    older.hash = [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect((await checkPin(older, '135790', 0)).ok).toBe(true);
  });

  it('keeps only a salted hash: the same PIN hashes differently on two kiosks', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(StoredPin.parse(a)).toEqual(a);
    expect(JSON.stringify(a)).not.toContain('2468');
    expect(a.hash).not.toBe(b.hash);
    expect((await checkPin(a, '2468', 0)).ok).toBe(true);
    expect((await checkPin(b, '2468', 0)).ok).toBe(true);
  });

  it('locks after five wrong tries for five minutes, then a right PIN resets the count', async () => {
    let stored = await hashPin('2468');
    const t0 = Date.parse('2026-11-22T08:00:00Z');
    const answers: string[] = [];
    for (const attempt of ['1111', '2222', 'abcd', '', '3333']) {
      const result = await checkPin(stored, attempt, t0);
      stored = result.stored;
      answers.push(result.ok ? 'ok' : result.reason === 'wrong' ? `wrong ${result.triesLeft}` : 'locked');
    }
    expect(answers).toEqual(['wrong 4', 'wrong 3', 'wrong 2', 'wrong 1', 'locked']);
    // Locked: the right PIN does not open it, and the lock does not move.
    const during = await checkPin(stored, '2468', t0 + 60_000);
    expect(during).toMatchObject({ ok: false, reason: 'locked', until: t0 + 300_000 });
    // After five minutes the right PIN opens it and resets the count.
    const after = await checkPin(during.stored, '2468', t0 + 300_000);
    expect(after).toMatchObject({ ok: true, stored: { failures: 0, lockedUntil: null } });
    // A wrong try after the lock has passed locks again at once.
    const again = await checkPin({ ...during.stored }, '9999', t0 + 300_000);
    expect(again).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('refuses a corrupted stored PIN rather than opening', () => {
    expect(StoredPin.safeParse({ salt: 'zz', hash: 'x', iterations: 1, failures: 0, lockedUntil: null }).success).toBe(false);
  });
});
