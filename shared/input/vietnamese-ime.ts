/**
 * Vietnamese typing on the kiosk's own keyboard: Telex and VNI, as people actually type them. The
 * word being typed is kept as the text the citizen sees; each key either changes it (a tone, a
 * letter's shape) or is added to it, so backspace removes what the user sees.
 *
 * Tone placement follows the traditional convention ("hòa", "thủy", "khỏe"), the one most Vietnamese
 * text and administrative documents use: in a two-vowel ending the first vowel takes the tone; with a
 * final consonant, or in a three-vowel cluster, the later (middle) vowel; a vowel with a shape mark
 * (â ê ô ơ ư ă) always takes it, and in "ươ" the ơ.
 */
export type InputMethod = 'telex' | 'vni';

type Tone = 0 | 1 | 2 | 3 | 4 | 5; // none, sắc, huyền, hỏi, ngã, nặng
type Shape = 'circumflex' | 'horn' | 'breve' | 'stroke';

const TONED: Record<string, string[]> = {
  a: ['a', 'á', 'à', 'ả', 'ã', 'ạ'],
  ă: ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'],
  â: ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'],
  e: ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ'],
  ê: ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ'],
  i: ['i', 'í', 'ì', 'ỉ', 'ĩ', 'ị'],
  o: ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ'],
  ô: ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ'],
  ơ: ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ'],
  u: ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ'],
  ư: ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự'],
  y: ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'],
};

/** Every toned vowel → its base vowel and tone. */
const DECOMPOSE = new Map<string, { base: string; tone: Tone }>();
for (const [base, forms] of Object.entries(TONED)) forms.forEach((form, tone) => DECOMPOSE.set(form, { base, tone: tone as Tone }));

const SHAPED: Record<Shape, Record<string, string>> = {
  circumflex: { a: 'â', e: 'ê', o: 'ô' },
  horn: { o: 'ơ', u: 'ư' },
  breve: { a: 'ă' },
  stroke: { d: 'đ' },
};
const UNSHAPED: Record<string, string> = { â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', ă: 'a', đ: 'd' };

const TELEX_TONES: Record<string, Tone> = { s: 1, f: 2, r: 3, x: 4, j: 5, z: 0 };
const VNI_TONES: Record<string, Tone> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '0': 0 };

const lower = (c: string) => c.toLocaleLowerCase('vi');
const isUpper = (c: string) => c !== lower(c);
const withCase = (c: string, upper: boolean) => (upper ? c.toLocaleUpperCase('vi') : c);
const parts = (c: string) => DECOMPOSE.get(lower(c)) ?? null;
const isVowel = (c: string) => parts(c) !== null;

/** The vowels of the word that tones go on, without the consonant-like u of "qu" and i of "gi". */
function vowelCluster(word: string): number[] {
  const chars = [...word];
  let first = chars.findIndex(isVowel);
  if (first < 0) return [];
  const lead = chars.slice(0, first).map(lower).join('');
  const next = chars[first + 1];
  if ((lead === 'q' && lower(chars[first]!) === 'u') || (lead === 'g' && parts(chars[first]!)?.base === 'i' && next && isVowel(next)))
    first++;
  const cluster: number[] = [];
  for (let i = first; i < chars.length && isVowel(chars[i]!); i++) cluster.push(i);
  return cluster;
}

/** Where the tone goes (see the module comment for the convention). */
function tonePosition(word: string): number | null {
  const chars = [...word];
  const cluster = vowelCluster(word);
  if (cluster.length === 0) return null;
  const bases = cluster.map((i) => parts(chars[i]!)!.base);
  const horned = bases.findIndex((b, k) => b === 'ơ' || ['â', 'ê', 'ô', 'ă'].includes(b) || (b === 'ư' && bases[k + 1] !== 'ơ'));
  if (horned >= 0) return cluster[bases.lastIndexOf('ơ') >= 0 ? bases.lastIndexOf('ơ') : horned]!;
  if (cluster.length === 1) return cluster[0]!;
  const endsWord = cluster.at(-1)! === chars.length - 1;
  if (cluster.length >= 3) return cluster[1]!;
  return endsWord ? cluster[0]! : cluster[1]!;
}

