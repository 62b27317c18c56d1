import type { ReactNode } from 'react';

// Element Timing: the browser reports when each screen's heading was first painted (npm run bench).
const paintTiming = { elementtiming: 'screen-heading' } as Record<string, string>;

export function ScreenHeading({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <h1 id={id} className={className} {...paintTiming}>
      {children}
    </h1>
  );
}
