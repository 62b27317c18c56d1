import { useState, type FormEvent } from 'react';
import { accountsApi, type Account } from '../../shared/contract/accounts-api';
import { adminApi, NewUser, Role } from '../../shared/contract/admin-api';
import { call } from '../api';
import { ConfirmButton } from '../ConfirmButton';
import { errorCode, useErrorText } from '../errors';
import { Field, SelectField } from '../Field';
import { useT, type DashboardKey } from '../i18n';
import { useLoad } from '../useLoad';

/** The dashboard's accounts: create, disable or enable, reset a password. */
export function Accounts() {
  const t = useT();
  const errorText = useErrorText();
  const accounts = useLoad(() => call(accountsApi.accounts), []);
  const wards = useLoad(() => call(adminApi.wards), []);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNote({ ok: true, text: done });
      accounts.reload();
    } catch (error) {
      setNote({ ok: false, text: errorText(error) });
    }
  };
  if (accounts.failure) return <p role="alert">{errorText(accounts.failure)}</p>;
  return (
    <>
      <p>{t('accounts.help')}</p>
      {note && <p role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('accounts.username')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.ward')}</th>
            <th scope="col">{t('accounts.status')}</th>
            <th scope="col">{t('accounts.sessions')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {accounts.data?.map((a) => (
            <tr key={a.id}>
              <td>{a.username}</td>
              <td>{t(`accounts.role.${a.role}` as DashboardKey)}</td>
              <td>{a.wardName ?? t('accounts.allWards')}</td>
              <td>
                {a.disabledAt ? (
                  <span className="badge off">{t('accounts.disabled')}</span>
                ) : (
                  <span className="badge">{t(a.mustChangePassword ? 'accounts.mustChange' : 'accounts.active')}</span>
                )}
              </td>
              <td>{a.sessions}</td>
              <td className="actions">
                {a.disabledAt ? (
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () => call(accountsApi.enableAccount, { params: { id: a.id } }),
                        t('accounts.enabledDone', { username: a.username }),
                      )
                    }
                  >
                    {t('accounts.enable')}
                  </button>
                ) : (
                  <ConfirmButton
                    label={t('accounts.disable')}
                    question={`${t('accounts.disable')} ${a.username}?`}
                    confirm={t('accounts.disable')}
                    onConfirm={() =>
                      void act(
                        () => call(accountsApi.disableAccount, { params: { id: a.id } }),
                        t('accounts.disabledDone', { username: a.username }),
                      )
                    }
                  />
                )}
                <button type="button" onClick={() => setResetting(a)}>
                  {t('accounts.reset')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && (
        <PasswordResetForm
          account={resetting}
          onDone={(text) => {
            setResetting(null);
            setNote({ ok: true, text });
            accounts.reload();
          }}
          onCancel={() => setResetting(null)}
        />
      )}
      <NewAccountForm
        wards={wards.data ?? []}
        onCreated={(username) => void (setNote({ ok: true, text: t('accounts.created', { username }) }), accounts.reload())}
      />
    </>
  );
}

function PasswordResetForm({ account, onDone, onCancel }: { account: Account; onDone: (text: string) => void; onCancel: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...password].length < 10) return setProblem(t('field.password'));
    try {
      await call(accountsApi.resetPassword, { params: { id: account.id }, body: { password } });
      onDone(t('accounts.resetDone', { username: account.username }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <form className="panel form-row" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label={t('accounts.newPassword', { username: account.username })}
        type="password"
        autoComplete="new-password"
        value={password}
        problem={problem}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit">{t('accounts.reset')}</button>
      <button type="button" onClick={onCancel}>
        {t('org.cancel')}
      </button>
    </form>
  );
}

function NewAccountForm({
  wards,
  onCreated,
}: {
  wards: { id: string; name: { vi: string }; retired: boolean }[];
  onCreated: (username: string) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ username: '', role: 'ward_leader' as Role, wardId: '', password: '' });
  const [checked, setChecked] = useState(false);
  const [refused, setRefused] = useState<{ code: string | null; text: string } | null>(null);
  const needsWard = form.role !== 'district_admin';
  const parsed = NewUser.safeParse({ ...form, wardId: needsWard ? form.wardId || null : null });
  const issue = (path: string) =>
    !parsed.success && parsed.error.issues.some((i) => i.path[0] === path || (path === 'wardId' && i.path.length === 0));
  const problems = {
    username: issue('username') ? t('field.username') : refused?.code === 'username_taken' ? refused.text : null,
    password: issue('password') ? t('field.password') : refused?.code === 'weak_password' ? refused.text : null,
    wardId: needsWard && !form.wardId ? t('field.ward') : null,
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setRefused(null);
    if (!parsed.success) return;
    try {
      await call(adminApi.createUser, { body: parsed.data });
      setForm({ username: '', role: form.role, wardId: form.wardId, password: '' });
      setChecked(false);
      onCreated(parsed.data.username);
    } catch (error) {
      setRefused({ code: errorCode(error), text: errorText(error) });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('accounts.create')}>
      <h2>{t('accounts.create')}</h2>
      <div className="form-row">
        <Field
          label={t('accounts.username')}
          autoComplete="off"
          value={form.username}
          problem={checked || refused ? problems.username : null}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
        />
        <SelectField label={t('accounts.role')} value={form.role} onChange={(e) => setForm({ ...form, role: Role.parse(e.target.value) })}>
          {Role.options.map((role) => (
            <option key={role} value={role}>
              {t(`accounts.role.${role}` as DashboardKey)}
            </option>
          ))}
        </SelectField>
        {needsWard && (
          <SelectField
            label={t('accounts.ward')}
            value={form.wardId}
            problem={checked ? problems.wardId : null}
            onChange={(e) => setForm({ ...form, wardId: e.target.value })}
          >
            <option value="">—</option>
            {wards
              .filter((w) => !w.retired)
              .map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name.vi}
                </option>
              ))}
          </SelectField>
        )}
        <Field
          label={t('accounts.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          problem={checked || refused ? problems.password : null}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <button type="submit">{t('accounts.create')}</button>
      </div>
      {refused && !['username_taken', 'weak_password'].includes(refused.code ?? '') && <p role="alert">{refused.text}</p>}
    </form>
  );
}
