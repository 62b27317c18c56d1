import { useState } from 'react';
import { adminApi, type SessionInfo } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useOtherLanguage, useT } from '../i18n';

export function Login({
  onSignedIn,
  onLocale,
  ended = false,
}: {
  onSignedIn: (session: SessionInfo) => void;
  onLocale: () => void;
  /** The session ended while in use (expired, the account disabled, signed out elsewhere). */
  ended?: boolean;
}) {
  const t = useT();
  const otherLanguage = useOtherLanguage();
  const errorText = useErrorText();
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          call(adminApi.login, {
            body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
          }).then(onSignedIn, (error: unknown) => setFailed(errorText(error)));
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
        {ended && !failed && <p role="status">{t('error.not_signed_in')}</p>}
        {failed && <p role="alert">{failed}</p>}
        <button type="submit">{t('login.submit')}</button>
        <button type="button" onClick={onLocale} lang={otherLanguage}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
