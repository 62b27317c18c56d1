import { Fragment, useContext, useState } from 'react';
import { adminApi, FeedbackStatus, type FeedbackItem } from '../../shared/contract/admin-api';
import { fiveLevelScale, threeLevelScale } from '../../shared/templates/scales';
import { call } from '../api';
import { DateField } from '../DateField';
import { useErrorText } from '../errors';
import { LocaleContext, useT } from '../i18n';
import { LoadState } from '../LoadState';
import { useLoad } from '../useLoad';
import { dateTime } from './format';
import { WardSelect } from './WardSelect';

const statuses = FeedbackStatus.options;
const PAGE_SIZE = 20;

interface Filters {
  status: FeedbackStatus | '';
  wardId: string;
  overall: string;
  from: string;
  to: string;
  assignee: string;
  q: string;
  overdue: boolean;
}

/** A feedback item's statuses, by name. */
function StatusOptions() {
  const t = useT();
  return statuses.map((s) => (
    <option key={s} value={s}>
      {t(`feedback.status.${s}`)}
    </option>
  ));
}

const levelName = (overall: number, scaleSize: number, locale: 'vi' | 'en') =>
  (scaleSize === 3 ? threeLevelScale : fiveLevelScale).find((l) => l.value === overall)?.label[locale] ?? String(overall);

/**
 * Citizens' comments as a worklist: filters, a search, pages; a row opens the rating it came from
 * and the form to answer it; an item still open after the district's working days stands out.
 */
