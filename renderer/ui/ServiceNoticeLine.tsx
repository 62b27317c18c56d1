import type { ServiceNotice } from '../../shared/sync/service-notice';
import { useKioskView } from './KioskContext';

/** One discreet line on the start screen when sync needs a person; citizens can still rate. */
export function ServiceNoticeLine({ notice }: { notice: ServiceNotice | null }) {
  const { t } = useKioskView();
  if (!notice) return null;
  const text =
    notice.kind === 'reenrol'
      ? t('notice.reenrol')
      : notice.kind === 'certificate'
        ? t('notice.certificate')
        : notice.kind === 'refused'
          ? t('notice.refused', { status: notice.status })
          : t('notice.quarantined', { count: notice.count });
  return (
    <p className="service-notice" role="status" data-notice={notice.kind}>
      {text}
    </p>
  );
}
