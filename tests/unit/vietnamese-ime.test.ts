import { describe, expect, it } from 'vitest';
import { editText, typeKey, typeText, type InputMethod } from '../../shared/input/vietnamese-ime';

/**
 * Real words and phrases a citizen may write about a one-stop counter. Each is typed the way most
 * people type: the letters with their shapes (Telex "aa", "ow", "dd"; VNI "a6", "o7", "d9"), the tone
 * key at the end of the word.
 */
const PHRASES = [
  'Rất hài lòng',
  'Hài lòng',
  'Bình thường',
  'Không hài lòng',
  'Rất không hài lòng',
  'Tiếp cận dịch vụ',
  'Thủ tục hành chính',
  'Công chức',
  'Kết quả giải quyết',
  'Tiếp nhận xử lý góp ý',
  'Bộ phận một cửa',
  'Ủy ban nhân dân phường',
  'Quận Hoàn Kiếm',
  'cán bộ hướng dẫn tận tình',
  'thời gian chờ đợi quá lâu',
  'hồ sơ được trả đúng hẹn',
  'nhân viên nhiệt tình chu đáo',
  'thái độ chưa lịch sự',
  'phòng chờ sạch sẽ thoáng mát',
  'cần thêm ghế ngồi cho người già',
  'giấy tờ phức tạp khó hiểu',
  'mất nhiều lần đi lại',
  'xin cảm ơn quý cơ quan',
  'tôi rất vui',
  'dịch vụ công trực tuyến',
  'đăng ký khai sinh',
  'chứng thực bản sao',
  'cấp giấy phép xây dựng',
  'đất đai nhà ở',
  'hộ tịch hộ khẩu',
  'căn cước công dân',
  'bảo hiểm xã hội',
  'người khuyết tật',
  'trẻ em',
  'phụ nữ mang thai',
  'ưu tiên',
  'nhanh chóng',
  'chậm trễ',
  'minh bạch',
  'công khai',
  'lệ phí',
  'biên nhận',
  'mã hồ sơ',
  'tra cứu',
  'kết quả',
  'thông báo',
  'điện thoại',
  'hướng dẫn',
  'bổ sung',
  'sửa đổi',
  'từ chối',
  'giải thích rõ ràng',
  'dễ hiểu',
  'rườm rà',
  'nhiều giấy tờ',
  'đông người',
  'xếp hàng',
  'số thứ tự',
  'máy lấy số',
  'quầy số hai',
  'buổi sáng',
  'buổi chiều',
  'thứ bảy',
  'chủ nhật',
  'ngày mai',
  'tuần sau',
  'tháng trước',
  'năm nay',
  'hôm qua',
  'được',
  'người',
  'trường',
  'nước',
  'mười',
  'rượu',
  'hươu',
  'khuyến khích',
  'luyện tập',
  'chuyên nghiệp',
  'truyền thống',
  'nguyễn',
  'trần',
  'lê',
  'phạm',
  'hoàng',
  'huỳnh',
  'phan',
  'vũ',
  'võ',
  'đặng',
  'bùi',
  'đỗ',
  'hồ',
  'ngô',
  'dương',
  'lý',
  'hòa bình',
  'thủy lợi',
  'khỏe mạnh',
  'mùa xuân',
  'của tôi',
  'mía',
  'thửa đất',
  'ngoài giờ',
  'cuối tuần',
  'xoáy',
  'quý vị',
  'quyết định',
  'quyền lợi',
  'giữ gìn',
  'gì',
  'già',
  'giờ',
  'giấy',
  'gửi',
  'yêu cầu',
  'yên tâm',
  'khiếu nại',
  'tố cáo',
  'kiến nghị',
  'phản ánh',
  'góp ý',
  'đánh giá',
  'chất lượng',
  'tốt',
  'kém',
  'bình thường',
  'hợp lý',
  'bất tiện',
  'thuận tiện',
  'tiện lợi',
  'lịch sự',
  'nhã nhặn',
  'cáu gắt',
  'thờ ơ',
  'tận tâm',
  'trách nhiệm',
  'chuyên môn',
  'kinh nghiệm',
  'hiểu biết',
  'nhẹ nhàng',
  'ân cần',
  'chu đáo',
  'cẩn thận',
  'sai sót',
  'nhầm lẫn',
  'thiếu sót',
  'đầy đủ',
  'chính xác',
  'kịp thời',
  'đúng hạn',
  'trễ hạn',
  'phiền hà',
  'sách nhiễu',
  'tiêu cực',
  'bồi dưỡng',
  'phong bì',
  'minh bạch',
  'niêm yết',
  'bảng giá',
  'miễn phí',
  'thu phí',
  'hướng dẫn viên',
  'tổng đài',
  'đường dây nóng',
  'nhắn tin',
  'ứng dụng',
  'điện tử',
  'chữ ký số',
  'trực tuyến',
  'bưu điện',
  'chuyển phát',
  'nhận tại nhà',
  'ủy quyền',
  'người thân',
  'ông bà',
  'cha mẹ',
  'con cháu',
  'hàng xóm',
  'tổ dân phố',
  'khu phố',
  'phường',
  'xã',
  'thị trấn',
  'huyện',
  'tỉnh',
  'thành phố',
  'trung ương',
  'địa phương',
  'cơ sở',
  'nhà nước',
  'nhân dân',
  'cảm thấy',
  'mong muốn',
  'đề nghị',
  'hy vọng',
  'tin tưởng',
  'thất vọng',
  'bực mình',
  'vui vẻ',
  'hài hước',
  'thân thiện',
  'nghỉ trưa',
  'đóng cửa sớm',
  'mở cửa muộn',
  'điều hòa',
  'nước uống',
  'nhà vệ sinh',
  'chỗ để xe',
  'bãi đỗ xe',
  'thang máy',
  'lối đi',
  'xe lăn',
  'kính lúp',
  'chữ to',
  'màn hình',
  'bàn phím',
  'máy in',
  'mạng chậm',
  'hệ thống lỗi',
  'khắc phục',
];

