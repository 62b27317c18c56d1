import { useContext, useState } from 'react';
import { adminApi, ReportGrouping, type Report } from '../../shared/contract/admin-api';
import { periodLabel, reportFileName } from '../../shared/report/naming';
import { fiveLevelScale, threeLevelScale } from '../../shared/templates/scales';
import { call, download, urlOf } from '../api';
import { DownloadFailure, LoadState } from '../LoadState';
import { LocaleContext, useT } from '../i18n';
import { PeriodPicker, periodHolding, type Period } from '../PeriodPicker';
import { useLoad } from '../useLoad';
import { day, decimal, percent, rowName, todayInVietnam } from './format';
import { WardSelect } from './WardSelect';
import { Insights } from '../reports/Insights';

/** Years a report can be asked for: the product's first year to this one. */
const yearsUpTo = (today: string) => Array.from({ length: Number(today.slice(0, 4)) - 2024 + 1 }, (_, i) => 2024 + i);

/** The level columns: named by the scale when every row uses one ("Rất hài lòng"…), numbered otherwise. */
function levelColumns(report: Report, locale: 'vi' | 'en') {
  const sizes = new Set(report.rows.flatMap((row) => (row.hidden || row.count === 0 ? [] : [row.scaleSize])));
  const one = sizes.size <= 1 && report.groupBy !== 'criterion' ? ([...sizes][0] ?? 5) : null;
  const size = one ?? 5;
  const scale = one === 3 ? threeLevelScale : fiveLevelScale;
  return Array.from({ length: size }, (_, i) => {
    const value = size - i;
    return { value, name: one ? (scale.find((l) => l.value === value)?.label[locale] ?? String(value)) : null };
  });
}

export function Reports() {
  const t = useT();
  const locale = useContext(LocaleContext);
  const today = todayInVietnam();
  const [period, setPeriod] = useState<Period>(periodHolding('quarter', today));
  const [groupBy, setGroupBy] = useState<ReportGrouping>('ward');
  const [wardId, setWardId] = useState('');
  const [includeBursts, setIncludeBursts] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportFailure, setExportFailure] = useState<unknown>(null);
  const wards = useLoad(() => call(adminApi.wards), []);
  const params = (format: 'json' | 'csv' | 'xlsx') => ({
    ...period,
    groupBy,
    format,
    includeBursts: includeBursts ? ('true' as const) : ('false' as const),
    ...(wardId && { wardId }),
  });
  // Every change reloads the report; an answer for an earlier choice is dropped (useLoad).
  const report = useLoad(() => call(adminApi.report, { query: params('json') }), [period, groupBy, wardId, includeBursts]);
  const insights = useLoad(
    () => call(adminApi.insights, { query: { ...period, includeBursts: includeBursts ? 'true' : 'false', ...(wardId && { wardId }) } }),
    [period, wardId, includeBursts],
  );
  const excluded = insights.data?.excluded;
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting('0 KB');
    setExportFailure(null);
    try {
      const unit = report.data?.unit ?? '';
      await download(urlOf(adminApi.report, { query: params(format) }), reportFileName('bao-cao-hai-long', unit, period, format), (bytes) =>
        setExporting(`${Math.round(bytes / 1024)} KB`),
      );
    } catch (error) {
      setExportFailure(error);
    } finally {
      setExporting(null);
    }
  };
  const data = report.loading ? undefined : report.data;
  const levels = data ? levelColumns(data, locale) : [];
  return (
    <div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker value={period} onChange={setPeriod} years={yearsUpTo(today)} />
        <label>
          {t('report.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(ReportGrouping.parse(e.target.value))}>
            {ReportGrouping.options.map((g) => (
              <option key={g} value={g}>
                {t(`report.groupBy.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <WardSelect label={t('report.ward')} wards={wards.data} value={wardId} emptyLabel={t('report.allWards')} onChange={setWardId} />
        <label className="check">
          <input type="checkbox" checked={includeBursts} onChange={(e) => setIncludeBursts(e.target.checked)} />
          {t('report.includeBursts')}
          {excluded && (
            <span className="excluded-note">
              {' '}
              ({t(includeBursts ? 'insights.included' : 'insights.excluded', { bursts: excluded.bursts, repeats: excluded.repeats })})
            </span>
          )}
        </label>
        <div className="actions">
          <button type="button" disabled={exporting !== null || !data} onClick={() => void exportAs('xlsx')}>
            {t('report.xlsx')}
          </button>
          <button type="button" disabled={exporting !== null || !data} onClick={() => void exportAs('csv')}>
            {t('report.csv')}
          </button>
          {exporting !== null && <span role="status">{t('report.exporting', { received: exporting })}</span>}
          <DownloadFailure failure={exportFailure} />
        </div>
      </form>
      <LoadState loading={report.loading} failure={report.failure} />
      {data && (
        <table className="report">
          <caption>
            {period.period === 'custom'
              ? t('report.captionDays', { unit: data.unit, from: day(data.from), to: day(data.to) })
              : t('report.caption', { unit: data.unit, period: periodLabel(period, locale), from: day(data.from), to: day(data.to) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(`report.groupBy.${data.groupBy}`)}</th>
              <th scope="col">{t('report.count')}</th>
              <th scope="col">{t('report.satisfied')}</th>
              <th scope="col">{t('report.mean')}</th>
              {levels.map((l) => (
                <th scope="col" key={l.value}>
                  {l.name ?? t('report.level', { n: l.value })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.length === 0 && (
              <tr>
                <td colSpan={4 + levels.length}>{t('common.none')}</td>
              </tr>
            )}
            {data.rows.map((row) => (
              <tr
                key={`${row.key}|${row.hidden ? 'withheld' : row.scaleSize}`}
                className={!row.hidden && row.count === 0 ? 'empty' : undefined}
              >
                <th scope="row">{rowName(row, locale)}</th>
                {row.hidden ? (
                  <td colSpan={3 + levels.length}>{t('report.hidden', { min: data.minResponses })}</td>
                ) : (
                  <>
                    <td className="number">{decimal(row.count, 0)}</td>
                    <td className="number">{percent(row.satisfiedShare)}</td>
                    <td className="number">{row.mean === null ? '–' : decimal(row.mean, 2)}</td>
                    {levels.map((l) => (
                      <td className="number" key={l.value}>
                        {decimal(row.distribution[String(l.value)] ?? 0, 0)}
                      </td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && !insights.loading && insights.data && <Insights data={insights.data} report={data} />}
    </div>
  );
}
