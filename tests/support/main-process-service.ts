import { join } from 'node:path';
import { exportTarget, jsonFile, tokenFiles } from '../../electron/files';
import { Journal } from '../../electron/journal';
import { kioskService } from '../../electron/kiosk-service';
import { TokenStore } from '../../electron/token-store';

/** The OS key store as tests fake it: "encrypted" by reversing the bytes, so a file never holds the plain text. */
const fakeSafeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(s).reverse(),
  decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
};

/**
 * The real main-process kiosk service over real files in a temporary userData folder: token and
 * export key stores, configuration, settings, incarnations, journal and exports (a `usb` folder).
 */
export async function serviceIn(
  dir: string,
  options: { fetch?: typeof fetch; chooseExport?: (name: string) => Promise<string | null> } = {},
) {
  const journal = await Journal.open(join(dir, 'journal.jsonl'));
  const tokens = new TokenStore(fakeSafeStorage, tokenFiles(join(dir, 'device-token.json')));
  const handlers = kioskService({
    fetch: options.fetch ?? fetch,
    tokens,
    exportKey: new TokenStore(fakeSafeStorage, tokenFiles(join(dir, 'export-key.json'))),
    config: jsonFile(join(dir, 'kiosk-config.json')),
    settings: jsonFile(join(dir, 'settings.json')),
    incarnations: jsonFile(join(dir, 'incarnations.json')),
    journal,
    exports: exportTarget(join(dir, 'exports'), options.chooseExport ?? (async (name) => join(dir, 'usb', name))),
    appVersion: '0.1.0',
    now: () => new Date(),
  });
  return { journal, tokens, handlers };
}
