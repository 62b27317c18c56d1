import type { TechnicianPort } from '../host/technician';
import { PinSetup } from './PinSetup';
import { StaffPage } from './StaffPage';

/** Right after enrolment: the technician sets the kiosk's PIN before citizens use it. */
export function PinSetupScreen(props: { port: TechnicianPort; onDone: () => void }) {
  return (
    <StaffPage>
      <PinSetup {...props} />
    </StaffPage>
  );
}
