/** Vietnamese without its marks: "Đợi lâu" → "Doi lau" (NFD, combining marks dropped, đ as d). */
export function withoutMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** "Quận Gò Vấp" → "quan-go-vap": lower-case ASCII words joined by dashes, for ids and file names. */
export function asciiSlug(text: string): string {
  return withoutMarks(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Text as a search compares it: lower case, without Vietnamese marks, spaces collapsed, so
 * "ghe cho", "GHẾ CHỜ" and "ghế chờ" find the same comment. Stored beside what it folds, because
 * SQLite's lower() knows only ASCII and neither engine drops marks without an extension.
 */
export function foldForSearch(text: string): string {
  return withoutMarks(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally (with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${foldForSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
