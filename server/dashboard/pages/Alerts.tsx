import { useState } from 'react';
import { z } from 'zod';
import { api, ApiFailure } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { dateTime, percent } from './format';

const Alert = z.object({
  id: z.number(),
  kind: z.enum(['very-dissatisfied-comment', 'satisfaction-drop', 'silent-kiosk']),
  ward_id: z.string(),
  kiosk_id: z.string().nullable(),
  created_at: z.number(),
  emailed_at: z.number().nullable(),
  acknowledged_at: z.number().nullable(),
  acknowledged_by: z.string().nullable(),
  note: z.string().nullable(),
  comment: z.string().nullable(),
  details: z.object({ share: z.number().optional(), window: z.number().optional(), silentMinutes: z.number().optional() }),
});
type Alert = z.infer<typeof Alert>;

/** What needs a person: read, act, and acknowledge with a note of what was done. */
export function Alerts() {
  const t = useT();
  const [status, setStatus] = useState<'open' | 'acknowledged'>('open');
  const alerts = useLoad(() => api(`/api/v1/admin/alerts?status=${status}`, z.array(Alert)), [status]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const acknowledge = async (id: number) => {
    try {
      await api(`/api/v1/admin/alerts/${id}/acknowledge`, z.unknown(), { method: 'POST', body: { note: notes[id] ?? '' } });
      setProblem(null);
      alerts.reload();
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : String(error));
    }
  };
  const what = (a: Alert) =>
    a.kind === 'very-dissatisfied-comment'
      ? t('alerts.kind.comment', { comment: a.comment ?? '' })
      : a.kind === 'satisfaction-drop'
        ? t('alerts.kind.drop', { share: percent(a.details.share ?? null), window: a.details.window ?? 0 })
        : t('alerts.kind.silent', { kiosk: (a.kiosk_id ?? '').slice(0, 8), minutes: a.details.silentMinutes ?? 0 });

  return (
    <>
      <div role="group" aria-label={t('alerts.show')}>
        {(['open', 'acknowledged'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(s === 'open' ? 'alerts.open' : 'alerts.acknowledged')}
          </button>
        ))}
      </div>
      {alerts.error && <p role="alert">{t('common.error', { message: alerts.error })}</p>}
      {problem && <p role="alert">{problem}</p>}
      {alerts.data?.length === 0 && <p>{t(status === 'open' ? 'alerts.noneOpen' : 'common.none')}</p>}
      <ul className="alerts">
        {alerts.data?.map((a) => (
          <li key={a.id} className={`alert alert-${a.kind}`}>
            <p>
              <strong>{a.ward_id}</strong> · {dateTime(a.created_at)}
              {a.emailed_at !== null && ` · ${t('alerts.emailed')}`}
            </p>
            <p>{what(a)}</p>
            {a.acknowledged_at === null ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void acknowledge(a.id);
                }}
              >
                <label>
                  {t('alerts.note')}{' '}
                  <input value={notes[a.id] ?? ''} onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })} required maxLength={1000} />
                </label>
                <button type="submit">{t('alerts.acknowledge')}</button>
              </form>
            ) : (
              <p>{t('alerts.done', { by: a.acknowledged_by ?? '', at: dateTime(a.acknowledged_at), note: a.note ?? '' })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
