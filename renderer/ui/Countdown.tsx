import { useKioskView } from './KioskContext';

/** Shown in the last seconds before a walk-away reset; any touch continues (ACTIVITY). */
export function Countdown({ seconds }: { seconds: number }) {
  const { send, t } = useKioskView();
  return (
    <div className="countdown" role="alertdialog" aria-modal="true" aria-labelledby="countdown-title" aria-describedby="countdown-body">
      <div className="countdown-card">
        <h2 id="countdown-title">{t('countdown.title')}</h2>
        <p id="countdown-body" aria-live="assertive">
          {t('countdown.body', { seconds })}
        </p>
        <span className="countdown-number" aria-hidden="true">
          {seconds}
        </span>
        <button type="button" className="primary" onClick={() => send({ type: 'ACTIVITY' })}>
          {t('countdown.continue')}
        </button>
      </div>
    </div>
  );
}
