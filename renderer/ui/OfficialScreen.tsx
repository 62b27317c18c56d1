import type { KioskOfficial } from '../../shared/schema/kiosk-config';
import { Footer } from './Footer';
import { useKioskView } from './KioskContext';
import { OfficialCard } from './OfficialCard';
import { ScreenHeading } from './ScreenHeading';

/** "Who served you?": the counter's officials by photo; skipping leaves the rating unattributed. */
export function OfficialScreen({ officials }: { officials: KioskOfficial[] }) {
  const { send, t } = useKioskView();
  return (
    <section className="screen screen-official" data-screen="official">
      <ScreenHeading>{t('official.title')}</ScreenHeading>
      <div className="officials">
        {officials.map((official) => (
          <button
            key={official.id}
            type="button"
            className="official-button"
            onClick={() => send({ type: 'PICK_OFFICIAL', officialId: official.id })}
          >
            <OfficialCard official={official} />
          </button>
        ))}
      </div>
      <Footer>
        <button type="button" className="secondary" onClick={() => send({ type: 'SKIP' })}>
          {t('action.skip')}
        </button>
      </Footer>
    </section>
  );
}
