import { useState } from 'react';
import { adminApi, type AlertItem } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { dateTime, percent } from './format';

type Alert = AlertItem;

/** What needs a person: read, act, and acknowledge with a note of what was done. */
export function Alerts() {
  const t = useT();
  const errorText = useErrorText();
  const [status, setStatus] = useState<'open' | 'acknowledged'>('open');
  const alerts = useLoad(() => call(adminApi.alerts, { query: { status } }), [status]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const acknowledge = async (id: number) => {
    try {
      await call(adminApi.acknowledgeAlert, { params: { id }, body: { note: notes[id] ?? '' } });
      setProblem(null);
      alerts.reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const what = (a: Alert) => {
    switch (a.kind) {
      case 'very-dissatisfied-comment':
        return t('alerts.kind.comment', { comment: a.comment ?? '' });
      case 'satisfaction-drop':
        return t('alerts.kind.drop', { share: percent(a.details.share ?? null), window: a.details.window ?? 0 });
      case 'silent-kiosk':
        return t('alerts.kind.silent', { kiosk: (a.kioskId ?? '').slice(0, 8), minutes: a.details.silentMinutes ?? 0 });
      case 'kiosk-ceiling':
        return t('alerts.kind.ceiling', {
          kiosk: (a.kioskId ?? '').slice(0, 8),
          ratings: a.details.ratings ?? 0,
          minutes: a.details.minutes ?? 0,
        });
      case 'sequence-gap':
        return t('alerts.kind.gap', {
          kiosk: (a.kioskId ?? '').slice(0, 8),
          first: a.details.first ?? 0,
          last: a.details.last ?? 0,
          count: (a.details.last ?? 0) - (a.details.first ?? 0) + 1,
        });
      case 'kiosk-recounting':
        return t('alerts.kind.recounting', { kiosk: (a.kioskId ?? '').slice(0, 8), number: a.details.incarnationNumber ?? 0 });
      case 'storage-full':
        return t('alerts.kind.storageFull', { since: dateTime(a.details.since ?? a.createdAt) });
    }
  };

  return (
    <>
      <div role="group" aria-label={t('alerts.show')}>
        {(['open', 'acknowledged'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(s === 'open' ? 'alerts.open' : 'alerts.acknowledged')}
          </button>
        ))}
      </div>
      {alerts.failure !== undefined && <p role="alert">{errorText(alerts.failure)}</p>}
      {problem && <p role="alert">{problem}</p>}
      {alerts.data?.length === 0 && <p>{t(status === 'open' ? 'alerts.noneOpen' : 'common.none')}</p>}
      <ul className="alerts">
        {alerts.data?.map((a) => (
          <li key={a.id} className={`alert alert-${a.kind}`}>
            <p>
              <strong>{a.wardName}</strong> · {dateTime(a.createdAt)}
              {a.emailedAt !== null && ` · ${t('alerts.emailed')}`}
            </p>
            <p>{what(a)}</p>
            {a.acknowledgedAt === null ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void acknowledge(a.id);
                }}
              >
                <label>
                  {t('alerts.note')}{' '}
                  <input
                    value={notes[a.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })}
                    required
                    maxLength={1000}
                  />
                </label>
                <button type="submit">{t('alerts.acknowledge')}</button>
              </form>
            ) : (
              <p>{t('alerts.done', { by: a.acknowledgedBy ?? '', at: dateTime(a.acknowledgedAt), note: a.note ?? '' })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
