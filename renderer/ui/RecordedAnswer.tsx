import type { ScaleLevel } from '../../shared/schema/template';
import { localized } from '../i18n/messages';
import { FaceIcon } from './FaceIcon';
import { useKioskView } from './KioskContext';

/**
 * The first tap, kept in view on every step after it: "✓ Đã ghi nhận" with the chosen face, so a
 * citizen who sees more questions knows the tap counted and is not being asked again.
 */
export function RecordedAnswer({ level }: { level: ScaleLevel }) {
  const { locale, t } = useKioskView();
  return (
    <p className="recorded" role="status">
      <span className="recorded-tick" aria-hidden="true">
        ✓
      </span>
      <span className="recorded-caption">{t('step.recorded')}:</span>
      <FaceIcon face={level.face} />
      <span className="recorded-label">{localized(level.label, locale)}</span>
    </p>
  );
}
