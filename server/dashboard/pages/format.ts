export const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

/** The current year and quarter in Vietnam time. */
export function currentQuarter(now = new Date()) {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const year = String(local.getUTCFullYear());
  return { year, quarter: `${year}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`, month: local.toISOString().slice(0, 7) };
}

export const dateTime = (ms: number | null) => (ms === null ? '–' : new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }));
