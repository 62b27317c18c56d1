import { useContext } from 'react';
import { dayCount, periodDays, periodHolding, shiftPeriod, type Period, type PeriodKind } from '../shared/report/period';
import { periodLabel } from '../shared/report/naming';
import { DateField } from './DateField';
import { LocaleContext, useT } from './i18n';
import { todayInVietnam } from './pages/format';

export { periodHolding, type Period, type PeriodKind };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The period as people choose it: a month, a quarter, a year or a range of days, with the month,
 * quarter and year picked from lists, arrows to the period before and after, and the period said in
 * words ("Quý 4/2026: 01/10/2026 – 31/12/2026").
 */
export function PeriodPicker({
  value,
  onChange,
  years,
  kinds = ['month', 'quarter', 'year', 'custom'],
}: {
  value: Period;
  onChange: (p: Period) => void;
  years: number[];
  /** The kinds offered (the TT01 scores are per quarter only). */
  kinds?: PeriodKind[];
}) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const days = periodDays(value);
  const [year, part] = value.period === 'custom' ? [0, 0] : (value.at ?? '').split(/-Q?/).map(Number);
  const yearSelect = (
    <label>
      {t('period.year')}
      <select
        value={year}
        onChange={(e) =>
          onChange(
            value.period === 'month'
              ? { period: 'month', at: `${e.target.value}-${pad(part ?? 1)}` }
              : value.period === 'quarter'
                ? { period: 'quarter', at: `${e.target.value}-Q${part ?? 1}` }
                : { period: 'year', at: e.target.value },
          )
        }
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="period-picker">
      <legend>{t('report.period')}</legend>
      {kinds.length > 1 && (
        <div className="segmented" role="radiogroup" aria-label={t('period.kind')}>
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={value.period === kind}
              onClick={() => {
                if (!days || value.period === kind) return;
                // From the period holding today, to the month (quarter, year) holding today.
                const today = todayInVietnam();
                const anchor = kind !== 'custom' && today >= days.from && today <= days.to ? today : days.from;
                onChange(periodHolding(kind, anchor, days.to));
              }}
            >
              {t(`period.kind.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <div className="period-fields">
        {value.period !== 'custom' && (
          <button type="button" className="step" aria-label={t('period.previous')} onClick={() => onChange(shiftPeriod(value, -1))}>
            ‹
          </button>
        )}
        {value.period === 'month' && (
          <label>
            {t('period.month')}
            <select value={part} onChange={(e) => onChange({ period: 'month', at: `${year}-${pad(Number(e.target.value))}` })}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i} value={i + 1}>
                  {t('period.monthName', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
        {value.period === 'quarter' && (
          <label>
            {t('period.quarter')}
            <select value={part} onChange={(e) => onChange({ period: 'quarter', at: `${year}-Q${e.target.value}` })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('period.quarterName', { n: q })}
                </option>
              ))}
            </select>
          </label>
        )}
        {value.period !== 'custom' && yearSelect}
        {value.period === 'custom' && (
          <>
            <DateField
              label={t('report.from')}
              value={value.from ?? ''}
              max={value.to}
              required
              onChange={(from) => onChange({ ...value, from })}
            />
            <DateField
              label={t('report.to')}
              value={value.to ?? ''}
              min={value.from}
              required
              onChange={(to) => onChange({ ...value, to })}
            />
          </>
        )}
        {value.period !== 'custom' && (
          <button type="button" className="step" aria-label={t('period.next')} onClick={() => onChange(shiftPeriod(value, 1))}>
            ›
          </button>
        )}
      </div>
      <p className="period-said" aria-live="polite">
        {!days
          ? t('period.invalid')
          : value.period === 'custom'
            ? t('period.days', { n: dayCount(days) })
            : `${periodLabel(value, locale)}: ${periodLabel({ period: 'custom', ...days }, locale)}`}
      </p>
    </fieldset>
  );
}
