import { asciiSlug } from '../text/fold';
import type { PeriodChoice } from './period';

/**
 * How people name a report's period and its file: "Quý 4/2026", "Tháng 12/2026", "Năm 2026",
 * "01/10/2026 – 15/11/2026"; files `bao-cao-hai-long_quan-go-vap_2026-Q4.xlsx`. The dashboard,
 * the exports and the public page use these, never the API's `2026-Q4`.
 */
const day = (iso: string) => iso.split('-').reverse().join('/');

export function periodLabel(q: PeriodChoice, locale: 'vi' | 'en' = 'vi'): string {
  const at = q.at ?? '';
  switch (q.period) {
    case 'day':
      return day(at);
    case 'month': {
      const [y, m] = at.split('-');
      return locale === 'vi' ? `Tháng ${Number(m)}/${y}` : `${monthsEn[Number(m) - 1] ?? m} ${y}`;
    }
    case 'quarter': {
      const [y, n] = at.split('-Q');
      return locale === 'vi' ? `Quý ${n}/${y}` : `Q${n} ${y}`;
    }
    case 'year':
      return locale === 'vi' ? `Năm ${at}` : at;
    case 'custom':
      return `${day(q.from ?? '')} – ${day(q.to ?? '')}`;
  }
}

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The period as a file name part: 2026-Q4, 2026-12, 2026, 2026-10-01_2026-11-15. */
export const periodSlug = (q: PeriodChoice): string => (q.period === 'custom' ? `${q.from}_${q.to}` : (q.at ?? ''));

/** "Quận Gò Vấp" → "quan-go-vap": Vietnamese without its marks, for file names. */
export const fileSlug = asciiSlug;

/** `bao-cao-hai-long_quan-go-vap_2026-Q4.xlsx`: what, whose ("UBND" left out, as people say it), when. */
export const reportFileName = (kind: 'bao-cao-hai-long' | 'bao-cao-tt01', unit: string, q: PeriodChoice, extension: 'xlsx' | 'csv') => {
  const whose = fileSlug(unit.replace(/^\s*(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, ''));
  return `${[kind, whose || 'don-vi', periodSlug(q)].join('_')}.${extension}`;
};
