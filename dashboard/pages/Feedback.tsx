import { useState } from 'react';
import { adminApi, FeedbackStatus, type FeedbackUpdate } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { dateTime } from './format';

const statuses = FeedbackStatus.options;

export function Feedback() {
  const t = useT();
  const [status, setStatus] = useState<FeedbackStatus>('moi');
  const items = useLoad(() => call(adminApi.feedback, { query: { status } }), [status]);
  const update = async (id: number, body: FeedbackUpdate) => {
    await call(adminApi.updateFeedback, { params: { id }, body });
    items.reload();
  };
  return (
    <div>
      <div className="filters" role="group">
        {statuses.map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`feedback.status.${s}`)}
          </button>
        ))}
      </div>
      {items.error && <p role="alert">{t('common.error', { message: items.error })}</p>}
      {items.data?.length === 0 && <p>{t('common.none')}</p>}
      {items.data?.map((item) => (
        <form
          key={item.id}
          className="feedback"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void update(item.id, {
              status: FeedbackStatus.parse(form.get('status')),
              assignee: String(form.get('assignee') ?? '') || null,
              responseNote: String(form.get('note') ?? '') || null,
            });
          }}
        >
          <p>
            <strong>{item.wardId}</strong> · {dateTime(item.createdAt)} · {item.overall}/5
          </p>
          <blockquote>{item.comment}</blockquote>
          <label>
            {t('feedback.assignee')} <input name="assignee" defaultValue={item.assignee ?? ''} />
          </label>
          <label>
            {t('feedback.note')} <textarea name="note" rows={2} defaultValue={item.responseNote ?? ''} />
          </label>
          <select name="status" defaultValue={item.status} aria-label={t('feedback.status')}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`feedback.status.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit">{t('common.save')}</button>
        </form>
      ))}
    </div>
  );
}
