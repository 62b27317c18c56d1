import type { ScaleLevel } from '../schema/template';

/** SIPAS five-level scale (Hanoi Plan 134/KH-UBND, 2020), best first. */
export const fiveLevelScale: ScaleLevel[] = [
  { value: 5, face: 'very-satisfied', label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 4, face: 'satisfied', label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 3, face: 'neutral', label: { vi: 'Bình thường', en: 'Neutral' } },
  { value: 2, face: 'dissatisfied', label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 1, face: 'very-dissatisfied', label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
];

/** Online public services' three levels (Circular 32/2017/TT-BTTTT Art. 12), best first. */
export const threeLevelScale: ScaleLevel[] = [
  { value: 3, face: 'very-satisfied', label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 2, face: 'satisfied', label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 1, face: 'dissatisfied', label: { vi: 'Chưa hài lòng', en: 'Not satisfied' } },
];

/** The overall question asked on every start screen. */
export const overallQuestion = {
  vi: 'Ông/Bà có hài lòng với sự phục vụ hôm nay không?',
  en: 'Are you satisfied with our service today?',
};

/** Reasons offered after an unsatisfied overall rating. */
export const commonReasons = [
  { code: 'cho-doi-lau', label: { vi: 'Chờ đợi lâu', en: 'Long wait' } },
  { code: 'thai-do-chua-tot', label: { vi: 'Thái độ chưa tốt', en: 'Unfriendly attitude' } },
  { code: 'huong-dan-chua-ro', label: { vi: 'Hướng dẫn chưa rõ', en: 'Unclear guidance' } },
  {
    code: 'bo-sung-nhieu-lan',
    label: { vi: 'Hồ sơ phải bổ sung nhiều lần', en: 'Had to add documents many times' },
  },
  {
    code: 'chi-phi-ngoai-quy-dinh',
    label: { vi: 'Bị yêu cầu chi phí ngoài quy định', en: 'Asked for unofficial fees' },
  },
  { code: 'tre-hen', label: { vi: 'Trả kết quả trễ hẹn', en: 'Result returned late' } },
];
