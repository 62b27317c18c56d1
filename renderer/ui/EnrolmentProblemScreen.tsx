import type { EnrolmentProblem } from '../../shared/sync/enrolment';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';
import { StaffPage } from './StaffPage';

/** Problems of the code itself: trying it again cannot help, only another code can. */
const codeProblems: EnrolmentProblem[] = ['wrong_code', 'used_code', 'expired_code', 'kiosk_mismatch'];

function Problem({ problem, onRetry, onOtherCode }: Props) {
  const { t } = useKioskView();
  const retryHelps = !codeProblems.includes(problem);
  return (
    <section className="screen screen-message" data-screen="enrolment-problem" role="alert">
      <ScreenHeading>{t('enrol.problem.title')}</ScreenHeading>
      <p>{t(`enrol.problem.${problem}` as MessageKey)}</p>
      <div className="footer">
        <button type="button" className={retryHelps ? 'secondary' : 'primary'} onClick={onOtherCode}>
          {t('enrol.otherCode')}
        </button>
        {retryHelps && (
          <button type="button" className="primary" onClick={onRetry}>
            {t('enrol.retry')}
          </button>
        )}
      </div>
    </section>
  );
}

interface Props {
  problem: EnrolmentProblem;
  /** The same code again: for a network or server problem. */
  onRetry: () => void;
  /** Back to the setup screen, to type or scan another code. */
  onOtherCode: () => void;
}

/** Shown to the technician when opening an enrolment link fails: what went wrong, in plain words. */
export function EnrolmentProblemScreen(props: Props) {
  return (
    <StaffPage>
      <Problem {...props} />
    </StaffPage>
  );
}
