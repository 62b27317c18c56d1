import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The shell's log: one line per event in `<dir>/kiosk.log`, rotated when it passes `maxBytes`
 * (kiosk.log → kiosk.1.log … up to `keep` old files), so a kiosk left for years never fills its
 * disk. Writes are queued one after another; a failing disk never throws into the caller.
 */
export class RotatingLog {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly options: { maxBytes?: number; keep?: number; now?: () => Date } = {},
  ) {}

  private path(index: number) {
    return join(this.dir, index === 0 ? 'kiosk.log' : `kiosk.${index}.log`);
  }

  write(level: 'info' | 'warn' | 'error', event: string, detail?: unknown): Promise<void> {
    const at = (this.options.now ?? (() => new Date()))().toISOString();
    const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : detail === undefined ? '' : JSON.stringify(detail);
    const line = `${at} ${level.toUpperCase()} ${event}${text ? ` ${text.replace(/\s+/g, ' ').slice(0, 2000)}` : ''}\n`;
    this.writing = this.writing.then(() => this.append(line)).catch(() => undefined);
    return this.writing;
  }

  private async append(line: string) {
    await mkdir(this.dir, { recursive: true });
    const size = await stat(this.path(0)).then(
      (s) => s.size,
      () => 0,
    );
    if (size + Buffer.byteLength(line) > (this.options.maxBytes ?? 1_048_576)) await this.rotate();
    await appendFile(this.path(0), line, { mode: 0o600 });
  }

  private async rotate() {
    const keep = this.options.keep ?? 5;
    await rm(this.path(keep), { force: true });
    for (let i = keep - 1; i >= 0; i--) await rename(this.path(i), this.path(i + 1)).catch(() => undefined);
  }
}
