import { callBridge, requireBridge, type KioskBridge, type ShellDiagnostics } from '../../shared/contract/bridge';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { Rating } from '../../shared/schema/rating';
import type { Incarnation } from '../../shared/schema/sequence';
import type { ShellSettings } from '../../shared/schema/shell-settings';
import { EnrolmentError } from '../../shared/sync/enrolment';
import type { SyncTransport } from '../../shared/sync/ports';
import { BridgeTransport } from './bridge-transport';
import type { KioskHost, RatingJournal, ShellSettingsPort } from './kiosk-host';

/** `window.kiosk`, where the Electron preload put it; null in a browser. */
export function kioskBridge(): KioskBridge | null {
  const candidate = (globalThis as { kiosk?: KioskBridge }).kiosk;
  return candidate && typeof candidate.invoke === 'function' ? candidate : null;
}

/**
 * The Electron kiosk's host: configuration, enrolment, the server address, the device token and the
 * journal live in the main process, reached through `window.kiosk.invoke`; every answer is checked
 * against the bridge contract as it arrives (shared/contract/bridge.ts).
 */
export class ElectronHost implements KioskHost {
  readonly asksServerAddress = true;
  readonly journal: RatingJournal;
  readonly shellSettings: ShellSettingsPort;
  private origin = '';

  constructor(
    private readonly bridge: KioskBridge,
    private readonly notSynced: () => Promise<{ kioskId: string } | null>,
  ) {
    this.journal = {
      append: async (rating) => void (await requireBridge(bridge, 'kiosk:journal-append', rating)),
      entries: () => requireBridge(bridge, 'kiosk:journal-entries', undefined),
      compact: async (ids) => void (await requireBridge(bridge, 'kiosk:journal-compact', [...ids])),
    };
    this.shellSettings = {
      load: () => this.loadSettings(),
      save: async (settings: ShellSettings) => {
        await requireBridge(bridge, 'kiosk:settings-save', settings);
        this.origin = settings.serverOrigin ?? '';
      },
    };
  }

  /** The server address the main process keeps (empty until the technician sets one). */
  get serverOrigin() {
    return this.origin;
  }

  private async loadSettings(): Promise<ShellSettings | null> {
    const answer = await callBridge(this.bridge, 'kiosk:settings', undefined);
    if (!answer.ok) return null;
    this.origin = answer.value.serverOrigin ?? '';
    return answer.value;
  }

  async loadConfig(): Promise<KioskConfig | null> {
    await this.loadSettings();
    const answer = await callBridge(this.bridge, 'kiosk:config', undefined);
    return answer.ok ? answer.value : null;
  }

  async enrol(code: string, serverOrigin?: string): Promise<KioskConfig> {
    const holding = await this.notSynced();
    const request = { code, ...(holding && { keepKioskId: holding.kioskId }), ...(serverOrigin && { serverOrigin }) };
    const answer = await callBridge(this.bridge, 'kiosk:enrol', request);
    if (!answer.ok) throw new EnrolmentError('server_error');
    if (!answer.value.ok) throw new EnrolmentError(answer.value.problem);
    await this.loadSettings();
    return answer.value.config;
  }

  async saveConfig(config: KioskConfig): Promise<void> {
    await requireBridge(this.bridge, 'kiosk:config-save', config);
  }

  async checkConnection(serverOrigin?: string): Promise<boolean> {
    const answer = await callBridge(this.bridge, 'kiosk:check', serverOrigin ? { serverOrigin } : {});
    return answer.ok && answer.value;
  }

  /** The main process holds the token and does the HTTP: the renderer hands it each exchange. */
  async syncTransport(): Promise<SyncTransport> {
    return new BridgeTransport(this.bridge);
  }

  async saveExport(_kioskId: string, ratings: Rating[]): Promise<{ fileName: string } | null> {
    const answer = await callBridge(this.bridge, 'kiosk:export', { ratings });
    return answer.ok && answer.value.ok ? { fileName: answer.value.fileName } : null;
  }

  readonly shellDiagnostics = async (): Promise<ShellDiagnostics | null> => {
    const answer = await callBridge(this.bridge, 'kiosk:diagnostics', undefined);
    return answer.ok ? answer.value : null;
  };

  readonly reportScreen = (onStartScreen: boolean) => void callBridge(this.bridge, 'kiosk:screen', { onStartScreen });

  settleIncarnation(current: Incarnation | null, nextSeq: number): Promise<Incarnation> {
    return requireBridge(this.bridge, 'kiosk:incarnation', { current, nextSeq });
  }

  async ensureExportKey(): Promise<void> {
    await callBridge(this.bridge, 'kiosk:ensure-export-key', undefined);
  }

  async forget(): Promise<void> {
    await requireBridge(this.bridge, 'kiosk:forget', undefined);
  }
}
