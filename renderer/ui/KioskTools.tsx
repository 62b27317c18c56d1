import { useState } from 'react';
import type { TechnicianPort } from '../host/technician';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { OpeningHoursForm } from './OpeningHoursForm';
import { TouchTest } from './TouchTest';
import { TextSizeChoice } from './TextSizeChoice';

/** done: it happened; ask: it needs a second press (a warning, not a success); problem: it was refused. */
type Tone = 'done' | 'ask' | 'problem';
type Line = { key: MessageKey; values?: Record<string, string | number>; tone: Tone } | null;
const toneClass: Record<Tone, string> = { done: 'setup-ok', ask: 'setup-warning', problem: 'setup-problem' };
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
      setLine({ key: 'tools.failed', tone: 'problem' });
    } finally {
      setBusy(false);
    }
  };

  const exportUnsent = () =>
    run(async () => {
      const result = await port.exportUnsent();
      if (result.kind === 'saved' && result.files === 1) {
        setLine({ key: 'tools.exported', values: { count: result.count, file: result.fileName }, tone: 'done' });
      } else if (result.kind === 'saved') {
        setLine({ key: 'tools.exportedFiles', values: { count: result.count, files: result.files, file: result.fileName }, tone: 'done' });
      } else if (result.kind === 'partly') {
        setLine({ key: 'tools.exportedPartly', values: { files: result.files, file: result.fileName }, tone: 'problem' });
      } else
        setLine({
          key: result.kind === 'nothing' ? 'tools.nothingToExport' : 'tools.exportFailed',
          tone: result.kind === 'nothing' ? 'done' : 'problem',
        });
    });

  const leave = (kind: Leaving) =>
    run(async () => {
      const heldOnlyHere = await port.heldOnlyHere();
      if (heldOnlyHere > 0) {
        setConfirming(null);
        return setLine({ key: 'tools.refuseLeave', values: { count: heldOnlyHere }, tone: 'problem' });
      }
      if (confirming !== kind) {
        setConfirming(kind);
        return setLine({ key: kind === 'move' ? 'tools.confirmMove' : 'tools.confirmDecommission', tone: 'ask' });
      }
      if (await port.leave()) onLeft();
      else setLine({ key: 'tools.refuseLeave', values: { count: await port.heldOnlyHere() }, tone: 'problem' });
    });

  if (touchTest) return <TouchTest onDone={() => setTouchTest(false)} />;
  return (
    <section className="screen screen-technician" data-screen="kiosk-tools">
      <h2>{t('tools.title')}</h2>
      {line && (
        <p role={line.tone === 'problem' ? 'alert' : 'status'} className={toneClass[line.tone]} data-tone={line.tone}>
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
