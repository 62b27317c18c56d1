import type { Insights as InsightsData, Report, ShownRow } from '../../shared/contract/admin-api';
import { useContext } from 'react';
import { LocaleContext, useT } from '../i18n';
import { day, decimal, percent, rowName } from '../pages/format';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A heat map cell: light tints from red to green (dark text stays readable on every one). */
const tint = (share: number | null) =>
  share === null ? 'var(--empty-cell)' : share >= 0.8 ? '#b9e0bd' : share >= 0.6 ? '#dcedc1' : share >= 0.4 ? '#fff3b0' : share >= 0.2 ? '#ffd8a8' : '#f8c4c0';

/** Red to green by the satisfied share, as the faces' colours run. */
const shade = (share: number | null) =>
  share === null ? 'var(--empty-cell)' : share >= 0.8 ? '#2e9e4f' : share >= 0.6 ? '#9ccc65' : share >= 0.4 ? '#fdd835' : share >= 0.2 ? '#fb8c00' : '#e53935';

/** "▲ 7,1 điểm %" against another share. */
function Change({ now, then }: { now: number | null; then: number | null }) {
  const t = useT();
  if (now === null || then === null) return <span>{t('insights.noComparison')}</span>;
  const points = (now - then) * 100;
  const text = t(points > 0 ? 'insights.up' : points < 0 ? 'insights.down' : 'insights.same', { points: decimal(Math.abs(points), 1) });
  return <span className={points > 0 ? 'better' : points < 0 ? 'worse' : undefined}>{text}</span>;
}

/**
 * Below the report's table: the trend against the period before, the wards ranked against the
 * district's average, when in the week citizens are least satisfied, and why the unsatisfied say so.
 * Figures are written out, never only in a tooltip.
 */
export function Insights({ data, report }: { data: InsightsData; report: Report }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const wards = report.groupBy === 'ward' ? report.rows.filter((r): r is ShownRow => !r.hidden && r.count > 0) : [];
  const ranked = [...wards].sort((a, b) => (b.satisfiedShare ?? 0) - (a.satisfiedShare ?? 0));
  const average = data.districtShare ?? data.current.satisfiedShare;
  const hours = [...new Set(data.heatmap.map((c) => c.hour))].sort((a, b) => a - b);
  const cell = (weekday: number, hour: number) => data.heatmap.find((c) => c.weekday === weekday && c.hour === hour);
  const worst = [...data.heatmap].filter((c) => c.count >= 3).sort((a, b) => (a.satisfiedShare ?? 1) - (b.satisfiedShare ?? 1))[0];
  return (
    <div className="insights">
      <section aria-labelledby="insights-trend">
        <h2 id="insights-trend">{t('insights.trend')}</h2>
        <p className="insight-line">
          {t('insights.now', { share: percent(data.current.satisfiedShare), count: decimal(data.current.count, 0) })} ·{' '}
          {t('insights.before', { share: percent(data.previous.satisfiedShare), from: day(data.previous.from), to: day(data.previous.to) })} ·{' '}
          <Change now={data.current.satisfiedShare} then={data.previous.satisfiedShare} />
        </p>
        {data.districtShare !== null && (
          <p className="insight-line">
            {t('insights.district', { share: percent(data.districtShare) })} · <Change now={data.current.satisfiedShare} then={data.districtShare} />
          </p>
        )}
      </section>
      {ranked.length > 1 && (
        <section aria-labelledby="insights-wards">
          <h2 id="insights-wards">{t('insights.wards', { average: percent(average) })}</h2>
          <ol className="ranking">
            {ranked.map((row) => (
              <li key={row.key}>
                <span className="ranking-name">{rowName(row, locale)}</span>
                <span className="ranking-bar" aria-hidden="true">
                  <span className="ranking-fill" style={{ width: `${(row.satisfiedShare ?? 0) * 100}%`, background: shade(row.satisfiedShare) }} />
                  {average !== null && <span className="ranking-average" style={{ left: `${average * 100}%` }} />}
                </span>
                <span className="ranking-value">
                  {percent(row.satisfiedShare)} (<Change now={row.satisfiedShare} then={average} />)
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="insights-heatmap">
        <h2 id="insights-heatmap">{t('insights.heatmap')}</h2>
        {data.heatmap.length === 0 ? (
          <p className="empty-state">{t('common.none')}</p>
        ) : (
          <>
            {worst && <p className="insight-line">{t('insights.worst', { weekday: t(`insights.weekday.${worst.weekday}` as 'insights.weekday.1'), hour: worst.hour, share: percent(worst.satisfiedShare) })}</p>}
            <table className="heatmap">
              <thead>
                <tr>
                  <th scope="col">{t('insights.hour')}</th>
                  {WEEKDAYS.map((w) => (
                    <th scope="col" key={w}>
                      {t(`insights.weekday.${w}` as 'insights.weekday.1')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {hours.map((hour) => (
                  <tr key={hour}>
                    <th scope="row">{t('insights.hourRange', { from: hour, to: hour + 1 })}</th>
                    {WEEKDAYS.map((w) => {
                      const c = cell(w, hour);
                      return (
                        <td key={w} style={{ background: tint(c?.satisfiedShare ?? null) }} className={c ? undefined : 'none'}>
                          {c ? `${percent(c.satisfiedShare)} · ${c.count}` : ''}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section aria-labelledby="insights-reasons">
        <h2 id="insights-reasons">{t('insights.reasons', { count: decimal(data.unsatisfied, 0) })}</h2>
        {data.reasons.length === 0 ? (
          <p className="empty-state">{t('common.none')}</p>
        ) : (
          <table className="report">
            <thead>
              <tr>
                <th scope="col">{t('insights.reason')}</th>
                <th scope="col">{t('insights.times')}</th>
                <th scope="col">{t('insights.ofUnsatisfied')}</th>
                <th scope="col">{t('insights.byLevel')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reasons.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{rowName(r, locale)}</th>
                  <td className="number">{decimal(r.count, 0)}</td>
                  <td className="number">{percent(data.unsatisfied ? r.count / data.unsatisfied : null)}</td>
                  <td>{r.byLevel.map((l) => `${rowName({ label: l.level, labelEn: l.levelEn }, locale)}: ${decimal(l.count, 0)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
