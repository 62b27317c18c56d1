/**
 * What to do when the kiosk's page crashes or hangs: reload it after a growing pause, and stop trying
 * (show the shell's own error page and keep the logs) when it keeps crashing, so a broken update does
 * not spin the machine forever.
 */
export interface CrashPolicy {
  /** Milliseconds to wait before the next reload, or null: too many crashes, stop reloading. */
  afterCrash(now: number): number | null;
}

export function crashPolicy(
  options: { firstDelayMs?: number; maxDelayMs?: number; maxCrashes?: number; windowMs?: number } = {},
): CrashPolicy {
  const first = options.firstDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 60_000;
  const limit = options.maxCrashes ?? 5;
  const window = options.windowMs ?? 10 * 60_000;
  let crashes: number[] = [];
  return {
    afterCrash(now) {
      crashes = [...crashes.filter((t) => now - t < window), now];
      if (crashes.length > limit) return null;
      return Math.min(max, first * 2 ** (crashes.length - 1));
    },
  };
}
