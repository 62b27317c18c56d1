import { useEffect, useState } from 'react';
import type { DisplaySettings } from '../../shared/schema/display';
import type { TechnicianPort } from '../host/technician';
import { useKioskView } from './KioskContext';

/** Display settings: the text size, applied at once and kept for every start. */
export function TextSizeChoice({ display }: { display: TechnicianPort['display'] }) {
  const { t } = useKioskView();
  const [current, setCurrent] = useState<DisplaySettings | null>(null);
  useEffect(() => void display.load().then(setCurrent), [display]);
  if (!current) return null;
  return (
    <div className="text-size" role="radiogroup" aria-label={t('display.textSize')}>
      <span>{t('display.textSize')}</span>
      {(['normal', 'large'] as const).map((size) => (
        <button
          key={size}
          type="button"
          role="radio"
          aria-checked={current.textSize === size}
          className="secondary"
          onClick={() => {
            const next = { ...current, textSize: size };
            setCurrent(next);
            void display.save(next);
          }}
        >
          {t(size === 'normal' ? 'display.normal' : 'display.large')}
        </button>
      ))}
    </div>
  );
}
