import { useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { currentQuarter } from './format';

const indicatorIds = ['chi-so-1', 'chi-so-3', 'chi-so-4', 'chi-so-7'];

export function Tt01() {
  const t = useT();
  const [quarter, setQuarter] = useState(currentQuarter().quarter);
  const data = useLoad(() => call(adminApi.tt01, { query: { quarter } }), [quarter]);
  const scoreOf = (indicators: { criterionId: string; score: number }[], id: string) =>
    indicators.find((i) => i.criterionId === id)?.score.toFixed(2) ?? '–';
  const header = (
    <tr>
      <th scope="col" />
      {indicatorIds.map((id) => (
        <th scope="col" key={id}>
          {id}
        </th>
      ))}
      <th scope="col">{t('tt01.total')}</th>
      <th scope="col">{t('tt01.classification')}</th>
    </tr>
  );
  return (
    <div>
      <label>
        {t('tt01.quarter')} <input value={quarter} onChange={(e) => setQuarter(e.target.value)} />
      </label>
      {data.error && <p role="alert">{t('common.error', { message: data.error })}</p>}
      {data.data && (
        <>
          {data.data.repeatedDossiers > 0 && <p role="note">{t('tt01.repeatedDossiers', { count: data.data.repeatedDossiers })}</p>}
          <table>
            <caption>
              {t('tt01.units')} ({t('tt01.partial')})
            </caption>
            <thead>{header}</thead>
            <tbody>
              {data.data.units.map((u) => (
                <tr key={u.wardId}>
                  <th scope="row">{u.label}</th>
                  {indicatorIds.map((id) => (
                    <td key={id}>{scoreOf(u.indicators, id)}</td>
                  ))}
                  <td>{u.total.toFixed(2)}</td>
                  <td>{u.classification}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('tt01.officials')}</caption>
            <thead>{header}</thead>
            <tbody>
              {data.data.officials.map((o) => (
                <tr key={o.label}>
                  <th scope="row">{o.label}</th>
                  {o.hidden ? (
                    <td colSpan={indicatorIds.length + 2}>{t('report.hidden', { min: data.data!.minResponses })}</td>
                  ) : (
                    <>
                      {indicatorIds.map((id) => (
                        <td key={id}>{scoreOf(o.indicators, id)}</td>
                      ))}
                      <td>{o.total?.toFixed(2)}</td>
                      <td>{o.classification}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
