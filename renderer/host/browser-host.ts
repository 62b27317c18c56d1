import { firstNotSynced } from '../storage/rating-queue';
import { demoKioskConfig } from '../../shared/demo';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import type { KioskDb } from '../storage/kiosk-db';
import { redeemEnrolment } from '../../shared/sync/enrolment';
import { kioskApi } from '../../shared/contract/kiosk-api';
import {
  exportFileName,
  exportPublicKey,
  newExportKeyPair,
  signExport,
  signLegacyExport,
  type ExportKeys,
} from '../../shared/sync/export-file';
import type { Rating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';
import { HttpTransport } from '../../shared/sync/http-transport';
import type { SyncTransport } from '../../shared/sync/ports';
import { registerAppShell, type UpdateGate } from './app-update';
import type { KioskHost } from './kiosk-host';

const CONFIG_KEY = 'config';
/** The device token lives only here, in the kiosk's own IndexedDB (a browser kiosk has nowhere safer). */
export const DEVICE_TOKEN_KEY = 'deviceToken';
const DEMO_KIOSK_ID_KEY = 'demoKioskId';
/** The kiosk's export signing key pair: the private half is non-extractable, even to this page. */
const EXPORT_KEYS_KEY = 'exportKeys';
/** The (single-use, so no longer secret) code the kiosk was last enrolled with. */
const SPENT_CODE_KEY = 'spentEnrolmentCode';
const normaliseCode = (code: string) => code.trim().toUpperCase().replaceAll('-', '');

export interface BrowserHostOptions {
  /** The page's query string: `?enrol=<code>` enrols, `?demo=<template>` picks the demo survey. */
  search: string;
  /** The district server that served this page. */
  serverOrigin: string;
  fetch: typeof fetch;
  appVersion: string;
  newKioskId?: () => string;
  /** Hands a finished file to the person (a download); injected so tests can catch it. */
  saveFile?: (name: string, text: string) => void;
}

/** A download of a text file through a temporary link: the only way a web page writes a file. */
function downloadFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The browser kiosk keeps its configuration in its own IndexedDB. Opening `<server>/kiosk/?enrol=<code>`
 * (the dashboard's QR code) enrols it with the district server that served it; without a code an
 * unconfigured kiosk shows the setup screen. `?demo=<template>` runs a demo ward instead, with a kiosk
 * id of its own so two demo kiosks never collide.
 */
export class BrowserHost implements KioskHost {
  readonly asksServerAddress = false;
  readonly journal = null;
  private token: Promise<string | null> | null = null;

  get serverOrigin() {
    return this.options.serverOrigin;
  }

  constructor(
    private readonly db: KioskDb,
    private readonly options: BrowserHostOptions,
  ) {}

  /** The kiosk's configuration, or null when it is neither enrolled nor asked to run the demo. */
  async loadConfig(): Promise<KioskConfig | null> {
    const params = new URLSearchParams(this.options.search);
    const code = params.get('enrol');
    const stored = await this.db.meta.get(CONFIG_KEY);
    const parsed = KioskConfig.safeParse(stored?.value);
    // A new code on an enrolled kiosk re-enrols it (a revoked token, a move to another counter); the
    // code it was enrolled with (a reload before the address was cleaned) is never redeemed twice.
    const spent = (await this.db.meta.get(SPENT_CODE_KEY))?.value;
    if (code && !(parsed.success && spent === normaliseCode(code))) return this.enrol(code);
    if (parsed.success) return parsed.data;
    if (!params.has('demo')) return null;
    const kioskId = await this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.db.meta.get(DEMO_KIOSK_ID_KEY);
      if (typeof existing?.value === 'string') return existing.value;
      const id = (this.options.newKioskId ?? (() => crypto.randomUUID()))();
      await this.db.meta.put({ key: DEMO_KIOSK_ID_KEY, value: id });
      return id;
    });
    return demoKioskConfig(kioskId, params.get('demo') || undefined, { pickOfficial: params.get('officials') === 'citizen' });
  }

  async saveConfig(config: KioskConfig): Promise<void> {
    await this.db.meta.put({ key: CONFIG_KEY, value: KioskConfig.parse(config) });
  }

  /** "Kiểm tra kết nối": whether the district server answers. */
  async checkConnection(): Promise<boolean> {
    try {
      const response = await this.options.fetch(`${this.options.serverOrigin}/healthz`, { signal: AbortSignal.timeout(10_000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /**
   * Redeems the code once and keeps what the server gave, in one transaction. A kiosk that still
   * holds ratings the server has not taken keeps its identity: only its own re-enrolment code works,
   * so those ratings are still accepted as its own.
   */
  async enrol(code: string): Promise<KioskConfig> {
    const current = KioskConfig.safeParse((await this.db.meta.get(CONFIG_KEY))?.value);
    const holdsNotSynced = current.success && (await firstNotSynced(this.db)) !== undefined;
    const keys = (await this.exportKeys()) ?? (await this.newExportKeys());
    const enrolled = await redeemEnrolment(
      this.options.fetch,
      this.options.serverOrigin,
      code,
      this.options.appVersion,
      holdsNotSynced ? current.data.kioskId : undefined,
      keys.publicKey,
    );
    await this.db.transaction('rw', this.db.meta, async () => {
      await this.db.meta.put({ key: CONFIG_KEY, value: enrolled.config });
      await this.db.meta.put({ key: DEVICE_TOKEN_KEY, value: enrolled.deviceToken });
      await this.db.meta.put({ key: SPENT_CODE_KEY, value: normaliseCode(code) });
      await this.db.meta.put({ key: EXPORT_KEYS_KEY, value: keys });
    });
    return enrolled.config;
  }

  async saveExport(kioskId: string, ratings: Rating[]): Promise<{ fileName: string } | null> {
    const token = (await this.db.meta.get(DEVICE_TOKEN_KEY))?.value;
    if (typeof token !== 'string') return null;
    const contents = { kioskId, exportedAt: toIsoWithOffset(new Date()), ratings };
    // A kiosk enrolled before export keys, and offline since: the old signature, accepted for a while.
    const keys = await this.exportKeys();
    const file = keys ? await signExport(contents, keys) : await signLegacyExport(contents, token);
    const fileName = exportFileName(file);
    (this.options.saveFile ?? downloadFile)(fileName, JSON.stringify(file));
    return { fileName };
  }

  private async exportKeys(): Promise<ExportKeys | null> {
    const stored = (await this.db.meta.get(EXPORT_KEYS_KEY))?.value as Partial<ExportKeys> | undefined;
    return stored?.privateKey instanceof CryptoKey && typeof stored.publicKey === 'string' ? (stored as ExportKeys) : null;
  }

  private async newExportKeys(): Promise<ExportKeys> {
    const pair = await newExportKeyPair();
    return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
  }

  /**
   * A kiosk enrolled before export keys existed gets one at its next start with a network: the
   * public half is registered with the server, so a later USB file is signed with a key the server
   * never held the secret of.
   */
  async ensureExportKey(): Promise<void> {
    const token = await this.deviceToken();
    if (token === null || (await this.exportKeys()) !== null) return;
    const keys = await this.newExportKeys();
    const response = await this.options.fetch(`${this.options.serverOrigin}${kioskApi.exportKey.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ publicKey: keys.publicKey }),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok) await this.db.meta.put({ key: EXPORT_KEYS_KEY, value: keys });
  }

  /** Sync over fetch to the server that served the page, with the token from this kiosk's storage. */
  async syncTransport(): Promise<SyncTransport | null> {
    if ((await this.deviceToken()) === null) return null;
    return new HttpTransport({
      serverOrigin: this.options.serverOrigin,
      deviceToken: () => this.deviceToken(),
      fetch: this.options.fetch,
      now: () => new Date(),
    });
  }

  /**
   * The device token, read once: it changes only by enrolling, which reloads the page. Reading it per
   * request would put a transaction on `meta`, which a citizen's first tap writes, in every exchange.
   */
  private deviceToken(): Promise<string | null> {
    this.token ??= this.db.meta.get(DEVICE_TOKEN_KEY).then((entry) => {
      if (typeof entry?.value === 'string') return entry.value;
      this.token = null; // not enrolled yet: read again next time
      return null;
    });
    return this.token;
  }

  /** A browser kiosk keeps its app shell in a service worker, so it starts again with no network. */
  cacheAppShell(updates: UpdateGate, report: (where: string, error: unknown) => void) {
    registerAppShell(updates, report);
  }

  async forget(): Promise<void> {
    await this.db.meta.bulkDelete([CONFIG_KEY, DEVICE_TOKEN_KEY, SPENT_CODE_KEY, DEMO_KIOSK_ID_KEY, EXPORT_KEYS_KEY]);
  }
}
