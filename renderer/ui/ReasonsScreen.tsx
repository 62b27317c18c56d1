import type { Reason } from '../../shared/schema/template';
import { localized } from '../i18n/messages';
import { SkipNextFooter } from './Footer';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  reasons: Reason[];
  selected: string[];
  /** Whether a comment step follows: the main button says "Next" rather than "Send". */
  hasMore: boolean;
}

export function ReasonsScreen({ reasons, selected, hasMore }: Props) {
  const { locale, send, t } = useKioskView();
  return (
    <section className="screen screen-reasons" data-screen="reasons">
      <ScreenHeading>{t('reasons.title')}</ScreenHeading>
      <p className="hint">{t('reasons.hint')}</p>
      <div className="chips">
        {reasons.map((reason) => (
          <button
            key={reason.code}
            type="button"
            className="chip"
            aria-pressed={selected.includes(reason.code)}
            onClick={() => send({ type: 'TOGGLE_REASON', code: reason.code })}
          >
            <span className="chip-mark" aria-hidden="true">
              {selected.includes(reason.code) ? '✓' : ''}
            </span>
            {localized(reason.label, locale)}
          </button>
        ))}
      </div>
      <SkipNextFooter nextLabel={hasMore ? 'action.next' : 'action.send'} />
    </section>
  );
}
