import { accessSync, constants, statfsSync } from 'node:fs';

/**
 * Errors that mean the disk under the database is full: SQLite's SQLITE_FULL (and its shared-memory
 * file failing to grow), PostgreSQL's disk_full (53100), and the file system's ENOSPC.
 */
export function isStorageFull(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === '53100' || code === 'ENOSPC';
}

/** The error's code, or that of the error it wraps (a failed migration wraps the database's). */
function codeOf(error: unknown): string {
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return '';
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Free and total space of the disk holding `path`, or null when it cannot be read. */
export function diskSpace(path: string): { free: number; total: number } | null {
  try {
    const s = statfsSync(path);
    return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/**
 * Why the database in `dataDir` could not be opened, in words an operator can act on (English, then
 * Vietnamese): the path, the free space, and what to do. Null when the error is not about the disk.
 */
export function explainStorageProblem(dataDir: string, error: unknown): string | null {
  const code = codeOf(error);
  let readOnly = code === 'EROFS' || code === 'EACCES' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_');
  if (!readOnly) {
    try {
      accessSync(dataDir, constants.W_OK);
    } catch (access) {
      readOnly = ['EROFS', 'EACCES', 'EPERM'].includes(String((access as { code?: unknown }).code));
    }
  }
  const space = diskSpace(dataDir);
  const free = space ? `${megabytes(space.free)} free of ${megabytes(space.total)}` : 'free space unknown';
  const tu = space ? `còn trống ${megabytes(space.free)} trên ${megabytes(space.total)}` : 'không đọc được dung lượng trống';
  if (readOnly) {
    return (
      `Cannot write the database in ${dataDir}: the folder is read-only (${code || 'not writable'}; ${free}). ` +
      'Give the server’s user write access to it, or set HAILONG_DATA_DIR to a writable folder, then start again.\n' +
      `Không ghi được cơ sở dữ liệu tại ${dataDir}: thư mục chỉ đọc (${tu}). ` +
      'Hãy cấp quyền ghi cho tài khoản chạy máy chủ, hoặc đặt HAILONG_DATA_DIR sang thư mục ghi được, rồi khởi động lại.'
    );
  }
  if (isStorageFull(error) || (space !== null && space.free < 1_048_576) || code.startsWith('SQLITE_IOERR')) {
    return (
      `Cannot open the database in ${dataDir}: the disk is full (${free}; ${code || 'no space'}). ` +
      'Free space on that disk, or move the data folder to a larger disk and set HAILONG_DATA_DIR to it, then start again. ' +
      'Nothing stored so far is lost.\n' +
      `Không mở được cơ sở dữ liệu tại ${dataDir}: ổ đĩa đã đầy (${tu}). ` +
      'Hãy giải phóng dung lượng trên ổ đĩa đó, hoặc chuyển thư mục dữ liệu sang ổ lớn hơn và đặt HAILONG_DATA_DIR, rồi khởi động lại. ' +
      'Dữ liệu đã lưu không bị mất.'
    );
  }
  return null;
}
