import { useState } from 'react';
import { adminApi, type SessionInfo } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useT } from '../i18n';

export function Login({ onSignedIn, onLocale }: { onSignedIn: (session: SessionInfo) => void; onLocale: () => void }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          call(adminApi.login, {
            body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
          }).then(onSignedIn, () => setFailed(true));
        }}
      >
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failed && <p role="alert">{t('login.failed')}</p>}
        <button type="submit">{t('login.submit')}</button>
        <button type="button" onClick={onLocale}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