function setTone(word: string, tone: Tone): string {
  const chars = [...word];
  // The tone moves with the word: take it off wherever it was, put it where it belongs now.
  for (let i = 0; i < chars.length; i++) {
    const p = parts(chars[i]!);
    if (p && p.tone !== 0) chars[i] = withCase(TONED[p.base]![0]!, isUpper(chars[i]!));
  }
  const at = tonePosition(chars.join(''));
  if (at === null) return word;
  const p = parts(chars[at]!)!;
  chars[at] = withCase(TONED[p.base]![tone]!, isUpper(chars[at]!));
  return chars.join('');
}

const toneOf = (word: string): Tone => {
  for (const c of word) {
    const p = parts(c);
    if (p && p.tone !== 0) return p.tone;
  }
  return 0;
};

/** Gives the last fitting letter its shape; for "uo" + horn, both (ươ). Null when nothing fits. */
function applyShape(word: string, shape: Shape, letters: string): string | null {
  const chars = [...word];
  const tone = toneOf(word);
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    const base = parts(c)?.base ?? lower(c);
    if (!letters.includes(base)) continue;
    const shaped = SHAPED[shape][base];
    if (!shaped) return null;
    chars[i] = withCase(shape === 'stroke' ? shaped : TONED[shaped]![0]!, isUpper(c));
    if (shape === 'horn' && base === 'o' && i > 0 && (parts(chars[i - 1]!)?.base ?? '') === 'u')
      chars[i - 1] = withCase('ư', isUpper(chars[i - 1]!));
    const shapedWord = chars.join('');
    return tone ? setTone(shapedWord, tone) : shapedWord;
  }
  return null;
}

/** Whether the word already has this shape where the key would put it (then the key undoes it). */
function hasShape(word: string, shape: Shape, letters: string): number {
  const chars = [...word];
  for (let i = chars.length - 1; i >= 0; i--) {
    const base = parts(chars[i]!)?.base ?? lower(chars[i]!);
    const plain = UNSHAPED[base];
    if (plain && letters.includes(plain) && SHAPED[shape][plain] === base) return i;
    if (letters.includes(base)) return -1;
  }
  return -1;
}

function removeShape(word: string, at: number): string {
  const chars = [...word];
  const p = parts(chars[at]!);
  const base = p?.base ?? lower(chars[at]!);
  const plain = UNSHAPED[base]!;
  chars[at] = withCase(p ? TONED[plain]![p.tone]! : plain, isUpper(chars[at]!));
  if (base === 'ơ' && at > 0 && (parts(chars[at - 1]!)?.base ?? '') === 'ư') {
    const q = parts(chars[at - 1]!)!;
    chars[at - 1] = withCase(TONED.u![q.tone]!, isUpper(chars[at - 1]!));
  }
  return chars.join('');
}

interface ShapeKey {
  shape: Shape;
  letters: string;
}

function shapeKeyFor(method: InputMethod, key: string, word: string): ShapeKey | null {
  const k = lower(key);
  if (method === 'vni') {
    if (k === '6') return { shape: 'circumflex', letters: 'aeo' };
    if (k === '7') return { shape: 'horn', letters: 'ou' };
    if (k === '8') return { shape: 'breve', letters: 'a' };
    if (k === '9') return { shape: 'stroke', letters: 'd' };
    return null;
  }
  if (k === 'w') {
    // w shapes the last a, o or u of the vowels: ă, ơ (ươ after u), ư; "nguoiw" → "ngươi".
    const chars = [...word];
    const cluster = vowelCluster(word);
    for (let n = cluster.length - 1; n >= 0; n--) {
      const p = parts(chars[cluster[n]!]!)!;
      const base = UNSHAPED[p.base] ?? p.base;
      if (base === 'a') return { shape: 'breve', letters: 'a' };
      if (base === 'o' || base === 'u') return { shape: 'horn', letters: 'ou' };
    }
    return null;
  }
  if (k === 'd') return { shape: 'stroke', letters: 'd' };
  if ('aeo'.includes(k)) return { shape: 'circumflex', letters: k };
  return null;
}

