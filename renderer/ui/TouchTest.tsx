import { useState } from 'react';
import { useKioskView } from './KioskContext';

const ROWS = 4;
const COLUMNS = 5; // kept in step with .touch-grid in styles.css

/**
 * Touch calibration check: a grid of targets over the whole screen, each lighting up where a finger
 * lands. A target that does not light, or lights its neighbour, shows a screen to recalibrate.
 */
export function TouchTest({ onDone }: { onDone: () => void }) {
  const { t } = useKioskView();
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  return (
    <section className="touch-test" data-screen="touch-test" aria-label={t('tools.touchTest')}>
      <div className="touch-grid">
        {Array.from({ length: ROWS * COLUMNS }, (_, i) => (
          <button
            key={i}
            type="button"
            className={touched.has(i) ? 'touch-target lit' : 'touch-target'}
            aria-pressed={touched.has(i)}
            aria-label={t('tools.target', { n: i + 1 })}
            onPointerDown={() => setTouched((before) => new Set(before).add(i))}
          />
        ))}
      </div>
      <div className="footer">
        <p role="status">{t('tools.touched', { count: touched.size, total: ROWS * COLUMNS })}</p>
        <button type="button" className="primary" onClick={onDone}>
          {t('tools.touchDone')}
        </button>
      </div>
    </section>
  );
}
