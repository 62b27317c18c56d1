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
