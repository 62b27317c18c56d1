import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { adminApi, shownRows, type ReportGrouping, type ShownRow } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { currentQuarter, percent } from './format';

const report = (period: 'year' | 'quarter', at: string, groupBy: ReportGrouping) =>
  call(adminApi.report, { query: { period, at, groupBy } });

export function Overview() {
  const t = useT();
  const { year, quarter } = currentQuarter();
  const data = useLoad(
    () => Promise.all([report('year', year, 'month'), report('quarter', quarter, 'ward'), report('quarter', quarter, 'district')]),
    [year, quarter],
  );
  if (data.loading && !data.data) return <p>{t('common.loading')}</p>;
  if (data.error) return <p role="alert">{t('common.error', { message: data.error })}</p>;
  const [months, wards, district] = data.data!.map((report) => shownRows(report.rows)) as [ShownRow[], ShownRow[], ShownRow[]];
  const trend = months.map((r) => ({ month: r.key, share: Math.round((r.satisfiedShare ?? 0) * 1000) / 10 }));
  const byWard = wards.map((r) => ({ ward: r.label, share: Math.round((r.satisfiedShare ?? 0) * 1000) / 10 }));
  const whole = district[0];
  const distribution = whole ? Object.entries(whole.distribution).map(([level, count]) => ({ level, count })) : [];
  return (
    <div className="overview">
      <p className="headline">
        {t('overview.count', { count: whole?.count ?? 0 })} · {t('overview.satisfied')}: {percent(whole?.satisfiedShare ?? null)}
      </p>
      <section>
        <h2>{t('overview.trend', { year })}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={trend}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Line type="monotone" dataKey="share" name={t('overview.satisfied')} stroke="#0b3d91" strokeWidth={3} />
          </LineChart>
        </ResponsiveContainer>
      </section>
      <section>
        <h2>{t('overview.wards', { quarter })}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={byWard}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="ward" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Bar dataKey="share" name={t('overview.satisfied')} fill="#2e7d32" />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section>
        <h2>{t('overview.distribution', { quarter })}</h2>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={distribution}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="level" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" fill="#0a5bb0" />
          </BarChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
