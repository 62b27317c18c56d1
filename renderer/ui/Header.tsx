import type { Locale } from '../../shared/schema/common';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { localized } from '../i18n/messages';
import { useKioskView } from './KioskContext';

const locales: Locale[] = ['vi', 'en'];

/** Where the kiosk stands, and the language toggle, always visible. */
export function Header({ config, canSwitchLanguage }: { config: KioskConfig; canSwitchLanguage: boolean }) {
  const { locale, send, t } = useKioskView();
  return (
    <header className="header">
      <div className="place">
        <span className="ward">{localized(config.ward.name, locale)}</span>
        <span className="counter">{localized(config.counter.label, locale)}</span>
      </div>
      <div className="languages" role="group" aria-label={t('language.group')}>
        {locales.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={locale === code}
            disabled={!canSwitchLanguage}
            onClick={() => send({ type: 'SET_LOCALE', locale: code })}
          >
            {t(code === 'vi' ? 'language.vi' : 'language.en')}
          </button>
        ))}
      </div>
    </header>
  );
}