export function Feedback() {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [filters, setFilters] = useState<Filters>({
    status: 'moi',
    wardId: '',
    overall: '',
    from: '',
    to: '',
    assignee: '',
    q: '',
    overdue: false,
  });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  // Answers saved on this page: the row keeps its place with its new status until the filters change.
  const [saved, setSaved] = useState<Record<number, Partial<FeedbackItem>>>({});
  const wards = useLoad(() => call(adminApi.wards), []);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.status && { status: filters.status }),
    ...(filters.wardId && { wardId: filters.wardId }),
    ...(filters.overall && { overall: Number(filters.overall) }),
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
    ...(filters.assignee.trim() && { assignee: filters.assignee.trim() }),
    ...(filters.q.trim() && { q: filters.q.trim() }),
    ...(filters.overdue && { overdue: 'true' as const }),
  };
  const list = useLoad(() => call(adminApi.feedback, { query }), [JSON.stringify(query)]);
  const change = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPage(1);
    setSaved({});
  };
  const turn = (to: number) => {
    setPage(to);
    setSaved({});
  };
  const data = list.loading ? undefined : list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('feedback.status')}
          <select
            value={filters.status}
            onChange={(e) => change({ status: e.target.value === '' ? '' : FeedbackStatus.parse(e.target.value) })}
          >
            <option value="">{t('feedback.all')}</option>
            <StatusOptions />
          </select>
        </label>
        <WardSelect
          label={t('report.ward')}
          wards={wards.data}
          value={filters.wardId}
          emptyLabel={t('report.allWards')}
          onChange={(wardId) => change({ wardId })}
        />
        <label>
          {t('feedback.level')}
          <select value={filters.overall} onChange={(e) => change({ overall: e.target.value })}>
            <option value="">{t('feedback.all')}</option>
            {fiveLevelScale.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label[locale]}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('report.from')} value={filters.from} max={filters.to || undefined} onChange={(from) => change({ from })} />
        <DateField label={t('report.to')} value={filters.to} min={filters.from || undefined} onChange={(to) => change({ to })} />
        <label>
          {t('feedback.assignee')}
          <input value={filters.assignee} onChange={(e) => change({ assignee: e.target.value })} />
        </label>
        <label>
          {t('feedback.search')}
          <input type="search" value={filters.q} onChange={(e) => change({ q: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => change({ overdue: e.target.checked })} />
          {t('feedback.onlyOverdue')}
        </label>
      </form>
      <LoadState loading={list.loading} failure={list.failure} />
      {data && (
        <>
          <div className="pager">
            <p role="status">{t('feedback.count', { total: data.total, page, pages, days: data.dueWorkingDays })}</p>
            <button type="button" disabled={page <= 1} onClick={() => turn(page - 1)}>
              {t('feedback.previous')}
            </button>
            <button type="button" disabled={page >= pages} onClick={() => turn(page + 1)}>
              {t('feedback.next')}
            </button>
          </div>
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">{t('feedback.ratedAt')}</th>
                <th scope="col">{t('feedback.place')}</th>
                <th scope="col">{t('feedback.level')}</th>
                <th scope="col">{t('feedback.comment')}</th>
                <th scope="col">{t('feedback.status')}</th>
                <th scope="col">{t('feedback.assignee')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.items.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('common.none')}</td>
                </tr>
              )}
              {data.items.map((listed) => {
                const item = { ...listed, ...saved[listed.id] };
                return (
                  <Fragment key={item.id}>
                    <tr className={item.overdue ? 'warn' : undefined}>
                      <td>{dateTime(item.ratedAt)}</td>
                      <td>
                        {item.wardName} – {item.counterLabel}
                      </td>
                      <td>{levelName(item.overall, item.scaleSize, locale)}</td>
                      <td className="comment-cell">{item.comment}</td>
                      <td>
                        {t(`feedback.status.${item.status}`)}
                        {item.overdue && <span className="badge">{t('feedback.overdue')}</span>}
                      </td>
                      <td>{item.assignee ?? '–'}</td>
                      <td>
                        <button type="button" aria-expanded={open === item.id} onClick={() => setOpen(open === item.id ? null : item.id)}>
                          {t(open === item.id ? 'feedback.close' : 'feedback.open')}
                        </button>
                      </td>
                    </tr>
                    {open === item.id && (
                      <tr className="detail">
                        <td colSpan={7}>
                          <FeedbackDetail
                            item={item}
                            locale={locale}
                            onSaved={(answer) =>
                              setSaved({ ...saved, [item.id]: { ...answer, overdue: item.overdue && answer.status !== 'da-xu-ly' } })
                            }
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** The rating behind a comment, and the answer to it: status, who handles it, a note. */
function FeedbackDetail({
  item,
  locale,
  onSaved,
}: {
  item: FeedbackItem;
  locale: 'vi' | 'en';
  onSaved: (answer: Pick<FeedbackItem, 'status' | 'assignee' | 'responseNote'>) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="feedback-detail">
      <dl>
        <dt>{t('feedback.place')}</dt>
        <dd>
          {item.wardName} – {item.counterLabel}, {dateTime(item.ratedAt)}
        </dd>
        <dt>{t('feedback.level')}</dt>
        <dd>{levelName(item.overall, item.scaleSize, locale)}</dd>
        {item.criteria.length > 0 && (
          <>
            <dt>{t('feedback.criteria')}</dt>
            <dd>
              <ul>
                {item.criteria.map((c) => (
                  <li key={c.label.vi}>
                    {c.label[locale]}: {c.answer[locale]}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {item.reasons.length > 0 && (
          <>
            <dt>{t('feedback.reasons')}</dt>
            <dd>{item.reasons.map((r) => r[locale]).join(', ')}</dd>
          </>
        )}
        <dt>{t('feedback.comment')}</dt>
        <dd>
          <blockquote>{item.comment}</blockquote>
        </dd>
      </dl>
      <form
        className="feedback-answer"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setOutcome(null);
          const answer = {
            status: FeedbackStatus.parse(form.get('status')),
            assignee: String(form.get('assignee') ?? '').trim() || null,
            responseNote: String(form.get('note') ?? '').trim() || null,
          };
          call(adminApi.updateFeedback, { params: { id: item.id }, body: answer }).then(
            () => {
              setOutcome({ ok: true, text: t('feedback.saved') });
              onSaved(answer);
            },
            (error: unknown) => setOutcome({ ok: false, text: errorText(error) }),
          );
        }}
      >
        <label>
          {t('feedback.status')}
          <select name="status" defaultValue={item.status}>
            <StatusOptions />
          </select>
        </label>
        <label>
          {t('feedback.assignee')}
          <input name="assignee" defaultValue={item.assignee ?? ''} />
        </label>
        <label>
          {t('feedback.note')}
          <textarea name="note" rows={3} defaultValue={item.responseNote ?? ''} />
        </label>
        <button type="submit">{t('common.save')}</button>
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'done' : 'problem'}>
            {outcome.text}
          </p>
        )}
      </form>
    </div>
  );
}
