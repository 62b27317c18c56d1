import { useState } from 'react';
import type { KioskOfficial } from '../../shared/schema/kiosk-config';
import { checkPin } from '../../shared/technician/pin';
import type { ShiftPort } from '../host/shift';
import { Keypad } from './Keypad';
import { useKioskView } from './KioskContext';
import { OfficialCard } from './OfficialCard';
import { ScreenHeading } from './ScreenHeading';

type Stage = { kind: 'closed' } | { kind: 'pick' } | { kind: 'pin'; official: KioskOfficial; action: 'in' | 'out'; problem: string | null };

/**
 * The official on duty, shown discreetly on the start screen (name and photo, as one-stop counters
 * post them), and the shift sign-in behind it: pick yourself, type your PIN. Ending a shift takes
 * the same PIN, so a passer-by cannot sign an official out.
 */
export function ShiftDesk({
  officials,
  onDuty,
  port,
  onChange,
}: {
  officials: KioskOfficial[];
  onDuty: string | null;
  port: ShiftPort;
  onChange: (officialId: string | null) => void;
}) {
  const { t } = useKioskView();
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const current = officials.find((o) => o.id === onDuty) ?? null;
  const close = () => {
    setValue('');
    setStage({ kind: 'closed' });
  };

  const submit = async (official: KioskOfficial, action: 'in' | 'out') => {
    const stored = await port.pinState(official);
    if (!stored) return;
    setBusy(true);
    try {
      const result = await checkPin(stored, value, Date.now());
      await port.savePinState(official.id, result.stored);
      setValue('');
      if (result.ok) {
        if (action === 'in') await port.signIn(official.id, new Date());
        else await port.signOut();
        onChange(action === 'in' ? official.id : null);
        return close();
      }
      const problem =
        result.reason === 'locked'
          ? t('technician.locked', { minutes: Math.ceil((result.until - Date.now()) / 60_000) })
          : t('technician.wrongPin', { tries: result.triesLeft });
      setStage({ kind: 'pin', official, action, problem });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="on-duty"
        onClick={() => setStage({ kind: 'pick' })}
        aria-label={t(current ? 'shift.onDutyLabel' : 'shift.signIn', { name: current?.name ?? '' })}
      >
        {current ? (
          <>
            <span className="on-duty-caption">{t('shift.onDuty')}</span>
            <OfficialCard official={current} compact />
          </>
        ) : (
          <span className="on-duty-caption">{t('shift.signIn')}</span>
        )}
      </button>
      {stage.kind !== 'closed' && (
        <div className="technician" role="dialog" aria-modal="true" aria-label={t('shift.title')}>
          <section className="screen" data-screen="shift">
            <ScreenHeading>{t('shift.title')}</ScreenHeading>
            {stage.kind === 'pick' && (
              <>
                <p>{t('shift.pick')}</p>
                <div className="officials">
                  {officials
                    .filter((o) => o.pin)
                    .map((official) => (
                      <button
                        key={official.id}
                        type="button"
                        className="official-button"
                        onClick={() => setStage({ kind: 'pin', official, action: 'in', problem: null })}
                      >
                        <OfficialCard official={official} />
                      </button>
                    ))}
                </div>
                {current && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setStage({ kind: 'pin', official: current, action: 'out', problem: null })}
                  >
                    {t('shift.signOut', { name: current.name })}
                  </button>
                )}
              </>
            )}
            {stage.kind === 'pin' && (
              <>
                <p>{t(stage.action === 'in' ? 'shift.pinIn' : 'shift.pinOut', { name: stage.official.name })}</p>
                {stage.problem && <p role="alert">{stage.problem}</p>}
                <Keypad
                  value={value}
                  onChange={setValue}
                  onDone={() => void submit(stage.official, stage.action)}
                  label={t('technician.pin')}
                  busy={busy}
                />
              </>
            )}
          </section>
          <div className="footer">
            <button type="button" className="secondary" onClick={close}>
              {t('technician.close')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
