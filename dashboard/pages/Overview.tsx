import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fiveLevelScale } from '../../shared/templates/scales';
import { adminApi, shownRows, type ReportGrouping, type ShownRow } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useContext } from 'react';
import { periodLabel } from '../../shared/report/naming';
import { LocaleContext, useT } from '../i18n';
import { useLoad } from '../useLoad';
import { useErrorText } from '../errors';
import { currentQuarter, decimal, percent, rowName } from './format';

/** The kiosk faces' colours (renderer/ui/styles.css), darkened where a bar on white needs it. */
const faceColour: Record<string, string> = {
  'very-satisfied': '#2e9e4f',
  satisfied: '#7cb342',
  neutral: '#c9a400',
  dissatisfied: '#e07b00',
  'very-dissatisfied': '#d32f2f',
};

const report = (period: 'year' | 'quarter', at: string, groupBy: ReportGrouping) =>
  call(adminApi.report, { query: { period, at, groupBy } });

export function Overview() {
  const t = useT();
  const locale = useContext(LocaleContext);
  const errorText = useErrorText();
  const { year, quarter } = currentQuarter();
  const data = useLoad(
    () => Promise.all([report('year', year, 'month'), report('quarter', quarter, 'ward'), report('quarter', quarter, 'district')]),
    [year, quarter],
  );
  if (data.loading && !data.data) return <p role="status">{t('common.loading')}</p>;
  if (data.failure !== undefined) return <p role="alert">{t('report.failed', { reason: errorText(data.failure) })}</p>;
  const [months, wards, district] = data.data!.map((report) => shownRows(report.rows)) as [ShownRow[], ShownRow[], ShownRow[]];
  const share = (r: ShownRow) => (r.satisfiedShare === null ? null : Math.round(r.satisfiedShare * 1000) / 10);
  // One point a month: the district's main (5-level) scale where a month has both.
  const byMonth = new Map<string, ShownRow>();
  for (const r of months) if (!byMonth.has(r.key) || r.scaleSize > byMonth.get(r.key)!.scaleSize) byMonth.set(r.key, r);
  const trend = [...byMonth.values()].sort((a, b) => a.key.localeCompare(b.key)).map((r) => ({ month: r.key, share: share(r) }));
  // Every ward, those without a rating included (no bar, "0 lượt" under the name).
  const byWard = wards.map((r) => ({ ward: `${rowName(r, locale)} (${t('overview.ratings', { count: r.count })})`, share: share(r) }));
  const whole = district[0];
  // The five levels by name and in the faces' colours, best first (a 3-level survey's ratings sit on its own levels).
  const distribution = fiveLevelScale.map((level) => ({
    level: level.label[locale],
    face: level.face,
    count: whole?.scaleSize === 5 ? (whole.distribution[String(level.value)] ?? 0) : 0,
  }));
  const percentTick = (value: number) => `${value}%`;
  const monthTick = (key: string) => `${Number(key.slice(5))}/${key.slice(0, 4)}`;
  if (!whole || whole.count === 0)
    return (
      <div className="overview">
        <p className="headline">{t('overview.count', { count: 0 })}</p>
        <p className="empty-state">{t('common.none')}</p>
      </div>
    );
  return (
    <div className="overview">
      <p className="headline">
        {t('overview.count', { count: whole?.count ?? 0 })} · {t('overview.satisfied')}: {percent(whole?.satisfiedShare ?? null)}
      </p>
      <section>
        <h2>{t('overview.trend', { year })}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={trend} margin={{ top: 24, right: 32, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tickFormatter={monthTick} />
            <YAxis domain={[0, 100]} tickFormatter={percentTick} />
            <Tooltip
              labelFormatter={(key) => monthTick(String(key))}
              formatter={(value) => [`${decimal(Number(value), 1)}%`, t('overview.satisfied')]}
            />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="share"
              name={t('overview.satisfied')}
              stroke="#0b3d91"
              strokeWidth={3}
              connectNulls
            >
              <LabelList
                dataKey="share"
                position="top"
                formatter={(value: unknown) => (value === null ? '' : `${decimal(Number(value), 1)}%`)}
              />
            </Line>
          </LineChart>
        </ResponsiveContainer>
      </section>
      <section>
        <h2>{t('overview.wards', { quarter: periodLabel({ period: 'quarter', at: quarter }, locale) })}</h2>
        {/* Lying bars: every ward's name reads in full, however many wards there are. */}
        <ResponsiveContainer width="100%" height={Math.max(160, byWard.length * 36 + 40)}>
          <BarChart data={byWard} layout="vertical" margin={{ left: 8, right: 64 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} />
            <YAxis type="category" dataKey="ward" width={300} interval={0} />
            <Tooltip formatter={(value) => [`${decimal(Number(value), 1)}%`, t('overview.satisfied')]} />
            <Bar isAnimationActive={false} dataKey="share" name={t('overview.satisfied')} fill="#2e7d32">
              <LabelList
                dataKey="share"
                position="right"
                formatter={(value: unknown) => (value === null ? '' : `${decimal(Number(value), 1)}%`)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section>
        <h2>{t('overview.distribution', { quarter: periodLabel({ period: 'quarter', at: quarter }, locale) })}</h2>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={distribution} margin={{ top: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="level" interval={0} />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(value) => [decimal(Number(value), 0), t('overview.ratingsLabel')]} />
            <Bar isAnimationActive={false} dataKey="count" name={t('overview.ratingsLabel')}>
              {distribution.map((d) => (
                <Cell key={d.face} fill={faceColour[d.face]} />
              ))}
              <LabelList dataKey="count" position="top" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
