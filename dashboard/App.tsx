import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Locale } from '../shared/schema/common';
import { adminApi, type SessionInfo } from '../shared/contract/admin-api';
import { ApiFailure, call, SESSION_ENDED, setCsrfToken } from './api';
import { LocaleContext, useOtherLanguage, useT, type DashboardKey } from './i18n';
import { Login } from './pages/Login';
import { districtApi, type DistrictState } from '../shared/contract/district-api';

/** Each page is its own chunk: sign-in loads none of them, and the charts library only comes with the overview. */
const loaders = {
  Alerts: () => import('./pages/Alerts').then((m) => ({ default: m.Alerts })),
  Enrolment: () => import('./pages/Enrolment').then((m) => ({ default: m.Enrolment })),
  Feedback: () => import('./pages/Feedback').then((m) => ({ default: m.Feedback })),
  Fleet: () => import('./pages/Fleet').then((m) => ({ default: m.Fleet })),
  Officials: () => import('./pages/Officials').then((m) => ({ default: m.Officials })),
  Overview: () => import('./pages/Overview').then((m) => ({ default: m.Overview })),
  Reports: () => import('./pages/Reports').then((m) => ({ default: m.Reports })),
  Templates: () => import('./pages/Templates').then((m) => ({ default: m.Templates })),
  Tt01: () => import('./pages/Tt01').then((m) => ({ default: m.Tt01 })),
  DossierReviews: () => import('./pages/DossierReviews').then((m) => ({ default: m.DossierReviews })),
  Completeness: () => import('./pages/Completeness').then((m) => ({ default: m.Completeness })),
  Organisation: () => import('./pages/Organisation').then((m) => ({ default: m.Organisation })),
  Accounts: () => import('./pages/Accounts').then((m) => ({ default: m.Accounts })),
  AuditLog: () => import('./pages/AuditLog').then((m) => ({ default: m.AuditLog })),
  MyAccount: () => import('./pages/MyAccount').then((m) => ({ default: m.MyAccount })),
  Setup: () => import('./pages/Setup').then((m) => ({ default: m.Setup })),
};
const Alerts = lazy(loaders.Alerts);
const Enrolment = lazy(loaders.Enrolment);
const Feedback = lazy(loaders.Feedback);
const Fleet = lazy(loaders.Fleet);
const Officials = lazy(loaders.Officials);
const Overview = lazy(loaders.Overview);
const Reports = lazy(loaders.Reports);
const Templates = lazy(loaders.Templates);
const Tt01 = lazy(loaders.Tt01);
const DossierReviews = lazy(loaders.DossierReviews);
const Completeness = lazy(loaders.Completeness);
const Organisation = lazy(loaders.Organisation);
const Accounts = lazy(loaders.Accounts);
const AuditLog = lazy(loaders.AuditLog);
const MyAccount = lazy(loaders.MyAccount);
const Setup = lazy(loaders.Setup);

/** Once signed in and idle, the other pages are fetched too: moving between them never waits. */
const prefetchPages = () => {
  const fetchAll = () => Object.values(loaders).forEach((load) => void load().catch(() => undefined));
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAll);
  else setTimeout(fetchAll, 500);
};

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
  'organisation',
  'accounts',
  'audit',
] as const;
/** "Tài khoản của tôi" is opened from one's name in the header. */
type Page = (typeof pages)[number] | 'me';
const districtOnly: Page[] = ['enrolment', 'organisation', 'accounts', 'audit'];
const navGroups: { key: DashboardKey; pages: Page[] }[] = [
  { key: 'nav.group.analysis', pages: ['overview', 'reports', 'tt01', 'completeness'] },
  { key: 'nav.group.followUp', pages: ['alerts', 'feedback', 'dossiers'] },
  { key: 'nav.group.kiosks', pages: ['fleet', 'enrolment'] },
  { key: 'nav.group.setup', pages: ['templates', 'officials', 'organisation', 'accounts', 'audit'] },
];

