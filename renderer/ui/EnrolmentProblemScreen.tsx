import type { EnrolmentProblem } from '../../shared/sync/enrolment';
import type { MessageKey } from '../i18n/messages';
import { KioskViewContext, useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

function Problem({ problem, onRetry }: { problem: EnrolmentProblem; onRetry: () => void }) {
  const { t } = useKioskView();
  return (
    <div className="kiosk">
      <main className="main">
        <section className="screen screen-message" data-screen="enrolment-problem" role="alert">
          <ScreenHeading>{t('enrol.problem.title')}</ScreenHeading>
          <p>{t(`enrol.problem.${problem}` as MessageKey)}</p>
          <div className="footer">
            <button type="button" className="primary" onClick={onRetry}>
              {t('enrol.retry')}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}

/** Shown to the technician when opening an enrolment link fails: what went wrong, in plain words. */
export function EnrolmentProblemScreen(props: { problem: EnrolmentProblem; onRetry: () => void }) {
  return (
    <KioskViewContext.Provider value={{ locale: 'vi', send: () => {} }}>
      <Problem {...props} />
    </KioskViewContext.Provider>
  );
}
