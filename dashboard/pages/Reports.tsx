import { useState } from 'react';
import { adminApi, ReportGrouping } from '../../shared/contract/admin-api';
import { call, download, urlOf } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { currentQuarter, percent } from './format';
import { WardSelect } from './WardSelect';

const groupings = ReportGrouping.options;
const periods = ['day', 'month', 'quarter', 'year', 'custom'] as const;
type Period = (typeof periods)[number];

export function Reports() {
  const t = useT();
  const { month } = currentQuarter();
  const [query, setQuery] = useState<{
    period: Period;
    at: string;
    from: string;
    to: string;
    groupBy: ReportGrouping;
    wardId: string;
    includeBursts: boolean;
  }>({
    period: 'month',
    at: month,
    from: '',
    to: '',
    groupBy: 'ward',
    wardId: '',
    includeBursts: false,
  });
  const [shown, setShown] = useState(query);
  const [exporting, setExporting] = useState<string | null>(null);
  const wards = useLoad(() => call(adminApi.wards), []);
  const params = (q: typeof query, format: 'json' | 'csv' | 'xlsx') => ({
    period: q.period,
    groupBy: q.groupBy,
    format,
    includeBursts: q.includeBursts ? ('true' as const) : ('false' as const),
    ...(q.period === 'custom' ? { from: q.from, to: q.to } : { at: q.at }),
    ...(q.wardId && { wardId: q.wardId }),
  });
  const report = useLoad(() => call(adminApi.report, { query: params(shown, 'json') }), [shown]);
  const levels = [5, 4, 3, 2, 1];
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting('0 KB');
    try {
      await download(urlOf(adminApi.report, { query: params(shown, format) }), `bao-cao.${format}`, (bytes) =>
        setExporting(`${Math.round(bytes / 1024)} KB`),
      );
    } finally {
      setExporting(null);
    }
  };
  return (
    <div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(query);
        }}
      >
        <label>
          {t('report.period')}
          <select
            value={query.period}
            onChange={(e) => setQuery({ ...query, period: periods.find((p) => p === e.target.value) ?? 'month' })}
          >
            {periods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {query.period === 'custom' ? (
          <>
            <label>
              {t('report.from')}
              <input type="date" value={query.from} onChange={(e) => setQuery({ ...query, from: e.target.value })} />
            </label>
            <label>
              {t('report.to')}
              <input type="date" value={query.to} onChange={(e) => setQuery({ ...query, to: e.target.value })} />
            </label>
          </>
        ) : (
          <label>
            {t('report.at')}
            <input value={query.at} onChange={(e) => setQuery({ ...query, at: e.target.value })} placeholder="2026-11, 2026-Q4, 2026" />
          </label>
        )}
        <label>
          {t('report.groupBy')}
          <select value={query.groupBy} onChange={(e) => setQuery({ ...query, groupBy: ReportGrouping.parse(e.target.value) })}>
            {groupings.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <WardSelect
          label={t('report.ward')}
          wards={wards.data}
          value={query.wardId}
          emptyLabel={t('report.allWards')}
          onChange={(wardId) => setQuery({ ...query, wardId })}
        />
        <label className="check">
          <input type="checkbox" checked={query.includeBursts} onChange={(e) => setQuery({ ...query, includeBursts: e.target.checked })} />
          {t('report.includeBursts')}
        </label>
        <button type="submit">{t('report.show')}</button>
        <button type="button" disabled={exporting !== null} onClick={() => void exportAs('csv')}>
          {t('report.csv')}
        </button>
        <button type="button" disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>
          {t('report.xlsx')}
        </button>
        {exporting !== null && <span role="status">{t('report.exporting', { received: exporting })}</span>}
      </form>
      {report.error && <p role="alert">{t('common.error', { message: report.error })}</p>}
      {report.data && (
        <table>
          <caption>
            {report.data.unit} · {report.data.from} – {report.data.to}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.group')}</th>
              <th scope="col">{t('report.count')}</th>
              <th scope="col">{t('report.satisfied')}</th>
              <th scope="col">{t('report.mean')}</th>
              {levels.map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.data.rows.length === 0 && (
              <tr>
                <td colSpan={4 + levels.length}>{t('common.none')}</td>
              </tr>
            )}
            {report.data.rows.map((row) => (
              <tr key={`${row.key}|${row.hidden ? 'withheld' : row.scaleSize}`}>
                <th scope="row">{row.label}</th>
                {row.hidden ? (
                  <td colSpan={3 + levels.length}>{t('report.hidden', { min: report.data!.minResponses })}</td>
                ) : (
                  <>
                    <td>{row.count}</td>
                    <td>{percent(row.satisfiedShare)}</td>
                    <td>{row.mean?.toFixed(2) ?? '–'}</td>
                    {levels.map((l) => (
                      <td key={l}>{row.distribution[String(l)] ?? ''}</td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
