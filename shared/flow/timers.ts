import { fromCallback, type EventObject } from 'xstate';

export type IdleEvent = { type: 'COUNTDOWN'; secondsLeft: number } | { type: 'IDLE_TIMEOUT' };

/**
 * Walk-away detection. Re-armed by every ACTIVITY it receives; in the last `countdownSeconds` it
 * counts down so a slow reader sees the screen is about to reset and can touch it to continue.
 * A callback actor rather than `after` transitions: it restarts cleanly and keeps the machine
 * testable by xstate/graph, which refuses delayed transitions.
 */
export const idleTimer = fromCallback<{ type: 'ACTIVITY' }, { timeoutMs: number; countdownSeconds: number }>(
  ({ sendBack, receive, input }) => {
    let timers: ReturnType<typeof setTimeout>[] = [];
    const clear = () => {
      for (const t of timers) clearTimeout(t);
      timers = [];
    };
    const arm = () => {
      clear();
      for (let s = input.countdownSeconds; s >= 1; s--) {
        const event: IdleEvent = { type: 'COUNTDOWN', secondsLeft: s };
        timers.push(setTimeout(() => sendBack(event), input.timeoutMs - s * 1000));
      }
      timers.push(setTimeout(() => sendBack({ type: 'IDLE_TIMEOUT' } satisfies IdleEvent), input.timeoutMs));
    };
    receive((event) => {
      if (event.type === 'ACTIVITY') arm();
    });
    arm();
    return clear;
  },
);

/** A one-shot timer for screens that leave by themselves (thank-you, apology). */
export const screenTimer = fromCallback<EventObject, { ms: number }>(({ sendBack, input }) => {
  const t = setTimeout(() => sendBack({ type: 'SCREEN_TIMER_DONE' }), input.ms);
  return () => clearTimeout(t);
});
