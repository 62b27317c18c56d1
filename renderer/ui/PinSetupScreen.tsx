import type { TechnicianPort } from '../host/technician';
import { KioskViewContext } from './KioskContext';
import { PinSetup } from './PinSetup';

/** Right after enrolment: the technician sets the kiosk's PIN before citizens use it. */
export function PinSetupScreen(props: { port: TechnicianPort; onDone: () => void }) {
  return (
    <KioskViewContext.Provider value={{ locale: 'vi', send: () => {} }}>
      <div className="kiosk">
        <main className="main">
          <PinSetup {...props} />
        </main>
      </div>
    </KioskViewContext.Provider>
  );
}
