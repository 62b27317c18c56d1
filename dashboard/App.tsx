import { useEffect, useState } from 'react';
import type { Locale } from '../shared/schema/common';
import { adminApi, type SessionInfo } from '../shared/contract/admin-api';
import { ApiFailure, call, setCsrfToken } from './api';
import { LocaleContext, useT, type DashboardKey } from './i18n';
import { Alerts } from './pages/Alerts';
import { Enrolment } from './pages/Enrolment';
import { Feedback } from './pages/Feedback';
import { Fleet } from './pages/Fleet';
import { Login } from './pages/Login';
import { Officials } from './pages/Officials';
import { Overview } from './pages/Overview';
import { Reports } from './pages/Reports';
import { Templates } from './pages/Templates';
import { Tt01 } from './pages/Tt01';
import { DossierReviews } from './pages/DossierReviews';
import { Completeness } from './pages/Completeness';

const pages = [
  'overview',
  'alerts',
  'reports',
  'tt01',
  'completeness',
  'dossiers',
  'fleet',
  'enrolment',
  'templates',
  'officials',
  'feedback',
] as const;
type Page = (typeof pages)[number];
const districtOnly: Page[] = ['enrolment'];

export function App() {
  const [locale, setLocale] = useState<Locale>('vi');
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    call(adminApi.session).then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      },
      (e: unknown) => setSession(e instanceof ApiFailure && e.status === 401 ? null : null),
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={locale}>
      {session === undefined ? null : session === null ? (
        <Login
          onSignedIn={(s) => {
            setCsrfToken(s.csrfToken);
            setSession(s);
          }}
          onLocale={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        />
      ) : (
        <Shell session={session} onSignedOut={() => setSession(null)} onLocale={() => setLocale(locale === 'vi' ? 'en' : 'vi')} />
      )}
    </LocaleContext.Provider>
  );
}

function Shell({ session, onSignedOut, onLocale }: { session: SessionInfo; onSignedOut: () => void; onLocale: () => void }) {
  const t = useT();
  const [page, setPage] = useState<Page>('overview');
  const isAdmin = session.role === 'district_admin';
  const logout = async () => {
    await call(adminApi.logout).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div className="shell">
      <header>
        <strong>{t('app.title')}</strong>
        <nav aria-label="Menu">
          {pages
            .filter((p) => isAdmin || !districtOnly.includes(p))
            .map((p) => (
              <button key={p} type="button" aria-current={page === p ? 'page' : undefined} onClick={() => setPage(p)}>
                {t(`nav.${p}` as DashboardKey)}
              </button>
            ))}
        </nav>
        <span>{session.username}</span>
        <button type="button" onClick={onLocale}>
          {t('language')}
        </button>
        <button type="button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <main>
        <h1 className={page === 'completeness' ? 'no-print' : undefined}>{t(`nav.${page}` as DashboardKey)}</h1>
        {page === 'overview' && <Overview />}
        {page === 'alerts' && <Alerts />}
        {page === 'reports' && <Reports />}
        {page === 'tt01' && <Tt01 />}
        {page === 'completeness' && <Completeness wardId={session.wardId} />}
        {page === 'dossiers' && <DossierReviews canDecide={isAdmin} />}
        {page === 'fleet' && <Fleet canManage={isAdmin} />}
        {page === 'enrolment' && <Enrolment />}
        {page === 'templates' && <Templates canManage={isAdmin} />}
        {page === 'officials' && <Officials canManage={isAdmin} />}
        {page === 'feedback' && <Feedback />}
      </main>
    </div>
  );
}
