import type { ReactNode } from 'react';

/** The row of large buttons at the bottom of every step: there is always a way on. */
export function Footer({ children }: { children: ReactNode }) {
  return <div className="footer">{children}</div>;
}
