import { useState } from 'react';
import { districtApi, type AuditEntry } from '../../shared/contract/district-api';
import { call, urlOf } from '../api';
import { DateField } from '../DateField';
import { useErrorText } from '../errors';
import { useContext } from 'react';
import { auditActionName } from '../../shared/audit/actions';
import { dashboardCatalogues, LocaleContext, useT, type DashboardKey } from '../i18n';
import { useLoad } from '../useLoad';
import { dateTime } from './format';

const GROUPS = ['district', 'ward', 'counter', 'official', 'account', 'kiosk', 'template', 'alert', 'feedback', 'dossier'] as const;

/** Every change an account made, with filters, and the same as CSV. */
export function AuditLog() {
  const t = useT();
  const errorText = useErrorText();
  const [filter, setFilter] = useState({ username: '', action: '', from: '', to: '' });
  const [shown, setShown] = useState(filter);
  const query = {
    username: shown.username.trim() || undefined,
    action: shown.action || undefined,
    from: shown.from || undefined,
    to: shown.to || undefined,
  };
  const entries = useLoad(() => call(districtApi.auditLog, { query }), [JSON.stringify(query)]);
  const locale = useContext(LocaleContext);
  const actionName = (action: string) => auditActionName(action, locale);
  return (
    <>
      <p>{t('audit.help')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(filter);
        }}
      >
        <label>
          {t('audit.who')}
          <input value={filter.username} onChange={(e) => setFilter({ ...filter, username: e.target.value })} />
        </label>
        <label>
          {t('audit.what')}
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
            <option value="">{t('audit.all')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`audit.group.${g}` as DashboardKey)}
              </option>
            ))}
          </select>
        </label>
        <DateField
          label={t('audit.from')}
          value={filter.from}
          max={filter.to || undefined}
          onChange={(from) => setFilter({ ...filter, from })}
        />
        <DateField label={t('audit.to')} value={filter.to} min={filter.from || undefined} onChange={(to) => setFilter({ ...filter, to })} />
        <button type="submit">{t('audit.show')}</button>
        <a href={urlOf(districtApi.auditLog, { query: { ...query, format: 'csv', limit: 1000 } })} download>
          {t('audit.csv')}
        </a>
      </form>
      {entries.failure !== undefined && <p role="alert">{errorText(entries.failure)}</p>}
      {entries.data?.length === 0 && <p>{t('audit.empty')}</p>}
      {entries.data && entries.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.at)}</td>
                <td>{e.username}</td>
                <td>{actionName(e.action)}</td>
                <td>{e.subject}</td>
                <td className="muted">
                  <Change entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Before → after, field by field, for the fields that changed, in words (never ids or codes). */
function Change({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const known = (key: string) => key in dashboardCatalogues.vi;
  const label = (field: string) => (known(`audit.field.${field}`) ? t(`audit.field.${field}` as DashboardKey) : field);
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'audit.value.yes' : 'audit.value.no');
    if (typeof v === 'number') return v.toLocaleString('vi-VN');
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    const words: Record<string, string> = {
      role: `accounts.role.${text}`,
      attribution: `officials.mode.${text}`,
      status: `feedback.status.${text}`,
      pin: `audit.value.${text}`,
      photo: `audit.value.${text}`,
    };
    const key = words[field];
    return key && known(key) ? t(key as DashboardKey) : text;
  };
  return (
    <>
      {fields.map((k) => (
        <div key={k}>
          {label(k)}: {k in before ? `${value(k, before[k])} → ${value(k, after[k])}` : value(k, after[k])}
        </div>
      ))}
    </>
  );
}
