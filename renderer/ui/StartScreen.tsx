import type { SurveyTemplate } from '../../shared/schema/template';
import { localized } from '../i18n/messages';
import { FaceIcon } from './FaceIcon';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';
import { ServiceNoticeLine } from './ServiceNoticeLine';
import type { ServiceNotice } from '../../shared/sync/service-notice';

export function StartScreen({ template, notice }: { template: SurveyTemplate; notice: ServiceNotice | null }) {
  const { locale, send, t } = useKioskView();
  return (
    <section className="screen screen-start" data-screen="start">
      <ScreenHeading className="question">{localized(template.question, locale)}</ScreenHeading>
      <p className="hint">{t('start.hint')}</p>
      <div className={`faces faces-${template.scale.length}`}>
        {template.scale.map((level) => (
          <button
            key={level.value}
            type="button"
            className={`face-button tone-${level.face}`}
            onClick={() => send({ type: 'RATE', value: level.value })}
          >
            <FaceIcon face={level.face} />
            <span className="face-label">{localized(level.label, locale)}</span>
          </button>
        ))}
      </div>
      <p className="fine-print">{t('start.anonymous')}</p>
      <ServiceNoticeLine notice={notice} />
    </section>
  );
}

/**
 * The ward or counter was retired by the district: no faces to tap (a tap would not be counted for a
 * ward that no longer exists), one notice for citizens and one for the staff.
 */
export function RetiredScreen() {
  const { t } = useKioskView();
  return (
    <section className="screen screen-message screen-retired" data-screen="retired">
      <svg className="message-icon paused" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle cx="50" cy="50" r="46" />
        <path d="M38 32 V68 M62 32 V68" />
      </svg>
      <ScreenHeading>{t('retired.title')}</ScreenHeading>
      <p>{t('retired.citizen')}</p>
      <p className="service-notice" role="status" data-notice="retired">
        {t('retired.staff')}
      </p>
    </section>
  );
}
