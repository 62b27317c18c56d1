import { useContext, useState } from 'react';
import { adminApi, type Tt01Report } from '../../shared/contract/admin-api';
import { periodLabel, reportFileName } from '../../shared/report/naming';
import { officialClassification, TT01_INDICATORS, unitClassification } from '../../shared/report/tt01-words';
import { call, download, urlOf } from '../api';
import { DownloadFailure, LoadState } from '../LoadState';
import { LocaleContext, useT } from '../i18n';
import { PeriodPicker, periodHolding, type Period } from '../PeriodPicker';
import { useLoad } from '../useLoad';
import { day, decimal, todayInVietnam } from './format';

type Indicators = Tt01Report['units'][number]['indicators'];

/** Circular 01/2018 scores per quarter: units, then officials, named as the Circular names them. */
export function Tt01() {
  const t = useT();
  const locale = useContext(LocaleContext);
  const today = todayInVietnam();
  const [period, setPeriod] = useState<Period>(periodHolding('quarter', today));
  const quarter = period.at ?? '';
  const data = useLoad(() => call(adminApi.tt01, { query: { quarter } }), [quarter]);
  const [exportFailure, setExportFailure] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const scoreOf = (indicators: Indicators, id: string) => {
    const score = indicators.find((i) => i.criterionId === id)?.score;
    return score === undefined ? '–' : decimal(score, 2);
  };
  const exportXlsx = async () => {
    setExporting(true);
    setExportFailure(null);
    try {
      const unit = data.data?.units.length === 1 ? data.data.units[0]!.label : t('tt01.district');
      await download(
        urlOf(adminApi.tt01, { query: { quarter, format: 'xlsx' } }),
        reportFileName('bao-cao-tt01', unit, period, 'xlsx'),
        () => {},
      );
    } catch (error) {
      setExportFailure(error);
    } finally {
      setExporting(false);
    }
  };
  const header = (first: string) => (
    <tr>
      <th scope="col">{first}</th>
      {TT01_INDICATORS.map((indicator) => (
        <th scope="col" key={indicator.id}>
          {indicator.label[locale]}
        </th>
      ))}
      <th scope="col">{t('tt01.total')}</th>
      <th scope="col">{t('tt01.classification')}</th>
    </tr>
  );
  const report = data.loading ? undefined : data.data;
  return (
    <div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker
          value={period}
          onChange={setPeriod}
          years={Array.from({ length: Number(today.slice(0, 4)) - 2023 }, (_, i) => 2024 + i)}
          kinds={['quarter']}
        />
        <div className="actions">
          <button type="button" disabled={!report || exporting} onClick={() => void exportXlsx()}>
            {t('report.xlsx')}
          </button>
          <DownloadFailure failure={exportFailure} />
        </div>
      </form>
      <LoadState loading={data.loading} failure={data.failure} />
      {report && (
        <>
          {report.repeatedDossiers > 0 && <p role="note">{t('tt01.repeatedDossiers', { count: report.repeatedDossiers })}</p>}
          <table className="report">
            <caption>
              {t('tt01.units')}, {periodLabel(period, locale)} ({day(report.from)} – {day(report.to)}). {t('tt01.partial')}
            </caption>
            <thead>{header(t('tt01.unit'))}</thead>
            <tbody>
              {report.units.length === 0 && report.otherWards.length === 0 && (
                <tr>
                  <td colSpan={TT01_INDICATORS.length + 3}>{t('common.none')}</td>
                </tr>
              )}
              {report.units.map((u) => (
                <tr key={u.wardId}>
                  <th scope="row">{u.label}</th>
                  {TT01_INDICATORS.map((i) => (
                    <td className="number" key={i.id}>
                      {scoreOf(u.indicators, i.id)}
                    </td>
                  ))}
                  <td className="number">{decimal(u.total, 2)}</td>
                  <td>{unitClassification[u.classification][locale]}</td>
                </tr>
              ))}
              {report.otherWards.map((w) => (
                <tr key={w.wardId} className="empty">
                  <th scope="row">{w.label}</th>
                  <td colSpan={TT01_INDICATORS.length + 2}>
                    {w.reason === 'no_dossiers' ? t('tt01.noDossiers') : t('tt01.otherTemplate', { template: w.template })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="report">
            <caption>{t('tt01.officials')}</caption>
            <thead>{header(t('tt01.official'))}</thead>
            <tbody>
              {report.officials.length === 0 && (
                <tr>
                  <td colSpan={TT01_INDICATORS.length + 3}>{t('common.none')}</td>
                </tr>
              )}
              {report.officials.map((o) => (
                <tr key={`${o.wardId}|${o.officialId}`}>
                  <th scope="row">{o.label}</th>
                  {o.hidden ? (
                    <td colSpan={TT01_INDICATORS.length + 2}>{t('tt01.hidden', { min: report.minResponses })}</td>
                  ) : (
                    <>
                      {TT01_INDICATORS.map((i) => (
                        <td className="number" key={i.id}>
                          {scoreOf(o.indicators, i.id)}
                        </td>
                      ))}
                      <td className="number">{o.total === null ? '–' : decimal(o.total, 2)}</td>
                      <td>{o.classification ? officialClassification[o.classification][locale] : '–'}</td>
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