const TELEX_SHAPES: Record<string, string> = { â: 'aa', ê: 'ee', ô: 'oo', ă: 'aw', ơ: 'ow', ư: 'uw', đ: 'dd' };
const VNI_SHAPES: Record<string, string> = { â: 'a6', ê: 'e6', ô: 'o6', ă: 'a8', ơ: 'o7', ư: 'u7', đ: 'd9' };
const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE_KEYS: Record<InputMethod, string[]> = { telex: ['s', 'f', 'r', 'x', 'j'], vni: ['1', '2', '3', '4', '5'] };

/** How a person types a word: the letters with their shapes, then the tone key. */
function keystrokes(method: InputMethod, text: string): string {
  return text
    .split(' ')
    .map((word) => {
      let tone = '';
      const letters = [...word.normalize('NFD')]
        .reduce<string[]>((out, c) => {
          const mark = TONE_MARKS.indexOf(c);
          if (mark >= 0) tone = TONE_KEYS[method][mark]!;
          else if (/\p{M}/u.test(c)) out[out.length - 1] = (out.at(-1)! + c).normalize('NFC');
          else out.push(c);
          return out;
        }, [])
        .map((c) => {
          const shapes = method === 'telex' ? TELEX_SHAPES : VNI_SHAPES;
          const plain = c.toLocaleLowerCase('vi');
          const keys = shapes[plain];
          return keys ? (c === plain ? keys : keys[0]!.toUpperCase() + keys.slice(1)) : c;
        })
        .join('');
      return letters + tone;
    })
    .join(' ');
}

describe.each(['telex', 'vni'] as const)('%s', (method) => {
  it(`types ${PHRASES.length} real phrases`, () => {
    const wrong = PHRASES.filter((phrase) => typeText(method, keystrokes(method, phrase)) !== phrase).map(
      (phrase) => `${keystrokes(method, phrase)} → ${typeText(method, keystrokes(method, phrase))} (want ${phrase})`,
    );
    expect(wrong).toEqual([]);
    expect(PHRASES.length).toBeGreaterThanOrEqual(200);
  });
});

