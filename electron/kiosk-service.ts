import { z } from 'zod';
import { EnrolBridgeRequest, type EnrolOutcome } from '../shared/schema/bridge';
import { KioskConfig } from '../shared/schema/kiosk-config';
import { Rating } from '../shared/schema/rating';
import { EnrolmentError, redeemEnrolment } from '../shared/sync/enrolment';
import { HttpTransport } from '../shared/sync/http-transport';
import { createSyncHandler } from './sync-bridge';
import type { TokenStore } from './token-store';

/** The journal as the service uses it (electron/journal.ts). */
export interface JournalFile {
  append(rating: Rating): Promise<void>;
  entries(): Promise<Rating[]>;
  compact(acknowledged: ReadonlySet<string>): Promise<number>;
}

export interface ConfigFile {
  read(): Promise<unknown>;
  write(config: KioskConfig): Promise<void>;
}

/** The IPC channels the preload forwards, one handler each. */
export const CHANNELS = [
  'kiosk:config',
  'kiosk:config-save',
  'kiosk:enrol',
  'kiosk:check',
  'kiosk:sync',
  'kiosk:journal-append',
  'kiosk:journal-entries',
  'kiosk:journal-compact',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Everything the main process does for the kiosk page, as plain handlers of untrusted input: the
 * device token (enrolment stores it, sync uses it, nothing returns it), the configuration file, the
 * journal. Electron's ipcMain is wired to these in main.ts after checking the sender frame.
 */
export function kioskService(deps: {
  serverOrigin: string;
  fetch: typeof fetch;
  tokens: TokenStore;
  config: ConfigFile;
  journal: JournalFile;
  appVersion: string;
  now: () => Date;
}): Record<Channel, (raw: unknown) => Promise<unknown>> {
  const transport = new HttpTransport({ serverOrigin: deps.serverOrigin, deviceToken: () => deps.tokens.load(), fetch: deps.fetch, now: deps.now });
  return {
    'kiosk:config': async () => {
      const parsed = KioskConfig.safeParse(await deps.config.read());
      return parsed.success ? parsed.data : null;
    },
    'kiosk:config-save': async (raw) => {
      await deps.config.write(KioskConfig.parse(raw));
      return true;
    },
    'kiosk:enrol': async (raw): Promise<EnrolOutcome> => {
      const request = EnrolBridgeRequest.parse(raw);
      try {
        const enrolled = await redeemEnrolment(deps.fetch, deps.serverOrigin, request.code, deps.appVersion, request.keepKioskId);
        await deps.tokens.save(enrolled.deviceToken);
        await deps.config.write(enrolled.config);
        return { ok: true, config: enrolled.config };
      } catch (error) {
        return { ok: false, problem: error instanceof EnrolmentError ? error.problem : 'server_error' };
      }
    },
    'kiosk:check': async () => {
      try {
        return (await deps.fetch(`${deps.serverOrigin}/healthz`, { signal: AbortSignal.timeout(10_000) })).ok;
      } catch {
        return false;
      }
    },
    'kiosk:sync': createSyncHandler(transport),
    'kiosk:journal-append': async (raw) => {
      await deps.journal.append(Rating.parse(raw));
      return true;
    },
    'kiosk:journal-entries': async () => deps.journal.entries(),
    'kiosk:journal-compact': async (raw) => {
      await deps.journal.compact(new Set(z.array(z.uuid()).max(200_000).parse(raw)));
      return true;
    },
  };
}
