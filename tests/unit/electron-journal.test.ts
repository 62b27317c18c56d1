import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { Journal } from '../../electron/journal';
import { reconcile } from '../../shared/rating/reconcile';
import { sampleRating } from '../support/fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hai-long-journal-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const rating = (seq: number) => sampleRating(seq, new Date('2026-11-22T03:00:00Z'), { id: v7(), seq });

describe('the journal of confirmed ratings', () => {
  it('keeps every appended rating across a reopen, in sequence order, and compacts acknowledged ones away', async () => {
    const path = join(dir, 'journal.jsonl');
    const journal = await Journal.open(path);
    const ratings = [rating(1), rating(2), rating(3)];
    await Promise.all([...ratings].reverse().map((r) => journal.append(r)));
    await journal.close();
    const reopened = await Journal.open(path);
    expect((await reopened.entries()).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await reopened.compact(new Set([ratings[0]!.id, ratings[2]!.id]))).toBe(1);
    await reopened.append(rating(4));
    expect((await reopened.entries()).map((r) => r.seq)).toEqual([2, 4]);
    await reopened.close();
  });

  // Compaction runs whenever sync goes idle, while citizens keep rating: an append may arrive at any
  // point of it (before its read, during its write, between the rename and the reopen). Each case
  // starts the append a different number of event-loop turns into a compaction.
  it('keeps a rating appended at any point of a compaction (appends and compactions never interleave)', async () => {
    const lost: number[] = [];
    for (let turns = 0; turns < 40; turns++) {
      const path = join(dir, `journal-${turns}.jsonl`);
      const journal = await Journal.open(path);
      const kept = [rating(1), rating(2), rating(3)];
      for (const r of kept) await journal.append(r);
      const late = rating(4);
      const compacting = journal.compact(new Set([kept[0]!.id]));
      for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
      const appending = journal.append(late);
      await Promise.all([compacting, appending]);
      await journal.close();
      const reopened = await Journal.open(path);
      const seqs = (await reopened.entries()).map((r) => r.seq);
      await reopened.close();
      if (!seqs.includes(4) || seqs.includes(1)) lost.push(turns);
    }
    expect(lost).toEqual([]);
  });

  it('skips a torn last line and anything that is not a rating', async () => {
    const path = join(dir, 'journal.jsonl');
    const journal = await Journal.open(path);
    await journal.append(rating(1));
    await journal.close();
    await appendFile(path, '{"not":"a rating"}\n{"id":"0190a0');
    const reopened = await Journal.open(path);
    expect((await reopened.entries()).map((r) => r.seq)).toEqual([1]);
    // The next rating starts on a line of its own, not glued to the torn one.
    await reopened.append(rating(2));
    expect((await reopened.entries()).map((r) => r.seq)).toEqual([1, 2]);
    await reopened.close();
  });

  it('keeps every append it confirmed when its process is killed (SIGKILL) mid-stream', async () => {
    const path = join(dir, 'journal.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/support/journal-writer.ts', path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const confirmed: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        confirmed.push(...lines);
        if (confirmed.length >= 200) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const journal = await Journal.open(path);
    const ids = new Set((await journal.entries()).map((r) => r.id));
    await journal.close();
    expect(confirmed.length).toBeGreaterThanOrEqual(200);
    expect(confirmed.filter((id) => !ids.has(id))).toEqual([]);
    // At most the one append in flight is on disk without having been confirmed.
    expect(ids.size - confirmed.length).toBeLessThanOrEqual(1);
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('rebuilding a wiped queue from the journal', () => {
  it('restores what the queue lacks and moves the counter past every sequence number', () => {
    const journal = [rating(4), rating(5), rating(6)];
    expect(reconcile(journal, { ids: new Set(), nextSeq: 1 })).toEqual({ restore: journal, nextSeq: 7 });
    expect(reconcile(journal, { ids: new Set([journal[0]!.id, journal[2]!.id]), nextSeq: 9 })).toEqual({
      restore: [journal[1]],
      nextSeq: 9,
    });
    expect(reconcile([], { ids: new Set(['x']), nextSeq: 3 })).toEqual({ restore: [], nextSeq: 3 });
  });
});
