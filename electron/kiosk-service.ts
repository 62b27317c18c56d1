import { z } from 'zod';
import { BRIDGE_CHANNELS, type BridgeChannel, CheckBridgeRequest, EnrolBridgeRequest, ExportBridgeRequest, ScreenReport, type EnrolOutcome, type ExportOutcome, type ShellDiagnostics, type UpdateStatus } from '../shared/schema/bridge';
import { KioskConfig } from '../shared/schema/kiosk-config';
import { Rating } from '../shared/schema/rating';
import { DEFAULT_SHELL_SETTINGS, ShellSettings } from '../shared/schema/shell-settings';
import { EnrolmentError, redeemEnrolment } from '../shared/sync/enrolment';
import { exportFileName, signExport } from '../shared/sync/export-file';
import { HttpTransport } from '../shared/sync/http-transport';
import type { SyncTransport } from '../shared/sync/ports';
import { toIsoWithOffset } from '../shared/time';
import { createSyncHandler } from './sync-bridge';
import type { TokenStore } from './token-store';

/** The journal as the service uses it (electron/journal.ts). */
export interface JournalFile {
  append(rating: Rating): Promise<void>;
  entries(): Promise<Rating[]>;
  compact(acknowledged: ReadonlySet<string>): Promise<number>;
}

