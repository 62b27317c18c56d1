import { z } from 'zod';
import { EnrolOutcome, ExportOutcome, ShellDiagnostics, type ScreenReport, type SyncRequest } from '../../shared/schema/bridge';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { Rating } from '../../shared/schema/rating';
import { ShellSettings } from '../../shared/schema/shell-settings';
import { EnrolmentError } from '../../shared/sync/enrolment';
import type { KioskHost, RatingJournal } from './kiosk-host';

/**
 * What the preload exposes as `window.kiosk` (electron/preload.ts): a pass-through to the main
 * process, which checks every message. Answers are checked here again: the renderer trusts no one.
 * Built from KIOSK_BRIDGE_METHODS, so the preload and this list cannot drift apart.
 */
export interface KioskBridge {
  loadConfig(): Promise<unknown>;
  saveConfig(config: KioskConfig): Promise<unknown>;
  loadSettings(): Promise<unknown>;
  saveSettings(settings: ShellSettings): Promise<unknown>;
  enrol(request: { code: string; keepKioskId?: string; serverOrigin?: string }): Promise<unknown>;
  checkConnection(request?: { serverOrigin?: string }): Promise<unknown>;
  sync(request: SyncRequest): Promise<unknown>;
  journalAppend(rating: Rating): Promise<unknown>;
  journalEntries(): Promise<unknown>;
  journalCompact(acknowledged: readonly string[]): Promise<unknown>;
  exportRatings(request: { ratings: Rating[] }): Promise<unknown>;
  forget(): Promise<unknown>;
  reportScreen(report: ScreenReport): Promise<unknown>;
  diagnostics(): Promise<unknown>;
}

export function kioskBridge(): KioskBridge | null {
  const candidate = (globalThis as { kiosk?: KioskBridge }).kiosk;
  return candidate && typeof candidate.sync === 'function' ? candidate : null;
}

/** The Electron kiosk's host: configuration, enrolment, the server address and the journal live in the main process. */
export class ElectronHost implements KioskHost {
  readonly kind = 'electron';
  readonly journal: RatingJournal;
  private origin = '';

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

  /** The server address the main process keeps (empty until the technician sets one). */
  get serverOrigin() {
    return this.origin;
  }

  async loadSettings(): Promise<ShellSettings | null> {
    const parsed = ShellSettings.safeParse(await this.bridge.loadSettings());
    if (parsed.success) this.origin = parsed.data.serverOrigin ?? '';
    return parsed.success ? parsed.data : null;
  }

  async saveSettings(settings: ShellSettings): Promise<void> {
    if ((await this.bridge.saveSettings(settings)) !== true) throw new Error('the kiosk shell did not keep the settings');
    this.origin = settings.serverOrigin ?? '';
  }

  async loadConfig(): Promise<KioskConfig | null> {
    await this.loadSettings();
    const parsed = KioskConfig.safeParse(await this.bridge.loadConfig());
    return parsed.success ? parsed.data : null;
  }

  async enrol(code: string, serverOrigin?: string): Promise<KioskConfig> {
    const holding = await this.unsent();
    const request = { code, ...(holding && { keepKioskId: holding.kioskId }), ...(serverOrigin && { serverOrigin }) };
    const answer = EnrolOutcome.safeParse(await this.bridge.enrol(request).catch(() => null));
    if (!answer.success) throw new EnrolmentError('server_error');
    if (!answer.data.ok) throw new EnrolmentError(answer.data.problem);
    await this.loadSettings();
    return answer.data.config;
  }

  async saveConfig(config: KioskConfig): Promise<void> {
    await this.bridge.saveConfig(config);
  }

  async checkConnection(serverOrigin?: string): Promise<boolean> {
    return (await this.bridge.checkConnection(serverOrigin ? { serverOrigin } : undefined).catch(() => false)) === true;
  }

  async saveExport(_kioskId: string, ratings: Rating[]): Promise<{ fileName: string } | null> {
    const answer = ExportOutcome.safeParse(await this.bridge.exportRatings({ ratings }).catch(() => null));
    return answer.success && answer.data.ok ? { fileName: answer.data.fileName } : null;
  }

  /** What the main process knows (token, journal, update); null when the shell cannot say. */
  async shellDiagnostics(): Promise<ShellDiagnostics | null> {
    const parsed = ShellDiagnostics.safeParse(await this.bridge.diagnostics().catch(() => null));
    return parsed.success ? parsed.data : null;
  }

  async forget(): Promise<void> {
    if ((await this.bridge.forget()) !== true) throw new Error('the kiosk shell did not forget the enrolment');
  }
}
