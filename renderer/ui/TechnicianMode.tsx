import { useEffect, useState } from 'react';
import { checkPin, type StoredPin } from '../../shared/technician/pin';
import type { TechnicianPort } from '../host/technician';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { KioskTools } from './KioskTools';
import { Keypad } from './Keypad';
import { useKioskView } from './KioskContext';
import { PinSetup } from './PinSetup';
import { ScreenHeading } from './ScreenHeading';

type Stage = { kind: 'loading' } | { kind: 'setPin' } | { kind: 'pin'; stored: StoredPin; problem: string | null } | { kind: 'open' };

/** Closes by itself when nobody touches it, so it is never left open for citizens. */
const IDLE_CLOSE_MS = 120_000;

/** Behind the hidden corner: the PIN, then the kiosk's diagnostics. */
export function TechnicianMode({ port, onClose }: { port: TechnicianPort; onClose: () => void }) {
  const { t } = useKioskView();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void port.loadPin().then((stored) => setStage(stored ? { kind: 'pin', stored, problem: null } : { kind: 'setPin' }));
  }, [port]);

  useEffect(() => {
    let timer = setTimeout(onClose, IDLE_CLOSE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(onClose, IDLE_CLOSE_MS);
    };
    document.addEventListener('pointerdown', touched, { capture: true });
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', touched, { capture: true });
    };
  }, [onClose]);

  const submit = async (stored: StoredPin) => {
    setBusy(true);
    try {
      const result = await checkPin(stored, value, Date.now());
      await port.savePin(result.stored);
      setValue('');
      if (result.ok) return setStage({ kind: 'open' });
      const problem =
        result.reason === 'locked'
          ? t('technician.locked', { minutes: Math.ceil((result.until - Date.now()) / 60_000) })
          : t('technician.wrongPin', { tries: result.triesLeft });
      setStage({ kind: 'pin', stored: result.stored, problem });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="technician" role="dialog" aria-modal="true" aria-label={t('technician.title')}>
      {/* The sections scroll; the way out stays below them, never over them. */}
      <div className="technician-body">
        {stage.kind === 'setPin' && <PinSetup port={port} onDone={() => setStage({ kind: 'open' })} />}
        {stage.kind === 'pin' && (
          <section className="screen screen-technician" data-screen="technician-pin">
            <ScreenHeading>{t('technician.title')}</ScreenHeading>
            <p>{t('technician.enterPin')}</p>
            {stage.problem && <p role="alert">{stage.problem}</p>}
            <Keypad value={value} onChange={setValue} onDone={() => void submit(stage.stored)} label={t('technician.pin')} busy={busy} />
          </section>
        )}
        {stage.kind === 'open' && (
          <>
            <DiagnosticsPanel port={port} />
            <KioskTools port={port} onLeft={() => location.reload()} />
          </>
        )}
      </div>
      <div className="footer">
        <button type="button" className="secondary" onClick={onClose}>
          {t('technician.close')}
        </button>
      </div>
    </div>
  );
}
