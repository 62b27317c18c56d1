import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Rating } from '../shared/schema/rating';

/**
 * The main process's second copy of every confirmed rating: one JSON line per rating, appended and
 * flushed to disk (fdatasync) before the renderer shows the thank-you. IndexedDB can be wiped under
 * the app (a corrupted store reset after a full disk, an update that changed the profile); on start-up
 * the renderer's queue is rebuilt from this file. Compacted once the server has acknowledged entries.
 */
export class Journal {
  /**
   * Every operation on the file, one after another in call order: an append that started during a
   * compaction would write to the file the compaction's rename then replaces, and be lost.
   */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
  ) {}

  static async open(path: string): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+');
    // A crash in the middle of an append leaves a line without its end: end it, so the next
    // rating starts on a line of its own instead of being glued to the torn one.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    return new Journal(path, handle);
  }

  /**
   * Resolves once the line is on disk. Appends are written one after another, in call order. The
   * rating was checked where it entered the main process (electron/ipc.ts).
   */
  append(rating: Rating): Promise<void> {
    const line = `${JSON.stringify(rating)}\n`;
    return this.serially(async () => {
      await this.handle.write(line);
      await this.handle.datasync();
    });
  }

  /** Runs `operation` after everything called before it has finished, whatever its outcome. */
  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const done = this.tail.then(operation);
    this.tail = done.catch(() => undefined);
    return done;
  }

  /**
   * Every rating in the file. A line cut short by a crash in the middle of an append (its append
   * never resolved, so the renderer never confirmed it) is skipped, as is anything that is not a
   * valid rating; the last line wins for an id written twice.
   */
  entries(): Promise<Rating[]> {
    return this.serially(() => this.read());
  }

  private async read(): Promise<Rating[]> {
    const text = await readFile(this.path, 'utf8').catch(() => '');
    const byId = new Map<string, Rating>();
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const parsed = Rating.safeParse(JSON.parse(line));
        if (parsed.success) byId.set(parsed.data.id, parsed.data);
      } catch {
        // a torn line: skipped
      }
    }
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Drops the ratings the server has acknowledged: the rest is written to a new file, flushed, and
   * renamed over the old one (atomic), so a crash leaves either the old journal or the new one.
   */
  compact(acknowledged: ReadonlySet<string>): Promise<number> {
    return this.serially(() => this.rewriteWithout(acknowledged));
  }

  private async rewriteWithout(acknowledged: ReadonlySet<string>): Promise<number> {
    const keep = (await this.read()).filter((r) => !acknowledged.has(r.id));
    const next = `${this.path}.next`;
    await writeFile(next, keep.map((r) => `${JSON.stringify(r)}\n`).join(''), { flush: true });
    await this.handle.close();
    try {
      await rename(next, this.path);
      const directory = await open(dirname(this.path), 'r');
      await directory.sync().finally(() => directory.close());
    } finally {
      // Renamed or not, the next append goes to the journal's own path.
      this.handle = await open(this.path, 'a+');
    }
    return keep.length;
  }

  close(): Promise<void> {
    return this.serially(() => this.handle.close());
  }
}
