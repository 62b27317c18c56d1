import type { ReactNode } from 'react';
import { KioskViewContext } from './KioskContext';

/**
 * A page outside the rating flow (setup, enrolment, PIN set-up, the crash apology): no header, no
 * flow to send to, in Vietnamese, the technician's and the district's language.
 */
export function StaffPage({ children }: { children: ReactNode }) {
  return (
    <KioskViewContext.Provider value={{ locale: 'vi', send: () => {} }}>
      <div className="kiosk">
        <main className="main">{children}</main>
      </div>
    </KioskViewContext.Provider>
  );
}
