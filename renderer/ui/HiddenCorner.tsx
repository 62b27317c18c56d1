import { useRef } from 'react';

const HOLD_MS = 5_000;

/**
 * The technician's way in: holding the top left corner for five seconds. Nothing shows it; a quick
 * touch (a citizen's) does nothing.
 */
export function HiddenCorner({ onHeld }: { onHeld: () => void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  return (
    <div
      className="hidden-corner"
      data-testid="technician-corner"
      aria-hidden="true"
      onPointerDown={() => {
        cancel();
        timer.current = setTimeout(onHeld, HOLD_MS);
      }}
      onPointerUp={cancel}
      onPointerCancel={cancel}
      onPointerLeave={cancel}
    />
  );
}
