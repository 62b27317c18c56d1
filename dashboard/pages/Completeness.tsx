import { useState } from 'react';
import { adminApi, type CompletenessStatement } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { currentQuarter, dateTime, day } from './format';
import { WardSelect } from './WardSelect';

/**
 * A ward's completeness statement for a quarter, to print and sign for an inspector: what each
 * kiosk counted, what arrived, and every gap with what the technician found.
 */
export function Completeness({ wardId: ownWard }: { wardId: string | null }) {
  const t = useT();
  const errorText = useErrorText();
  const wards = useLoad(() => call(adminApi.wards), []);
  const [quarter, setQuarter] = useState(currentQuarter().quarter);
  const [wardId, setWardId] = useState(ownWard ?? '');
  const chosen = wardId || wards.data?.[0]?.id || '';
  const statement = useLoad(
    () => (chosen ? call(adminApi.completeness, { query: { quarter, wardId: chosen } }) : Promise.resolve(null)),
    [quarter, chosen],
  );
  return (
    <div className="statement">
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        {!ownWard && <WardSelect label={t('completeness.ward')} wards={wards.data} value={chosen} onChange={setWardId} />}
        <label>
          {t('tt01.quarter')} <input value={quarter} onChange={(e) => setQuarter(e.target.value)} pattern="\d{4}-Q[1-4]" />
        </label>
        <button type="button" onClick={() => window.print()} disabled={!statement.data}>
          {t('completeness.print')}
        </button>
      </form>
      {statement.failure !== undefined && <p role="alert">{errorText(statement.failure)}</p>}
      {statement.data && <Statement statement={statement.data} />}
    </div>
  );
}

function Statement({ statement: s }: { statement: CompletenessStatement }) {
  const t = useT();
  const complete = s.totals.missing === 0 && s.totals.waiting === 0;
  const [year, q] = s.quarter.split('-Q');
  const quarter = t('completeness.quarterName', { q: q!, year: year! });
  return (
    <article aria-label={t('completeness.title', { ward: s.wardName, quarter })}>
      <h1>{t('completeness.title', { ward: s.wardName, quarter })}</h1>
      <p>
        {t('completeness.period', { from: day(s.from), to: day(s.to) })} · {t('completeness.generated', { at: dateTime(s.generatedAt) })}
      </p>
      <p role="status" className={complete ? 'verdict ok' : 'verdict warn'}>
        {complete
          ? t('completeness.allArrived', { ratings: s.totals.ratings })
          : t('completeness.notAll', { missing: s.totals.missing, waiting: s.totals.waiting })}
      </p>
      <table>
        <caption>{t('completeness.kiosks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('completeness.counter')}</th>
            <th scope="col">{t('completeness.ratings')}</th>
            <th scope="col">{t('completeness.numbers')}</th>
            <th scope="col">{t('completeness.received')}</th>
            <th scope="col">{t('completeness.refused')}</th>
            <th scope="col">{t('completeness.stillOnKiosk')}</th>
            <th scope="col">{t('completeness.missing')}</th>
            <th scope="col">{t('completeness.duplicates')}</th>
            <th scope="col">{t('completeness.bursts')}</th>
            <th scope="col">{t('completeness.repeats')}</th>
          </tr>
        </thead>
        <tbody>
          {s.kiosks.map((k) =>
            (k.counts.length > 0 ? k.counts : [null]).map((c, i) => (
              <tr key={`${k.kioskId}|${c?.number ?? 0}`} className={c && c.missing > 0 ? 'warn' : undefined}>
                {i === 0 && (
                  <th scope="row" rowSpan={Math.max(1, k.counts.length)}>
                    {k.counterLabel}
                  </th>
                )}
                {i === 0 && <td rowSpan={Math.max(1, k.counts.length)}>{k.ratings}</td>}
                {c ? (
                  <>
                    <td>
                      {t('completeness.range', { first: c.firstSeq, last: c.lastSeq })}
                      {k.counts.length > 1 && <> ({t('completeness.countNumber', { number: c.number })})</>}
                    </td>
                    <td>{c.received}</td>
                    <td>{c.refused + c.setAside}</td>
                    <td>{c.waiting}</td>
                    <td>{c.missing}</td>
                  </>
                ) : (
                  <td colSpan={5}>{t('completeness.noRatings')}</td>
                )}
                {i === 0 && (
                  <>
                    <td rowSpan={Math.max(1, k.counts.length)}>{k.duplicatesRefused}</td>
                    <td rowSpan={Math.max(1, k.counts.length)}>{k.burstsFlagged}</td>
                    <td rowSpan={Math.max(1, k.counts.length)}>{k.repeatsFlagged}</td>
                  </>
                )}
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>{t('completeness.gaps')}</h2>
      {s.kiosks.every((k) => k.counts.every((c) => c.gaps.length === 0)) ? (
        <p>{t('completeness.noGaps')}</p>
      ) : (
        <ul>
          {s.kiosks.flatMap((k) =>
            k.counts.flatMap((c) =>
              c.gaps.map((g) => (
                <li key={`${k.kioskId}|${c.number}|${g.first}`}>
                  {t('completeness.gap', {
                    counter: k.counterLabel,
                    first: g.first,
                    last: g.last,
                    count: g.count,
                    since: dateTime(g.since),
                  })}{' '}
                  {g.note ? t('completeness.gapNote', { note: g.note, by: g.notedBy ?? '' }) : t('completeness.gapNoNote')}
                </li>
              )),
            ),
          )}
        </ul>
      )}
      <div className="signatures">
        {(['completeness.preparedBy', 'completeness.head'] as const).map((who) => (
          <p key={who}>
            <strong>{t(who)}</strong>
            <br />
            {t('completeness.signHint')}
          </p>
        ))}
      </div>
    </article>
  );
}