/**
 * One key on the word being typed; returns the new word. `key` is a single character as typed
 * (capitals keep their case).
 */
export function typeKey(method: InputMethod, word: string, key: string): string {
  const k = lower(key);
  const tones = method === 'telex' ? TELEX_TONES : VNI_TONES;
  if (k in tones && vowelCluster(word).length > 0) {
    const tone = tones[k]!;
    const current = toneOf(word);
    if (tone !== 0 && current === tone) return setTone(word, 0) + key; // "ass" → "as"
    if (tone === 0 && current === 0) return word + key;
    return setTone(word, tone);
  }
  const shapeKey = shapeKeyFor(method, key, word);
  if (shapeKey) {
    // Telex doubles a letter to shape it (aa → â, dd → đ): only right after that letter.
    const doubled = method === 'telex' && k !== 'w';
    const last = [...word].at(-1);
    const lastBase = last ? (UNSHAPED[parts(last)?.base ?? lower(last)] ?? parts(last)?.base ?? lower(last)) : '';
    if (!doubled || lastBase === k || (k === 'd' && [...word].some((c) => lower(c) === 'd' || lower(c) === 'đ'))) {
      const undo = hasShape(word, shapeKey.shape, shapeKey.letters);
      // A lone w made "ư": a second w takes it back to "w".
      if (undo >= 0 && method === 'telex' && k === 'w' && [...word].length === 1) return key;
      if (undo >= 0) return removeShape(word, undo) + key; // "aaa" → "aa", "ddd" → "dd"
      const shaped = applyShape(word, shapeKey.shape, shapeKey.letters);
      if (shaped !== null) return shaped;
    }
  }
  // A w with no vowel to shape is "ư" ("w" → "ư", "tw" → "tư").
  const next = method === 'telex' && k === 'w' ? word + withCase('ư', isUpper(key)) : word + key;
  // The tone follows the word: "hoaf" + "n" → "hoàn".
  const tone = toneOf(word);
  return tone ? setTone(next, tone) : next;
}

/** A whole string of keys through the input method, word by word (anything not a letter ends a word). */
export function typeText(method: InputMethod, keys: string): string {
  let out = '';
  let word = '';
  const wordKey = method === 'telex' ? /\p{L}/u : /[\p{L}0-9]/u;
  for (const key of keys) {
    if (wordKey.test(key)) word = typeKey(method, word, key);
    else {
      out += word + key;
      word = '';
    }
  }
  return out + word;
}

/** Keys of the on-screen keyboard that are not characters. */
export type EditKey = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'space' } | { kind: 'enter' };

/**
 * One on-screen key applied to a text (the comment): the word at its end goes through the input
 * method; backspace removes the last character as the user sees it; nothing grows past `maxLength`.
 * `method` null is plain typing (English).
 */
export function editText(text: string, key: EditKey, method: InputMethod | null, maxLength: number): string {
  if (key.kind === 'backspace') return [...text].slice(0, -1).join('');
  const added = key.kind === 'space' ? ' ' : key.kind === 'enter' ? '\n' : key.char;
  let next: string;
  if (key.kind === 'char' && method && /\p{L}|\d/u.test(key.char)) {
    const match = /[\p{L}\d]*$/u.exec(text)!;
    const word = match[0];
    // Telex's word is letters; a digit ends it (VNI uses digits as marks).
    next =
      method === 'telex' && /\d/.test(key.char) ? text + added : text.slice(0, text.length - word.length) + typeKey(method, word, key.char);
  } else next = text + added;
  return [...next].length > maxLength ? text : next;
}
