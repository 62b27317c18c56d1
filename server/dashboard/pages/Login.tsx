import { useState } from 'react';
import { api, Session } from '../api';
import { useT } from '../i18n';

export function Login({ onSignedIn, onLocale }: { onSignedIn: (session: Session) => void; onLocale: () => void }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          api('/api/v1/admin/login', Session, { method: 'POST', body: { username: form.get('username'), password: form.get('password') } }).then(
            onSignedIn,
            () => setFailed(true),
          );
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
