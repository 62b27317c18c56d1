import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DisplayKeeper } from '../../electron/keep-awake';
import { RotatingLog } from '../../electron/log-file';
import { UpdateInstaller } from '../../electron/update-installer';
import { DEFAULT_OPENING_HOURS } from '../../shared/schema/opening-hours';

// Monday 23 November 2026, in Vietnam's time (UTC+7).
const vn = (time: string, day = '2026-11-23') => new Date(`${day}T${time}:00+07:00`);

describe('display kept awake in opening hours only', () => {
  it('starts one blocker when the counter opens, stops it at lunch and at night, never stacks them', () => {
    const calls: string[] = [];
    let next = 1;
    const keeper = new DisplayKeeper(
      { start: (type) => (calls.push(`start ${type}`), next++), stop: (id) => void calls.push(`stop ${id}`) },
      () => DEFAULT_OPENING_HOURS,
    );
    for (const time of ['06:00', '07:30', '09:00', '11:29', '11:30', '12:00', '13:30', '16:59', '17:00', '23:00']) keeper.check(vn(time));
    expect(calls).toEqual(['start prevent-display-sleep', 'stop 1', 'start prevent-display-sleep', 'stop 2']);
    keeper.check(vn('10:00', '2026-11-29')); // Sunday: closed
    expect(keeper.awake).toBe(false);
  });
});

describe('updates install only outside opening hours, on the start screen, after a safety copy', () => {
  const installer = (now: () => Date, keepPending: (v: string) => Promise<void> = async () => undefined) => {
    const events: string[] = [];
    const updates = new UpdateInstaller({
      hours: () => DEFAULT_OPENING_HOURS,
      now,
      keepPending: async (v) => {
        events.push(`keep ${v}`);
        await keepPending(v);
      },
      install: () => void events.push('install'),
      log: () => undefined,
    });
    return { updates, events };
  };

  it('waits through opening hours and through a citizen’s flow', async () => {
    let now = vn('10:00');
    const { updates, events } = installer(() => now);
    expect(await updates.check()).toBe(false); // nothing downloaded
    updates.downloaded('0.2.0');
    updates.screen(true);
    expect(await updates.check()).toBe(false); // open
    now = vn('18:00');
    updates.screen(false); // someone is rating after hours
    expect(await updates.check()).toBe(false);
    expect(events).toEqual([]);
    updates.screen(true);
    expect(await updates.check()).toBe(true);
    expect(events).toEqual(['keep 0.2.0', 'install']);
    expect(await updates.check()).toBe(false); // once
  });

  it('does not install when the safety copy cannot be written, and tries again later', async () => {
    let fail = true;
    const { updates, events } = installer(
      () => vn('20:00'),
      async () => {
        if (fail) throw new Error('ENOSPC');
      },
    );
    updates.downloaded('0.2.0');
    updates.screen(true);
    expect(await updates.check()).toBe(false);
    expect(events).toEqual(['keep 0.2.0']);
    fail = false;
    expect(await updates.check()).toBe(true);
    expect(events.at(-1)).toBe('install');
  });
});

describe('the shell’s rotating log', () => {
  it('rotates past the size limit, keeps a bounded number of files, and keeps errors to one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hai-long-log-'));
    const log = new RotatingLog(dir, { maxBytes: 400, keep: 2, now: () => new Date('2026-11-22T01:00:00Z') });
    for (let i = 0; i < 40; i++) void log.write('info', 'tick', { i });
    await log.write('error', 'renderer-gone', new Error('crashed\n  at secret/path.js:1'));
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    const newest = await readFile(join(dir, 'kiosk.log'), 'utf8');
    expect(newest).toMatch(/2026-11-22T01:00:00.000Z ERROR renderer-gone Error: crashed at secret\/path.js:1\n$/);
    for (const f of files) expect((await readFile(join(dir, f))).length).toBeLessThanOrEqual(400);
    const all = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');
    expect(all).toContain('{"i":39}');
    await rm(dir, { recursive: true, force: true });
  });
});
