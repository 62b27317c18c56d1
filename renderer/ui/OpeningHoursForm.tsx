import { useEffect, useState } from 'react';
import { formatPeriods, OpeningHours, parsePeriods } from '../../shared/schema/opening-hours';
import type { ShellSettings } from '../../shared/schema/shell-settings';
import type { TechnicianPort } from '../host/technician';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The counter's opening hours, per weekday: the display stays awake in them, updates wait for after. */
export function OpeningHoursForm({ settings }: { settings: NonNullable<TechnicianPort['settings']> }) {
  const { t } = useKioskView();
  const [loaded, setLoaded] = useState<ShellSettings | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [line, setLine] = useState<{ key: MessageKey; ok: boolean } | null>(null);

  useEffect(() => {
    void settings.load().then((current) => {
      setLoaded(current);
      if (current) setTexts(Object.fromEntries(DAYS.map((day) => [day, formatPeriods(current.openingHours[day])])));
    });
  }, [settings]);

  const save = async () => {
    if (!loaded) return;
    const days = DAYS.map((day) => [day, parsePeriods(texts[day] ?? '')] as const);
    const hours = OpeningHours.safeParse(Object.fromEntries(days.filter(([, periods]) => periods && periods.length > 0)));
    if (days.some(([, periods]) => periods === null) || !hours.success) return setLine({ key: 'hours.invalid', ok: false });
    try {
      await settings.save({ ...loaded, openingHours: hours.data });
      setLine({ key: 'hours.saved', ok: true });
    } catch {
      setLine({ key: 'tools.failed', ok: false });
    }
  };

  if (!loaded) return null;
  return (
    <form
      className="opening-hours"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('hours.title')}</h2>
      <p className="hint">{t('hours.help')}</p>
      {DAYS.map((day) => (
        <label key={day}>
          <span>{t(`hours.day.${day}` as MessageKey)}</span>
          <input
            value={texts[day] ?? ''}
            onChange={(e) => setTexts({ ...texts, [day]: e.target.value })}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      ))}
      {line && (
        <p role={line.ok ? 'status' : 'alert'} className={line.ok ? 'setup-ok' : 'setup-problem'}>
          {t(line.key)}
        </p>
      )}
      <button type="submit" className="secondary">
        {t('hours.save')}
      </button>
    </form>
  );
}
