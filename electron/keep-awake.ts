import { isOpen, type OpeningHours } from '../shared/schema/opening-hours';

/** The part of Electron's powerSaveBlocker used here (injected; faked in tests). */
export interface PowerSaveBlocker {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
}

/**
 * Keeps the display awake while the counter is open, so a citizen never meets a dark screen, and
 * lets it sleep outside opening hours. `check` is called on a timer (every minute) and on changes.
 */
export class DisplayKeeper {
  private blockerId: number | null = null;

  constructor(
    private readonly blocker: PowerSaveBlocker,
    private readonly hours: () => OpeningHours,
  ) {}

  get awake() {
    return this.blockerId !== null;
  }

  check(now: Date): void {
    const open = isOpen(this.hours(), now);
    if (open && this.blockerId === null) this.blockerId = this.blocker.start('prevent-display-sleep');
    if (!open && this.blockerId !== null) {
      this.blocker.stop(this.blockerId);
      this.blockerId = null;
    }
  }
}
