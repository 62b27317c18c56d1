import { SurveyTemplate, type SurveyTemplateInput } from '../schema/template';
import { commonReasons, fiveLevelScale, overallQuestion, threeLevelScale } from './scales';

const comment = { enabled: true, maxLength: 500 };

/** Overall only: one tap and done. */
const quick: SurveyTemplateInput = {
  id: 'quick',
  version: 1,
  name: { vi: 'Đánh giá nhanh', en: 'Quick rating' },
  question: overallQuestion,
  scale: fiveLevelScale,
  criteria: [],
  reasons: [],
  reasonsFor: [],
  comment: { enabled: false, maxLength: 500 },
};

/** The five SIPAS criteria (Hanoi, Hoàn Kiếm 2020). */
const sipas5: SurveyTemplateInput = {
  id: 'sipas-5',
  version: 1,
  name: { vi: 'Chỉ số hài lòng SIPAS (5 tiêu chí)', en: 'SIPAS satisfaction (5 criteria)' },
  question: overallQuestion,
  scale: fiveLevelScale,
  criteria: [
    {
      id: 'tiep-can-dich-vu',
      label: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
      question: {
        vi: 'Biển chỉ dẫn, chỗ ngồi chờ và trang thiết bị phục vụ',
        en: 'Signage, waiting area and equipment',
      },
      levels: fiveLevelScale,
    },
    {
      id: 'thu-tuc-hanh-chinh',
      label: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
      question: {
        vi: 'Niêm yết công khai, thành phần hồ sơ và thời hạn giải quyết',
        en: 'Public listing, required documents and deadlines',
      },
      levels: fiveLevelScale,
    },
    {
      id: 'cong-chuc',
      label: { vi: 'Công chức', en: 'Officials' },
      question: {
        vi: 'Thái độ, sự hướng dẫn và việc tuân thủ quy định của công chức',
        en: "The officials' conduct, guidance and compliance with the rules",
      },
      levels: fiveLevelScale,
    },
    {
      id: 'ket-qua-giai-quyet',
      label: { vi: 'Kết quả giải quyết', en: 'Result' },
      question: {
        vi: 'Kết quả đầy đủ, đúng quy định, thông tin chính xác',
        en: 'A complete, lawful result with accurate information',
      },
      levels: fiveLevelScale,
    },
    {
      id: 'tiep-nhan-gop-y',
      label: { vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', en: 'Handling of feedback and complaints' },
      question: {
        vi: 'Việc tiếp nhận và trả lời góp ý, phản ánh, kiến nghị',
        en: 'How feedback and complaints are received and answered',
      },
      levels: fiveLevelScale,
    },
  ],
  reasons: commonReasons,
  reasonsFor: [2, 1],
  comment,
};

/** Thừa Thiên Huế's three criteria (Decision 2709/QĐ-UBND, 2017). */
const hue3: SurveyTemplateInput = {
  id: 'hue-3',
  version: 1,
  name: { vi: 'Thừa Thiên Huế (3 tiêu chí)', en: 'Thừa Thiên Huế (3 criteria)' },
  question: overallQuestion,
  scale: fiveLevelScale,
  criteria: [
    {
      id: 'giai-quyet-tthc',
      label: { vi: 'Giải quyết thủ tục hành chính', en: 'Handling of the procedure' },
      question: { vi: 'Thủ tục được giải quyết thế nào', en: 'How the procedure was handled' },
      levels: fiveLevelScale,
    },
    {
      id: 'su-phuc-vu-cong-chuc',
      label: { vi: 'Sự phục vụ của công chức', en: 'Service by the officials' },
      question: { vi: 'Công chức phục vụ Ông/Bà thế nào', en: 'How the officials served you' },
      levels: fiveLevelScale,
    },
    {
      id: 'ket-qua-tien-do',
      label: { vi: 'Kết quả, tiến độ giải quyết công việc', en: 'Result and timeliness' },
      question: { vi: 'Kết quả và thời gian giải quyết', en: 'The result and how long it took' },
      levels: fiveLevelScale,
    },
  ],
  reasons: commonReasons,
  reasonsFor: [2, 1],
  comment,
};

/**
 * Circular 01/2018/TT-VPCP indicators 1, 3, 4 and 7 (Art. 14.3.a: collected from citizens by
 * electronic device), asked per dossier; each answer carries its 2/1/0 points (Art. 13).
 */
const tt01: SurveyTemplateInput = {
  id: 'tt01-2018',
  // Version 2: the indicators' names as the Circular's evaluation table words them, factual answers
  // as words, and indicator 7 asks about attitude (version 1 offered timeliness answers there).
  // Version 3: indicators 3 and 4 answer as Mẫu số 01 scores them (none / one / more than one); version 2
  // gave 1 point to "only the one-stop counter", which the form scores 2 (no other agency contacted).
  version: 3,
  name: { vi: 'Thông tư 01/2018/TT-VPCP', en: 'Circular 01/2018/TT-VPCP' },
  question: overallQuestion,
  scale: fiveLevelScale,
  criteria: [
    {
      id: 'chi-so-1',
      label: { vi: 'Tổng thời gian giải quyết thủ tục hành chính', en: 'Total time to settle the procedure' },
      question: {
        vi: 'Hồ sơ của Ông/Bà được giải quyết so với thời hạn theo quy định thế nào?',
        en: 'Compared with the time limit set by law, when was your dossier settled?',
      },
      answerStyle: 'words',
      levels: [
        { value: 3, points: 2, face: 'very-satisfied', label: { vi: 'Trước hạn', en: 'Before the deadline' } },
        { value: 2, points: 1, face: 'satisfied', label: { vi: 'Đúng hạn', en: 'On time' } },
        { value: 1, points: 0, face: 'very-dissatisfied', label: { vi: 'Quá hạn', en: 'Late' } },
      ],
    },
    {
      id: 'chi-so-3',
      label: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Times you had to contact us to complete the dossier' },
      question: {
        vi: 'Ông/Bà phải liên hệ với nơi tiếp nhận hồ sơ bao nhiêu lần để hoàn thiện hồ sơ (kể cả trực tuyến)?',
        en: 'How many times did you have to contact the receiving counter to complete the dossier (online included)?',
      },
      answerStyle: 'words',
      levels: [
        { value: 3, points: 2, face: 'very-satisfied', label: { vi: 'Không phải liên hệ lần nào', en: 'Not at all' } },
        { value: 2, points: 1, face: 'neutral', label: { vi: 'Chỉ một lần', en: 'Only once' } },
        { value: 1, points: 0, face: 'very-dissatisfied', label: { vi: 'Hơn một lần', en: 'More than once' } },
      ],
    },
    {
      id: 'chi-so-4',
      label: { vi: 'Số cơ quan, đơn vị phải liên hệ', en: 'Agencies you had to contact' },
      question: {
        vi: 'Ông/Bà phải liên hệ bao nhiêu cơ quan, đơn vị, tổ chức để hoàn thiện hồ sơ (kể cả trực tuyến)?',
        en: 'How many agencies or organisations did you have to contact to complete the dossier (online included)?',
      },
      answerStyle: 'words',
      levels: [
        { value: 3, points: 2, face: 'very-satisfied', label: { vi: 'Không phải liên hệ nơi nào', en: 'None' } },
        { value: 2, points: 1, face: 'neutral', label: { vi: 'Một cơ quan, đơn vị', en: 'One agency' } },
        { value: 1, points: 0, face: 'very-dissatisfied', label: { vi: 'Hơn một cơ quan, đơn vị', en: 'More than one agency' } },
      ],
    },
    {
      id: 'chi-so-7',
      label: { vi: 'Thái độ của công chức', en: "Officials' attitude" },
      question: {
        vi: 'Thái độ của công chức khi hướng dẫn, tiếp nhận và giải quyết hồ sơ của Ông/Bà thế nào?',
        en: 'How did the officials behave when guiding you, receiving and settling your dossier?',
      },
      levels: [
        { value: 3, points: 2, face: 'very-satisfied', label: { vi: 'Tận tình, chu đáo', en: 'Helpful and attentive' } },
        { value: 2, points: 1, face: 'neutral', label: { vi: 'Chưa thật tận tình', en: 'Could have been more helpful' } },
        { value: 1, points: 0, face: 'very-dissatisfied', label: { vi: 'Gây phiền hà, nhũng nhiễu', en: 'Caused trouble or harassment' } },
      ],
    },
  ],
  reasons: commonReasons,
  reasonsFor: [2, 1],
  comment,
  // The receipt's dossier code (Mẫu số 01): national portal codes look like 000.00.15.H26-241122-0001.
  dossier: { required: false, pattern: '[0-9A-Z.]{5,30}-\\d{6}-\\d{4}', example: '000.00.15.H26-241122-0001' },
};

/** Online public services' three levels: an overall evaluation is the minimum. */
const dvc3: SurveyTemplateInput = {
  id: 'dvc-3',
  version: 1,
  name: { vi: 'Ba mức (Rất hài lòng / Hài lòng / Chưa hài lòng)', en: 'Three levels' },
  question: overallQuestion,
  scale: threeLevelScale,
  criteria: [],
  reasons: commonReasons,
  reasonsFor: [1],
  comment,
};

/** Parsed once at load: a malformed built-in template fails loudly in tests, never at a counter. */
export const builtinTemplates: readonly SurveyTemplate[] = [quick, sipas5, hue3, tt01, dvc3].map((t) => SurveyTemplate.parse(t));

export function builtinTemplate(id: string): SurveyTemplate | undefined {
  return builtinTemplates.find((t) => t.id === id);
}
