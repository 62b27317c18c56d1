import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';

/** The row of large buttons at the bottom of every step: there is always a way on. */
export function Footer({ children }: { children: ReactNode }) {
  return <div className="footer">{children}</div>;
}

/** Skip this step, or go on with what was chosen: the footer of the reasons and comment steps. */
export function SkipNextFooter({ nextLabel }: { nextLabel: MessageKey }) {
  const { send, t } = useKioskView();
  return (
    <Footer>
      <button type="button" className="secondary" onClick={() => send({ type: 'SKIP' })}>
        {t('action.skip')}
      </button>
      <button type="button" className="primary" onClick={() => send({ type: 'NEXT' })}>
        {t(nextLabel)}
      </button>
    </Footer>
  );
}
