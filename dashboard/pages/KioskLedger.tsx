import { useState } from 'react';
import { adminApi, type IncarnationLedger, type Kiosk } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { dateTime } from './format';

/** The kiosk's current count in one line: complete up to N, what waits, what is missing. */
export function LedgerSummary({ ledger }: { ledger: IncarnationLedger[] }) {
  const t = useT();
  const current = ledger.at(-1);
  if (!current) return <>{t('ledger.nothingYet')}</>;
  const missing = ledger.reduce((n, count) => n + count.gaps.reduce((m, gap) => m + gap.count, 0), 0);
  return (
    <>
      {current.highest < current.firstSeq
        ? t('ledger.nothingYet')
        : current.completeThrough >= current.highest
          ? t('ledger.complete', { n: current.highest })
          : t('ledger.completeThrough', { n: current.completeThrough, highest: current.highest })}
      {current.waiting > 0 && <> · {t('ledger.waiting', { count: current.waiting })}</>}
      {current.setAside > 0 && <> · {t('ledger.setAside', { count: current.setAside })}</>}
      {missing > 0 && <strong> · {t('ledger.missing', { count: missing })}</strong>}
      {ledger.length > 1 && current.number > 1 && (
        <div>{t('ledger.recounting', { number: current.number, at: dateTime(current.startedAt) })}</div>
      )}
    </>
  );
}

/** Each gap of a kiosk's counts, since when, and what the technician found (written here). */
export function LedgerGaps({ kiosk, onNoted }: { kiosk: Kiosk; onNoted: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const gaps = kiosk.ledger.flatMap((count) => count.gaps.map((gap) => ({ count, gap, key: `${count.incarnation}|${gap.first}` })));
  if (gaps.length === 0) return null;
  const save = async (incarnation: IncarnationLedger['incarnation'], first: number, key: string) => {
    try {
      await call(adminApi.noteGap, { params: { id: kiosk.id }, body: { incarnation, first, note: drafts[key] ?? '' } });
      setProblem(null);
      onNoted();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <ul className="ledger-gaps" aria-label={t('ledger.gapsOf', { place: `${kiosk.wardName} – ${kiosk.counterLabel}` })}>
      {problem && <li role="alert">{problem}</li>}
      {gaps.map(({ count, gap, key }) => (
        <li key={key}>
          {t('ledger.gap', {
            first: gap.first,
            last: gap.last,
            count: gap.count,
            number: count.number,
            since: dateTime(gap.since),
          })}{' '}
          {gap.note !== null ? (
            <em>{t('ledger.noted', { note: gap.note, by: gap.notedBy ?? '' })}</em>
          ) : (
            <span className="inline-form">
              <label>
                {t('ledger.note')} <input value={drafts[key] ?? ''} onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })} />
              </label>
              <button type="button" disabled={!(drafts[key] ?? '').trim()} onClick={() => void save(count.incarnation, gap.first, key)}>
                {t('ledger.saveNote')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
