import { useState, useSyncExternalStore } from 'react';
import type { EditKey, InputMethod } from '../../shared/input/vietnamese-ime';
import { useKioskView } from './KioskContext';

const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SYMBOLS = ['1234567890', '-/:;()"\'', '.,?!@%'];
/**
 * Dossier codes are digits, dots and dashes first (000.00.15.H26-241122-0001), letters second:
 * a phone's keypad standing (tall keys fill the screen), one row of digits lying down. The code
 * layout's layer key sits in its last row.
 */
const CODE_DIGITS = ['1234567890', '.-/'];
const CODE_KEYPAD = ['123', '456', '789', '.0-', '/'];
const CODE_LETTERS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
export type TypingMode = InputMethod | 'plain';
const MODES: TypingMode[] = ['telex', 'vni', 'plain'];

/** Vietnamese is typed with Telex unless the citizen chooses otherwise; English with plain letters. */
export const defaultTypingMode = (locale: string): TypingMode => (locale === 'vi' ? 'telex' : 'plain');

/**
 * The kiosk's own keyboard: big keys sized to the screen, a numbers and symbols layer, Shift for one
 * capital. `layout="code"` opens on digits for dossier codes. The typing method (Telex, VNI, plain)
 * sits behind one small "Kiểu gõ" key, only where it matters (Vietnamese comments). Real buttons, so
 * screen readers and the accessibility checks see them. It only reports keys; the text is edited by
 * the flow.
 */
export function OnScreenKeyboard({
  onKey,
  mode = 'plain',
  onMode,
  layout = 'text',
}: {
  onKey: (key: EditKey) => void;
  mode?: TypingMode;
  /** Given, the keyboard offers the "Kiểu gõ" key that cycles Telex → VNI → Không dấu. */
  onMode?: (mode: TypingMode) => void;
  layout?: 'text' | 'code';
}) {
  const { t } = useKioskView();
  const [shift, setShift] = useState(false);
  const [second, setSecond] = useState(false);
  const code = layout === 'code';
  // VNI marks are digits: its letters layer carries the number row.
  const keypad = usePortrait() && code && !second;
  const rows = code
    ? second
      ? CODE_LETTERS
      : keypad
        ? CODE_KEYPAD
        : CODE_DIGITS
    : second
      ? SYMBOLS
      : mode === 'vni'
        ? ['1234567890', ...LETTERS]
        : LETTERS;
  const lastRow = rows.length - 1;
  const withShift = !code && !second;
  const char = (c: string) => {
    onKey({ kind: 'char', char: shift ? c.toLocaleUpperCase('vi') : c });
    setShift(false);
  };
  const switchLabel = code ? (second ? 'keyboard.digits' : 'keyboard.lettersUpper') : second ? 'keyboard.letters' : 'keyboard.symbols';
  return (
    <div className={`keyboard keyboard-${layout}${keypad ? ' keyboard-keypad' : ''}`} role="group" aria-label={t('keyboard.label')}>
      {rows.map((row, r) => (
        <div className="keyboard-row" key={row}>
          {r === lastRow && code && (
            <button type="button" className="key key-wide key-layer" onClick={() => setSecond(!second)}>
              {t(switchLabel)}
            </button>
          )}
          {r === lastRow && withShift && (
            <button
              type="button"
              className="key key-wide"
              aria-label={t('keyboard.shift')}
              aria-pressed={shift}
              onClick={() => setShift(!shift)}
            >
              <span className="key-icon" aria-hidden="true">
                ⇧
              </span>
              <span className="key-caption">{t('keyboard.shiftCaption')}</span>
            </button>
          )}
          {[...row].map((c) => (
            <button type="button" className="key" key={c} onClick={() => char(c)}>
              {shift ? c.toLocaleUpperCase('vi') : c}
            </button>
          ))}
          {r === lastRow && (
            <button
              type="button"
              className="key key-wide"
              aria-label={t('keyboard.backspace')}
              onClick={() => onKey({ kind: 'backspace' })}
            >
              <span className="key-icon" aria-hidden="true">
                ⌫
              </span>
              <span className="key-caption">{t('keyboard.backspaceCaption')}</span>
            </button>
          )}
        </div>
      ))}
      {!code && (
        <div className="keyboard-row">
          <button type="button" className="key key-wide key-layer" onClick={() => setSecond(!second)}>
            {t(switchLabel)}
          </button>
          {onMode && (
            <button
              type="button"
              className="key key-wide key-method"
              aria-label={t('keyboard.modeNow', { mode: t(`keyboard.mode.${mode}`) })}
              onClick={() => onMode(MODES[(MODES.indexOf(mode) + 1) % MODES.length]!)}
            >
              <span className="key-caption">{t('keyboard.mode')}</span>
              <span className="key-value">{t(`keyboard.mode.${mode}`)}</span>
            </button>
          )}
          <button type="button" className="key key-space" onClick={() => onKey({ kind: 'space' })}>
            {t('keyboard.space')}
          </button>
        </div>
      )}
    </div>
  );
}

const portrait = typeof matchMedia === 'function' ? matchMedia('(orientation: portrait)') : null;
const subscribe = (listener: () => void) => {
  portrait?.addEventListener('change', listener);
  return () => portrait?.removeEventListener('change', listener);
};
/** Whether the screen stands (a kiosk may be mounted either way). */
function usePortrait() {
  return useSyncExternalStore(subscribe, () => portrait?.matches ?? false);
}
