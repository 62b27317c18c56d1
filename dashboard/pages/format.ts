const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A share as Vietnamese people write it: "77,1%". */
export const percent = (share: number | null) => (share === null ? '–' : percentFormat.format(share));

/** A number with a decimal comma and a grouping dot: "1.234", "4,12". */
export const decimal = (value: number, digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A report row's name in the page's language (rows carry an English name where they have one). */
export const rowName = (row: { label: string; labelEn?: string }, locale: 'vi' | 'en') =>
  locale === 'en' ? (row.labelEn ?? row.label) : row.label;

/** Today in Vietnam, YYYY-MM-DD. */
export const todayInVietnam = (now = new Date()) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The current year and quarter in Vietnam time. */
export function currentQuarter(now = new Date()) {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const year = String(local.getUTCFullYear());
  return { year, quarter: `${year}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`, month: local.toISOString().slice(0, 7) };
}

/** An instant as Vietnamese people read it (the API gives ISO 8601 with an offset). */
export const dateTime = (iso: string | null) =>
  iso === null ? '–' : new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/** A calendar day (YYYY-MM-DD) as Vietnamese people write it: 01/10/2026. */
export const day = (iso: string) => iso.split('-').reverse().join('/');

/**
 * A day as a person types it, day first ("1/10/2026", "01.10.2026", "01-10-2026", "01102026"), as
 * YYYY-MM-DD; null when it is not a day of the calendar (31/02/2026) or not day-first at all.
 */
export function dayFromText(text: string): string | null {
  const parts = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text) ?? /^\s*(\d{2})(\d{2})(\d{4})\s*$/.exec(text);
  if (!parts) return null;
  const [d, m, y] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "Chrome, Windows" from a User-Agent: what a person recognises of their own browsers. */
export function browserName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\/|Opera/.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\/|CriOS\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(', ') || userAgent.slice(0, 60);
}