/** A JSON file under userData (written atomically by the adapter). */
export interface JsonFile<T> {
  read(): Promise<unknown>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** Where export files go: the technician picks a place (a USB stick); a copy stays under userData. */
export interface ExportTarget {
  /** Kept under userData, then written where the technician chooses; null when they cancelled. */
  save(fileName: string, text: string): Promise<string | null>;
  /** Kept under userData only (what the journal held when the kiosk was decommissioned). */
  keep(fileName: string, text: string): Promise<void>;
}

export const CHANNELS = BRIDGE_CHANNELS;
export type Channel = BridgeChannel;

export interface KioskServiceDeps {
  fetch: typeof fetch;
  tokens: TokenStore;
  config: JsonFile<KioskConfig>;
  settings: JsonFile<ShellSettings>;
  journal: JournalFile;
  exports: ExportTarget;
  appVersion: string;
  now: () => Date;
  /** Before the technician saves any: `npm start` suggests its local server (electron/launch-args.ts). */
  defaultSettings?: ShellSettings;
  /** The downloaded update waiting to be installed, for the technician's screen. */
  updateStatus?: () => UpdateStatus;
  /** The renderer says where the citizen is: the updater waits for the start screen. */
  screen?: (report: ScreenReport) => void;
}

/**
 * Everything the main process does for the kiosk page, as plain handlers of untrusted input: the
 * device token (enrolment stores it, sync and exports use it, nothing returns it), the server
 * address and opening hours, the configuration file, the journal. Electron's ipcMain is wired to
 * these in main.ts through electron/ipc.ts, which checks the sender frame first.
 */
export function kioskService(deps: KioskServiceDeps): Record<Channel, (raw: unknown) => Promise<unknown>> {
  const loadSettings = async (): Promise<ShellSettings> => {
    const parsed = ShellSettings.safeParse(await deps.settings.read().catch(() => null));
    return parsed.success ? parsed.data : (deps.defaultSettings ?? DEFAULT_SHELL_SETTINGS);
  };
  // Built per exchange: the technician may change the server address while the app runs.
  const transport = async (): Promise<SyncTransport | null> => {
    const origin = (await loadSettings()).serverOrigin;
    return origin ? new HttpTransport({ serverOrigin: origin, deviceToken: () => deps.tokens.load(), fetch: deps.fetch, now: deps.now }) : null;
  };
  const sync = createSyncHandler({
    sendBatch: async (batch, timeoutMs) =>
      (await transport())?.sendBatch(batch, timeoutMs) ?? { kind: 'network', message: 'no server address is set' },
    fetchConfig: async (etag, timeoutMs) => (await transport())?.fetchConfig(etag, timeoutMs) ?? { kind: 'failed' },
    sendHeartbeat: async (heartbeat, timeoutMs) => (await transport())?.sendHeartbeat(heartbeat, timeoutMs) ?? false,
  });
  const loadConfig = async () => {
    const parsed = KioskConfig.safeParse(await deps.config.read().catch(() => null));
    return parsed.success ? parsed.data : null;
  };

  return {
    'kiosk:config': loadConfig,
    'kiosk:config-save': async (raw) => {
      await deps.config.write(KioskConfig.parse(raw));
      return true;
    },
    'kiosk:settings': loadSettings,
    'kiosk:settings-save': async (raw) => {
      await deps.settings.write(ShellSettings.parse(raw));
      return true;
    },
    'kiosk:enrol': async (raw): Promise<EnrolOutcome> => {
      const request = EnrolBridgeRequest.parse(raw);
      const settings = await loadSettings();
      const origin = request.serverOrigin ?? settings.serverOrigin;
      if (!origin) return { ok: false, problem: 'unreachable' };
      try {
        const enrolled = await redeemEnrolment(deps.fetch, origin, request.code, deps.appVersion, request.keepKioskId);
        await deps.tokens.save(enrolled.deviceToken);
        await deps.config.write(enrolled.config);
        await deps.settings.write({ ...settings, serverOrigin: origin });
        return { ok: true, config: enrolled.config };
      } catch (error) {
        return { ok: false, problem: error instanceof EnrolmentError ? error.problem : 'server_error' };
      }
    },
    'kiosk:check': async (raw) => {
      const origin = CheckBridgeRequest.parse(raw)?.serverOrigin ?? (await loadSettings()).serverOrigin;
      if (!origin) return false;
      try {
        return (await deps.fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(10_000) })).ok;
      } catch {
        return false;
      }
    },
    'kiosk:sync': sync,
    'kiosk:journal-append': async (raw) => {
      await deps.journal.append(Rating.parse(raw));
      return true;
    },
    'kiosk:journal-entries': async () => deps.journal.entries(),
    'kiosk:journal-compact': async (raw) => {
      await deps.journal.compact(new Set(z.array(z.uuid()).max(200_000).parse(raw)));
      return true;
    },
    'kiosk:export': async (raw): Promise<ExportOutcome> => {
      const { ratings } = ExportBridgeRequest.parse(raw);
      const [token, config] = await Promise.all([deps.tokens.load(), loadConfig()]);
      if (!token || !config) return { ok: false, problem: 'no_token' };
      if (ratings.some((r) => r.kioskId !== config.kioskId)) throw new Error('the ratings belong to another kiosk');
      try {
        const file = await signExport({ kioskId: config.kioskId, exportedAt: toIsoWithOffset(deps.now()), ratings }, token);
        const fileName = exportFileName(file);
        return (await deps.exports.save(fileName, JSON.stringify(file))) ? { ok: true, fileName } : { ok: false, problem: 'cancelled' };
      } catch {
        return { ok: false, problem: 'failed' };
      }
    },
    // Decommission or a move to another counter: what the journal still holds is kept in a file first.
    'kiosk:forget': async () => {
      const held = await deps.journal.entries();
      if (held.length > 0) {
        const config = await loadConfig();
        const kept = JSON.stringify({ kioskId: config?.kioskId ?? null, keptAt: toIsoWithOffset(deps.now()), ratings: held });
        await deps.exports.keep(`journal-${deps.now().getTime()}.json`, kept);
        await deps.journal.compact(new Set(held.map((r) => r.id)));
      }
      await deps.tokens.clear();
      await deps.config.remove();
      return true;
    },
    'kiosk:diagnostics': async (): Promise<ShellDiagnostics> => ({
      tokenEncrypted: (await deps.tokens.load()) === null ? null : deps.tokens.encrypted,
      journalEntries: (await deps.journal.entries()).length,
      update: deps.updateStatus?.() ?? { pending: null, installing: false },
    }),
    'kiosk:screen': async (raw) => {
      const report = ScreenReport.parse(raw); // parsed even with no listener: bad input is refused alike
      deps.screen?.(report);
      return true;
    },
  };
}
