import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

/** A large green tick: the thank-you, and the technician's "enrolled". */
export function TickIcon() {
  return (
    <svg className="message-icon tick" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" />
      <path d="M28 52 L44 68 L74 36" />
    </svg>
  );
}

export function ThanksScreen() {
  const { t } = useKioskView();
  return (
    <section className="screen screen-message screen-thanks" data-screen="thanks">
      <TickIcon />
      <ScreenHeading>{t('thanks.title')}</ScreenHeading>
      <p>{t('thanks.body')}</p>
    </section>
  );
}

/** A calm apology: never a stack trace, always followed by the start screen. */
export function ApologyScreen({ kind }: { kind: 'storage' | 'internal' }) {
  const { t } = useKioskView();
  const title: MessageKey = kind === 'storage' ? 'apology.storage.title' : 'apology.internal.title';
  const body: MessageKey = kind === 'storage' ? 'apology.storage.body' : 'apology.internal.body';
  return (
    <section className="screen screen-message screen-apology" data-screen="apology" role="alert">
      <ScreenHeading>{t(title)}</ScreenHeading>
      <p>{t(body)}</p>
    </section>
  );
}

export function LoadingScreen() {
  const { t } = useKioskView();
  return (
    <section className="screen screen-message" data-screen="loading" aria-busy="true">
      <p>{t('loading')}</p>
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
