import type { ScreenReport, UpdateStatus } from '../shared/contract/bridge';
import { KioskConfig } from '../shared/schema/kiosk-config';
import type { Rating } from '../shared/schema/rating';
import { DEFAULT_SHELL_SETTINGS, ShellSettings } from '../shared/schema/shell-settings';
import { EnrolmentError, redeemEnrolment } from '../shared/sync/enrolment';
import { kioskApi } from '../shared/contract/kiosk-api';
import { exportFileName, exportKeysFromText, newExportKeyText, signExport, signLegacyExport } from '../shared/sync/export-file';
import { HttpTransport } from '../shared/sync/http-transport';
import { IncarnationHistory, settleIncarnation } from '../shared/sync/incarnation';
import { toIsoWithOffset } from '../shared/time';
import type { BridgeHandlers } from './ipc';
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

export interface KioskServiceDeps {
  fetch: typeof fetch;
  tokens: TokenStore;
  /** The export signing key's private half (PKCS #8), kept like the token: encrypted, never handed out. */
  exportKey: TokenStore;
  config: JsonFile<KioskConfig>;
  settings: JsonFile<ShellSettings>;
  /** Every incarnation of the kiosk's storage: kept here, outside IndexedDB, so a wipe is told from a new kiosk. */
  incarnations: JsonFile<IncarnationHistory>;
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
 * Everything the main process does for the kiosk page: the device token (enrolment stores it, sync
 * and exports use it, nothing returns it), the server address and opening hours, the configuration
 * file, the journal. Requests arrive checked (electron/ipc.ts checks the sender frame and the
 * message against the bridge contract); files read back from disk are checked here.
 */
export function kioskService(deps: KioskServiceDeps): BridgeHandlers {
  const loadSettings = async (): Promise<ShellSettings> => {
    const parsed = ShellSettings.safeParse(await deps.settings.read().catch(() => null));
    return parsed.success ? parsed.data : (deps.defaultSettings ?? DEFAULT_SHELL_SETTINGS);
  };
  // Built per exchange: the technician may change the server address while the app runs.
  const transport = async () => {
    const origin = (await loadSettings()).serverOrigin;
    return origin
      ? new HttpTransport({ serverOrigin: origin, deviceToken: () => deps.tokens.load(), fetch: deps.fetch, now: deps.now })
      : null;
  };
  const loadIncarnations = async (): Promise<IncarnationHistory> => {
    const parsed = IncarnationHistory.safeParse(await deps.incarnations.read().catch(() => null));
    return parsed.success ? parsed.data : [];
  };
  const loadConfig = async () => {
    const parsed = KioskConfig.safeParse(await deps.config.read().catch(() => null));
    return parsed.success ? parsed.data : null;
  };

  return {
    'kiosk:config': loadConfig,
    'kiosk:config-save': async (config) => {
      await deps.config.write(config);
      return true;
    },
    'kiosk:settings': loadSettings,
    'kiosk:settings-save': async (settings) => {
      await deps.settings.write(settings);
      return true;
    },
    'kiosk:enrol': async (request) => {
      const settings = await loadSettings();
      const origin = request.serverOrigin ?? settings.serverOrigin;
      if (!origin) return { ok: false, problem: 'unreachable' };
      try {
        const stored = await deps.exportKey.load();
        const key = stored ? { text: stored, publicKey: (await exportKeysFromText(stored)).publicKey } : await newExportKeyText();
        const enrolled = await redeemEnrolment(deps.fetch, origin, request.code, deps.appVersion, request.keepKioskId, key.publicKey);
        await deps.tokens.save(enrolled.deviceToken);
        await deps.exportKey.save(key.text);
        await deps.config.write(enrolled.config);
        await deps.settings.write({ ...settings, serverOrigin: origin });
        return { ok: true, config: enrolled.config };
      } catch (error) {
        return { ok: false, problem: error instanceof EnrolmentError ? error.problem : 'server_error' };
      }
    },
    'kiosk:check': async (request) => {
      const origin = request.serverOrigin ?? (await loadSettings()).serverOrigin;
      if (!origin) return false;
      try {
        return (await deps.fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(10_000) })).ok;
      } catch {
        return false;
      }
    },
    'kiosk:send-batch': async ({ batch, timeoutMs }) =>
      (await transport())?.sendBatch(batch, timeoutMs) ?? { kind: 'network', message: 'no server address is set' },
    'kiosk:fetch-config': async ({ etag, timeoutMs }) => (await transport())?.fetchConfig(etag, timeoutMs) ?? { kind: 'failed' },
    'kiosk:send-heartbeat': async ({ heartbeat, timeoutMs }) => (await transport())?.sendHeartbeat(heartbeat, timeoutMs) ?? false,
    'kiosk:journal-append': async (rating) => {
      await deps.journal.append(rating);
      return true;
    },
    'kiosk:journal-entries': async () => deps.journal.entries(),
    'kiosk:journal-compact': async (ids) => {
      await deps.journal.compact(new Set(ids));
      return true;
    },
    'kiosk:export': async ({ ratings }) => {
      const [token, config] = await Promise.all([deps.tokens.load(), loadConfig()]);
      if (!token || !config) return { ok: false, problem: 'no_token' };
      if (ratings.some((r) => r.kioskId !== config.kioskId)) throw new Error('the ratings belong to another kiosk');
      try {
        const contents = { kioskId: config.kioskId, exportedAt: toIsoWithOffset(deps.now()), ratings };
        // A kiosk enrolled before export keys, and offline since: the old signature, accepted for a while.
        const keyText = await deps.exportKey.load();
        const file = keyText ? await signExport(contents, await exportKeysFromText(keyText)) : await signLegacyExport(contents, token);
        const fileName = exportFileName(file);
        return (await deps.exports.save(fileName, JSON.stringify(file))) ? { ok: true, fileName } : { ok: false, problem: 'cancelled' };
      } catch {
        return { ok: false, problem: 'failed' };
      }
    },
    'kiosk:incarnation': async ({ current, nextSeq }) => {
      const settled = settleIncarnation(await loadIncarnations(), current, nextSeq, (firstSeq) => ({
        id: crypto.randomUUID(),
        firstSeq,
        startedAt: toIsoWithOffset(deps.now()),
      }));
      if (settled.changed) await deps.incarnations.write(settled.history);
      return settled.incarnation;
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
      await deps.exportKey.clear();
      await deps.config.remove();
      await deps.incarnations.remove();
      return true;
    },
    // A kiosk enrolled before export keys existed gets one, registered with its server.
    'kiosk:ensure-export-key': async () => {
      const [token, existing, settings] = await Promise.all([deps.tokens.load(), deps.exportKey.load(), loadSettings()]);
      if (!token || existing || !settings.serverOrigin) return existing !== null;
      const key = await newExportKeyText();
      const response = await deps.fetch(`${settings.serverOrigin}${kioskApi.exportKey.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ publicKey: key.publicKey }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) return false;
      await deps.exportKey.save(key.text);
      return true;
    },
    'kiosk:diagnostics': async () => ({
      tokenEncrypted: (await deps.tokens.load()) === null ? null : deps.tokens.encrypted,
      journalEntries: (await deps.journal.entries()).length,
      incarnations: (await loadIncarnations()).length,
      update: deps.updateStatus?.() ?? { pending: null, installing: false },
    }),
    'kiosk:screen': async (report) => {
      deps.screen?.(report);
      return true;
    },
  };
}
