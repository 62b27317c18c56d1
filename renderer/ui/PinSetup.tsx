import { useState } from 'react';
import { hashPin } from '../../shared/technician/pin';
import type { TechnicianPort } from '../host/technician';
import { Keypad } from './Keypad';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

/** The technician chooses the kiosk's PIN (typed twice); only its salted hash is kept. */
export function PinSetup({ port, onDone }: { port: TechnicianPort; onDone: () => void }) {
  const { t } = useKioskView();
  const [first, setFirst] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const done = async () => {
    if (first === null) {
      setFirst(value);
      setValue('');
      return;
    }
    if (value !== first) {
      setFirst(null);
      setValue('');
      setMismatch(true);
      return;
    }
    setBusy(true);
    await port.savePin(await hashPin(value));
    onDone();
  };
  return (
    <section className="screen screen-technician" data-screen="pin-setup">
      <ScreenHeading>{t('technician.setPin.title')}</ScreenHeading>
      <p>{t(first === null ? 'technician.setPin.first' : 'technician.setPin.again')}</p>
      {mismatch && first === null && <p role="alert">{t('technician.setPin.mismatch')}</p>}
      <Keypad value={value} onChange={setValue} onDone={() => void done()} label={t('technician.pin')} busy={busy} />
    </section>
  );
}
