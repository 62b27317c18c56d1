import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useT } from './i18n';
import { day, dayFromText } from './pages/format';

// The calendar (and its date library) loads the first time someone opens one.
const DateCalendar = lazy(() => import('./DateCalendar'));

/**
 * A day written as Vietnamese offices write it (01/10/2026), whatever the browser's language: typed
 * (day first, checked when the field is left) or picked on a calendar in the page's language. The
 * value stays YYYY-MM-DD. A typed day that is not a day, or falls outside min…max, is said under the
 * field and changes nothing.
 */
export function DateField({
  label,
  value,
  onChange,
  min,
  max,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  min?: string;
  max?: string;
  /** A range's ends cannot be emptied; a filter's can (no limit). */
  required?: boolean;
}) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value ? day(value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  // A new value from outside (a pick, the period's arrows) replaces what was typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ? day(value) : '');
    setProblem(null);
  }

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const commit = () => {
    if (text.trim() === '' && !required) {
      setProblem(null);
      if (value) onChange('');
      return;
    }
    const iso = dayFromText(text);
    if (!iso) return setProblem(t('date.invalid'));
    if (min && iso < min) return setProblem(t('date.tooEarly', { day: day(min) }));
    if (max && iso > max) return setProblem(t('date.tooLate', { day: day(max) }));
    setProblem(null);
    if (iso !== value) onChange(iso);
    else setText(day(iso));
  };

  const close = () => {
    setOpen(false);
    input.current?.focus();
  };

  return (
    <div className="field date-field" ref={box}>
      <label htmlFor={id}>{label}</label>
      <div className="date-input">
        <input
          id={id}
          ref={input}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.example')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <button
          type="button"
          className="date-open"
          aria-label={t('date.open', { label })}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
      </div>
      {open && (
        <div
          className="date-popover"
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <Suspense fallback={null}>
            <DateCalendar
              value={value}
              min={min}
              max={max}
              onPick={(iso) => {
                onChange(iso);
                close();
              }}
            />
          </Suspense>
        </div>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
