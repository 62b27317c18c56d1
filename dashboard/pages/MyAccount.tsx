import { useState, type FormEvent } from 'react';
import { accountsApi } from '../../shared/contract/accounts-api';
import { call } from '../api';
import { errorCode, useErrorText } from '../errors';
import { Field } from '../Field';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { browserName, dateTime } from './format';

/** One's own password and sessions. After a reset, the only page there is until a password is chosen. */
export function MyAccount({ mustChangePassword, onPasswordChanged }: { mustChangePassword: boolean; onPasswordChanged: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const sessions = useLoad(() => (mustChangePassword ? Promise.resolve([]) : call(accountsApi.ownSessions)), [mustChangePassword]);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      {mustChangePassword && <p className="verdict warn">{t('me.mustChange')}</p>}
      <PasswordForm
        onChanged={() => {
          setNote({ ok: true, text: t('me.changed') });
          sessions.reload();
          onPasswordChanged();
        }}
      />
      {note && <p role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
      {!mustChangePassword && (
        <section className="panel">
          <h2>{t('me.sessions')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('me.openedAt')}</th>
                <th scope="col">{t('me.browser')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {sessions.data?.map((s) => (
                <tr key={s.id}>
                  <td>{dateTime(s.createdAt)}</td>
                  <td title={s.userAgent ?? undefined}>{s.userAgent ? browserName(s.userAgent) : '—'}</td>
                  <td>
                    {s.current ? (
                      <span className="badge">{t('me.thisOne')}</span>
                    ) : (
                      <button
                        type="button"
                        onClick={() =>
                          void call(accountsApi.endOwnSession, { params: { id: s.id } }).then(
                            () => (setNote({ ok: true, text: t('me.ended') }), sessions.reload()),
                            (error: unknown) => setNote({ ok: false, text: errorText(error) }),
                          )
                        }
                      >
                        {t('me.end')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [problems, setProblems] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...form.next].length < 10) return setProblems({ next: t('field.password') });
    if (form.next !== form.repeat) return setProblems({ repeat: t('me.mismatch') });
    try {
      await call(accountsApi.changeOwnPassword, { body: { current: form.current, next: form.next } });
      setForm({ current: '', next: '', repeat: '' });
      setProblems({});
      onChanged();
    } catch (error) {
      setProblems(errorCode(error) === 'wrong_password' ? { current: errorText(error) } : { next: errorText(error) });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('me.password')}>
      <h2>{t('me.password')}</h2>
      <div className="form-row">
        <Field
          label={t('me.current')}
          type="password"
          autoComplete="current-password"
          value={form.current}
          problem={problems.current}
          onChange={(e) => setForm({ ...form, current: e.target.value })}
        />
        <Field
          label={t('me.next')}
          type="password"
          autoComplete="new-password"
          value={form.next}
          problem={problems.next}
          onChange={(e) => setForm({ ...form, next: e.target.value })}
        />
        <Field
          label={t('me.repeat')}
          type="password"
          autoComplete="new-password"
          value={form.repeat}
          problem={problems.repeat}
          onChange={(e) => setForm({ ...form, repeat: e.target.value })}
        />
        <button type="submit">{t('me.password')}</button>
      </div>
    </form>
  );
}
