import type { LocalizedText } from '../schema/common';
import { builtinTemplate } from '../templates/builtin';

/**
 * Circular 01/2018's words for what the TT01 report computes: the indicators as the built-in survey
 * names them (after the Circular's evaluation table), and the classifications of Art. 15.3.
 */
export const TT01_INDICATORS: { id: string; label: LocalizedText }[] = builtinTemplate('tt01-2018')!.criteria.map((c) => ({
  id: c.id,
  label: c.label,
}));

export const unitClassification: Record<'xuat-sac' | 'tot' | 'kha' | 'trung-binh' | 'yeu', LocalizedText> = {
  'xuat-sac': { vi: 'Xuất sắc', en: 'Excellent' },
  tot: { vi: 'Tốt', en: 'Good' },
  kha: { vi: 'Khá', en: 'Fair' },
  'trung-binh': { vi: 'Trung bình', en: 'Average' },
  yeu: { vi: 'Yếu', en: 'Poor' },
};

export const officialClassification: Record<'du-100' | 'tu-70-den-duoi-100' | 'duoi-70', LocalizedText> = {
  'du-100': { vi: 'Đạt 100% số điểm', en: 'Full marks' },
  'tu-70-den-duoi-100': { vi: 'Từ 70% đến dưới 100%', en: '70% to under 100%' },
  'duoi-70': { vi: 'Dưới 70%', en: 'Under 70%' },
};