describe('Telex as people actually type it', () => {
  it.each([
    ['nguoiwf', 'người'], // shape and tone after the whole word
    ['ngươif', 'người'], // a word already shaped, then the tone
    ['nguowif', 'người'],
    ['nguwowif', 'người'],
    ['ngfuoiw', 'ngfươi'], // a tone key before any vowel is just a letter
    ['hoaf', 'hòa'], // the convention: hòa, not hoà
    ['thuyr', 'thủy'],
    ['khoer', 'khỏe'],
    ['hoanf', 'hoàn'],
    ['toans', 'toán'],
    ['hoafn', 'hoàn'], // the tone moves when a final consonant follows
    ['dd', 'đ'],
    ['ddi', 'đi'],
    ['did', 'đi'], // a d later in the word makes the đ
    ['didd', 'did'],
    ['Ddaij', 'Đại'],
    ['DDaij', 'Đại'],
    ['w', 'ư'],
    ['tw', 'tư'],
    ['ww', 'w'],
    ['aa', 'â'],
    ['aaa', 'aa'], // repeating the key undoes it
    ['ddd', 'dd'],
    ['as', 'á'],
    ['ass', 'as'],
    ['asf', 'à'], // another tone replaces the first
    ['asz', 'a'], // z removes the tone
    ['z', 'z'],
    ['VIEETJ', 'VIỆT'],
    ['Vieetj', 'Việt'],
    ['gif', 'gì'],
    ['giaf', 'già'],
    ['quas', 'quá'],
    ['quys', 'quý'],
    ['ngoaif', 'ngoài'],
    ['cuoois', 'cuối'],
    ['muwa', 'mưa'],
    ['yeeu', 'yêu'],
  ])('%s → %s', (keys, text) => {
    expect(typeText('telex', keys)).toBe(text);
  });
});

describe('VNI', () => {
  it.each([
    ['nguoi72', 'người'],
    ['ngu7o72i', 'người'],
    ['d9i', 'đi'],
    ['D9a5i', 'Đại'],
    ['a66', 'a6'],
    ['a11', 'a1'],
    ['a10', 'a'],
    ['ho2a', 'hòa'],
    ['hoa2n', 'hoàn'],
    ['Vie65t Nam', 'Việt Nam'],
  ])('%s → %s', (keys, text) => {
    expect(typeText('vni', keys)).toBe(text);
  });
});

describe('editing', () => {
  it('backspace removes the last character as the user sees it', () => {
    let word = '';
    for (const key of 'nguoiwf') word = typeKey('telex', word, key);
    expect(word).toBe('người');
    word = [...word].slice(0, -1).join(''); // backspace
    expect(word).toBe('ngườ');
    expect(typeKey('telex', word, 'i')).toBe('người');
  });

  it('keeps spaces, punctuation and digits (Telex) as they are', () => {
    expect(typeText('telex', 'Quaays 2, raats nhanh!')).toBe('Quấy 2, rất nhanh!');
    expect(typeText('vni', 'Qua6y1 so61 2.')).toBe('Quấy số 2.');
  });
});

describe('the on-screen keyboard editing a comment', () => {
  const typeAll = (method: InputMethod | null, keys: string, start = '', max = 500) =>
    [...keys].reduce(
      (text, c) =>
        editText(text, c === ' ' ? { kind: 'space' } : c === '<' ? { kind: 'backspace' } : { kind: 'char', char: c }, method, max),
      start,
    );
  it('types a Vietnamese comment word by word, with backspace as the user sees it', () => {
    expect(typeAll('telex', 'Cans booj nhieetj tinhf')).toBe('Cán bộ nhiệt tình');
    expect(typeAll('telex', 'rats<<aats')).toBe('rất');
    expect(typeAll('vni', 'Ca1n bo65 nhie65t ti2nh')).toBe('Cán bộ nhiệt tình');
    expect(typeAll(null, 'hello world')).toBe('hello world');
  });
  it('stops at the length limit', () => {
    expect(typeAll(null, 'abcdef', '', 4)).toBe('abcd');
    // A tone key changes the word without making it longer: still allowed at the limit.
    expect(typeAll('telex', 'toans', '', 4)).toBe('toán');
    expect(editText('abcd', { kind: 'space' }, 'telex', 4)).toBe('abcd');
  });
});
