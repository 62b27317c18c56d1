import { useKioskView } from './KioskContext';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A big numeric keypad for PINs; the digits typed show as dots. */
export function Keypad({
  value,
  onChange,
  onDone,
  label,
  busy = false,
  max = 8,
}: {
  value: string;
  onChange: (v: string) => void;
  onDone: () => void;
  label: string;
  /** While a PIN is being checked, nothing can be typed. */
  busy?: boolean;
  max?: number;
}) {
  const { t } = useKioskView();
  const press = (digit: string) => value.length < max && onChange(value + digit);
  return (
    <div className="keypad" role="group" aria-label={label}>
      <output className="keypad-display" aria-label={t('technician.pinTyped', { count: value.length })}>
        {'•'.repeat(value.length) || ' '}
      </output>
      <div className="keypad-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" disabled={busy} onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => onChange(value.slice(0, -1))} aria-label={t('technician.backspace')}>
          ⌫
        </button>
        <button type="button" disabled={busy} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="keypad-ok" onClick={onDone} disabled={busy || value.length < 4}>
          {t('technician.ok')}
        </button>
      </div>
    </div>
  );
}
