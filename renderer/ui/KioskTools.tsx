import { useState } from 'react';
import type { TechnicianPort } from '../host/technician';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { OpeningHoursForm } from './OpeningHoursForm';
import { TouchTest } from './TouchTest';
import { TextSizeChoice } from './TextSizeChoice';

type Line = { key: MessageKey; values?: Record<string, string | number>; ok: boolean } | null;
type Leaving = 'move' | 'decommission';

/**
 * The technician's tools below the diagnostics: export to a USB stick, moving the kiosk to another
 * counter or taking it out of service (both refused while ratings would be lost), opening hours,
 * and the touch test.
 */
export function KioskTools({ port, onLeft }: { port: TechnicianPort; onLeft: () => void }) {
  const { t } = useKioskView();
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState<Line>(null);
  const [confirming, setConfirming] = useState<Leaving | null>(null);
  const [touchTest, setTouchTest] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch {
      setLine({ key: 'tools.failed', ok: false });
    } finally {
      setBusy(false);
    }
  };

  const exportUnsent = () =>
    run(async () => {
      const result = await port.exportUnsent();
      if (result.kind === 'saved' && result.files === 1) {
        setLine({ key: 'tools.exported', values: { count: result.count, file: result.fileName }, ok: true });
      } else if (result.kind === 'saved') {
        setLine({ key: 'tools.exportedFiles', values: { count: result.count, files: result.files, file: result.fileName }, ok: true });
      } else if (result.kind === 'partly') {
        setLine({ key: 'tools.exportedPartly', values: { files: result.files, file: result.fileName }, ok: false });
      } else setLine({ key: result.kind === 'nothing' ? 'tools.nothingToExport' : 'tools.exportFailed', ok: result.kind === 'nothing' });
    });

  const leave = (kind: Leaving) =>
    run(async () => {
      const heldOnlyHere = await port.heldOnlyHere();
      if (heldOnlyHere > 0) {
        setConfirming(null);
        return setLine({ key: 'tools.refuseLeave', values: { count: heldOnlyHere }, ok: false });
      }
      if (confirming !== kind) {
        setConfirming(kind);
        return setLine({ key: kind === 'move' ? 'tools.confirmMove' : 'tools.confirmDecommission', ok: true });
      }
      if (await port.leave()) onLeft();
      else setLine({ key: 'tools.refuseLeave', values: { count: await port.heldOnlyHere() }, ok: false });
    });

  if (touchTest) return <TouchTest onDone={() => setTouchTest(false)} />;
  return (
    <section className="screen screen-technician" data-screen="kiosk-tools">
      <h2>{t('tools.title')}</h2>
      {line && (
        <p role={line.ok ? 'status' : 'alert'} className={line.ok ? 'setup-ok' : 'setup-problem'}>
          {t(line.key, line.values)}
        </p>
      )}
      <div className="tools">
        <button type="button" className="secondary" disabled={busy} onClick={() => void exportUnsent()}>
          {t('tools.export')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setTouchTest(true)}>
          {t('tools.touchTest')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void leave('move')}>
          {t(confirming === 'move' ? 'tools.confirm' : 'tools.move')}
        </button>
        <button type="button" className="secondary danger" disabled={busy} onClick={() => void leave('decommission')}>
          {t(confirming === 'decommission' ? 'tools.confirm' : 'tools.decommission')}
        </button>
      </div>
      <TextSizeChoice display={port.display} />
      {port.settings && <OpeningHoursForm settings={port.settings} />}
    </section>
  );
}
