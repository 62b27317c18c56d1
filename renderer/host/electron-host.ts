import { z } from 'zod';
import { EnrolOutcome, type SyncRequest } from '../../shared/schema/bridge';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { Rating } from '../../shared/schema/rating';
import { EnrolmentError } from '../../shared/sync/enrolment';
import type { KioskHost, RatingJournal } from './kiosk-host';

/**
 * What the preload exposes as `window.kiosk` (electron/preload.ts): a pass-through to the main
 * process, which checks every message. Answers are checked here again: the renderer trusts no one.
 */
export interface KioskBridge {
  readonly serverOrigin: string;
  loadConfig(): Promise<unknown>;
  saveConfig(config: KioskConfig): Promise<unknown>;
  enrol(request: { code: string; keepKioskId?: string }): Promise<unknown>;
  checkConnection(): Promise<unknown>;
  sync(request: SyncRequest): Promise<unknown>;
  journalAppend(rating: Rating): Promise<unknown>;
  journalEntries(): Promise<unknown>;
  journalCompact(acknowledged: readonly string[]): Promise<unknown>;
}

export function kioskBridge(): KioskBridge | null {
  const candidate = (globalThis as { kiosk?: KioskBridge }).kiosk;
  return candidate && typeof candidate.sync === 'function' ? candidate : null;
}

/** The Electron kiosk's host: configuration, enrolment and the journal live in the main process. */
export class ElectronHost implements KioskHost {
  readonly kind = 'electron';
  readonly journal: RatingJournal;

  constructor(
    private readonly bridge: KioskBridge,
    private readonly unsent: () => Promise<{ kioskId: string } | null>,
  ) {
    this.journal = {
      append: async (rating) => {
        if ((await bridge.journalAppend(rating)) !== true) throw new Error('the journal did not confirm the rating');
      },
      entries: async () => z.array(Rating).parse(await bridge.journalEntries()),
      compact: async (ids) => void (await bridge.journalCompact(ids)),
    };
  }

  get serverOrigin() {
    return this.bridge.serverOrigin;
  }

  async loadConfig(): Promise<KioskConfig | null> {
    const parsed = KioskConfig.safeParse(await this.bridge.loadConfig());
    return parsed.success ? parsed.data : null;
  }

  async enrol(code: string): Promise<KioskConfig> {
    const holding = await this.unsent();
    const answer = EnrolOutcome.safeParse(await this.bridge.enrol({ code, ...(holding && { keepKioskId: holding.kioskId }) }));
    if (!answer.success) throw new EnrolmentError('server_error');
    if (!answer.data.ok) throw new EnrolmentError(answer.data.problem);
    return answer.data.config;
  }

  async saveConfig(config: KioskConfig): Promise<void> {
    await this.bridge.saveConfig(config);
  }

  async checkConnection(): Promise<boolean> {
    return (await this.bridge.checkConnection().catch(() => false)) === true;
  }
}
