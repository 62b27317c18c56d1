import { asciiSlug } from '../text/fold';

/**
 * An id made from a Vietnamese name ("UBND Phường Tràng Tiền" → "phuong-trang-tien"): ASCII, lower
 * case, dashes, at most 48 characters. Ids never reach people; they only need to be stable and unique.
 */
export function slugOf(name: string): string {
  const ascii = asciiSlug(name).replace(/^ubnd-/, '');
  return ascii.slice(0, 48).replace(/-+$/, '') || 'x';
}

/** The slug, or the slug with the first free number after it ("quay-so-1-2"), among those taken. */
export function freeSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugOf(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Two names are the same name when they differ only in case, spacing or Unicode composition. */
export const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi') ===
  b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
