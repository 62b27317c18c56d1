import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { useKioskView } from './KioskContext';
import { TickIcon } from './MessageScreens';
import { ScreenHeading } from './ScreenHeading';
import { StaffPage } from './StaffPage';

function Enrolled({ config, onContinue }: Props) {
  const { t } = useKioskView();
  return (
    <section className="screen screen-message screen-enrolled" data-screen="enrolled">
      <TickIcon />
      <ScreenHeading>{t('enrolled.title')}</ScreenHeading>
      <dl className="enrolled-place">
        <div>
          <dt>{t('enrolled.ward')}</dt>
          <dd>{config.ward.name.vi}</dd>
        </div>
        <div>
          <dt>{t('enrolled.counter')}</dt>
          <dd>{config.counter.label.vi}</dd>
        </div>
        <div>
          <dt>{t('enrolled.template')}</dt>
          <dd>{config.template.name.vi}</dd>
        </div>
      </dl>
      <p>{t('enrolled.next')}</p>
      <div className="footer">
        <button type="button" className="primary" onClick={onContinue}>
          {t('enrolled.continue')}
        </button>
      </div>
    </section>
  );
}

interface Props {
  config: KioskConfig;
  onContinue: () => void;
}

/** Right after enrolment: which ward and counter this kiosk joined, before its PIN is set. */
export function EnrolledScreen(props: Props) {
  return (
    <StaffPage>
      <Enrolled {...props} />
    </StaffPage>
  );
}
