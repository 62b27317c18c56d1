import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportTarget, JsonFile } from './kiosk-service';
import type { TokenFiles } from './token-store';

/** Writes a file so that a crash leaves the old contents or the new, never half: temp, fsync, rename. */
export async function writeAtomically(path: string, contents: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

const readOrNull = async (path: string) => {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** A JSON file under userData; unreadable JSON reads as null (the caller's schema decides the rest). */
export function jsonFile<T>(path: string): JsonFile<T> {
  return {
    read: async () => {
      const bytes = await readOrNull(path);
      if (!bytes) return null;
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        return null;
      }
    },
    write: (value) => writeAtomically(path, JSON.stringify(value, null, 2)),
    remove: () => rm(path, { force: true }),
  };
}

export function tokenFiles(path: string): TokenFiles {
  return { read: () => readOrNull(path), write: (contents) => writeAtomically(path, contents), remove: () => rm(path, { force: true }) };
}

/**
 * Export files: always a copy under userData/exports (nothing is lost if the stick is pulled out),
 * then wherever the technician chooses (`choose` shows Electron's save dialog; null = cancelled).
 */
export function exportTarget(exportsDir: string, choose: (fileName: string) => Promise<string | null>): ExportTarget {
  return {
    keep: (fileName, text) => writeAtomically(join(exportsDir, fileName), text),
    async save(fileName, text) {
      await writeAtomically(join(exportsDir, fileName), text);
      const chosen = await choose(fileName);
      if (!chosen) return null;
      await writeFile(chosen, text);
      return chosen;
    },
  };
}