export function App() {
  const [locale, setLocale] = useState<Locale>('vi');
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = Boolean(session);
    if (session) prefetchPages();
  }, [session]);
  useEffect(() => {
    const end = () => {
      if (!signedIn.current) return;
      setEnded(true);
      setSession(null);
    };
    window.addEventListener(SESSION_ENDED, end);
    return () => window.removeEventListener(SESSION_ENDED, end);
  }, []);
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
          ended={ended}
          onSignedIn={(s) => {
            setEnded(false);
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
  const otherLanguage = useOtherLanguage();
  const isAdmin = session.role === 'district_admin';
  const [page, setPage] = useState<Page>(session.mustChangePassword ? 'me' : 'overview');
  const [mustChange, setMustChange] = useState(session.mustChangePassword);
  const [district, setDistrict] = useState<DistrictState | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  useEffect(() => {
    if (mustChange) return;
    void call(districtApi.district).then(
      (state) => {
        setDistrict(state);
        // An empty server: its first administrator describes the district before anything else.
        if (isAdmin && state.setup !== 'done') setSettingUp(true);
      },
      () => undefined,
    );
  }, [isAdmin, mustChange]);
  const logout = async () => {
    await call(adminApi.logout).catch(() => undefined);
    onSignedOut();
  };
  const shown: Page[] = mustChange ? [] : pages.filter((p) => isAdmin || !districtOnly.includes(p));
  return (
    <div className="shell">
      <header>
        <strong>{district?.district?.name ?? t('app.title')}</strong>
        <span className="header-space" />
        <button
          type="button"
          aria-current={page === 'me' ? 'page' : undefined}
          aria-label={`${session.username} (${t('nav.me')})`}
          onClick={() => setPage('me')}
        >
          {session.username}
        </button>
        <button type="button" onClick={onLocale} lang={otherLanguage}>
          {t('language')}
        </button>
        <button type="button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      {district?.demo && <p className="demo-banner no-print">{t('demo.banner')}</p>}
      <div className="body">
        {/* The pages in four groups down the side, as analytics tools lay them out. */}
        <nav aria-label="Menu" className="no-print">
          {!settingUp &&
            navGroups.map((group) => {
              const inGroup = group.pages.filter((p) => shown.includes(p));
              if (inGroup.length === 0) return null;
              return (
                <div className="nav-group" key={group.key} role="group" aria-label={t(group.key)}>
                  <p className="nav-group-name">{t(group.key)}</p>
                  {inGroup.map((p) => (
                    <button key={p} type="button" aria-current={page === p ? 'page' : undefined} onClick={() => setPage(p)}>
                      {t(`nav.${p}` as DashboardKey)}
                    </button>
                  ))}
                </div>
              );
            })}
        </nav>
        {settingUp && district ? (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <Setup
              initial={district}
              onDone={() => {
                setSettingUp(false);
                setPage('organisation');
                void call(districtApi.district).then(setDistrict, () => undefined);
              }}
            />
          </Suspense>
        ) : (
          <main>
            <h1 className={page === 'completeness' ? 'no-print' : undefined}>{t(`nav.${page}` as DashboardKey)}</h1>
            <Suspense key={page} fallback={<p role="status">{t('common.loading')}</p>}>
              {page === 'overview' && <Overview />}
              {page === 'alerts' && <Alerts />}
              {page === 'reports' && <Reports />}
              {page === 'tt01' && <Tt01 />}
              {page === 'completeness' && <Completeness wardId={session.wardId} />}
              {page === 'dossiers' && <DossierReviews canDecide={isAdmin} />}
              {page === 'fleet' && <Fleet canManage={isAdmin} />}
              {page === 'enrolment' && <Enrolment />}
              {page === 'templates' && <Templates canManage={isAdmin} />}
              {page === 'officials' && <Officials canManage={isAdmin} canSetPins={isAdmin || session.role === 'ward_leader'} />}
              {page === 'feedback' && <Feedback />}
              {page === 'organisation' && <Organisation />}
              {page === 'accounts' && <Accounts />}
              {page === 'audit' && <AuditLog />}
              {page === 'me' && (
                <MyAccount
                  mustChangePassword={mustChange}
                  onPasswordChanged={() => {
                    setMustChange(false);
                  }}
                />
              )}
            </Suspense>
          </main>
        )}
      </div>
    </div>
  );
}
