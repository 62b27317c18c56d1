import { useState } from 'react';
import type { EditKey, InputMethod } from '../../shared/input/vietnamese-ime';
import { useKioskView } from './KioskContext';

const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SYMBOLS = ['1234567890', '-/:;()"\'', '.,?!@%'];
export type TypingMode = InputMethod | 'plain';
const MODES: TypingMode[] = ['telex', 'vni', 'plain'];

/**
 * The kiosk's own keyboard for the comment: big keys, Vietnamese by Telex (default) or VNI, or plain
 * typing, a numbers and symbols layer, Shift for one capital. Real buttons, so screen readers and
 * the accessibility checks see them. It only reports keys; the comment is edited by the flow.
 */
export function OnScreenKeyboard({
  onKey,
  mode,
  onMode,
}: {
  onKey: (key: EditKey) => void;
  mode: TypingMode;
  onMode: (mode: TypingMode) => void;
}) {
  const { t } = useKioskView();
  const [shift, setShift] = useState(false);
  const [symbols, setSymbols] = useState(false);
  // VNI marks are digits: its letters layer carries the number row.
  const rows = symbols ? SYMBOLS : mode === 'vni' ? ['1234567890', ...LETTERS] : LETTERS;
  const lastRow = rows.length - 1;
  const char = (c: string) => {
    onKey({ kind: 'char', char: shift ? c.toLocaleUpperCase('vi') : c });
    setShift(false);
  };
  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
      {rows.map((row, r) => (
        <div className="keyboard-row" key={row}>
          {r === lastRow && !symbols && (
            <button type="button" className="key key-wide" aria-pressed={shift} onClick={() => setShift(!shift)}>
              {t('keyboard.shift')}
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
              ⌫
            </button>
          )}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className="key key-wide" onClick={() => setSymbols(!symbols)}>
          {t(symbols ? 'keyboard.letters' : 'keyboard.symbols')}
        </button>
        <button type="button" className="key key-space" onClick={() => onKey({ kind: 'space' })}>
          {t('keyboard.space')}
        </button>
        <div className="keyboard-modes" role="radiogroup" aria-label={t('keyboard.mode')}>
          {MODES.map((m) => (
            <button type="button" role="radio" aria-checked={mode === m} className="key key-mode" key={m} onClick={() => onMode(m)}>
              {t(`keyboard.mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
