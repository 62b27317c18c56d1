import { canonicalJson } from '../canonical-json';
import { EXPORT_FORMAT, ExportFile, type ImportedFile } from '../contract/export-file';
import type { Rating } from '../schema/rating';

/**
 * Signs and checks the USB export file (shared/contract/export-file.ts). The file is signed with
 * HMAC-SHA-256 under a key derived from the kiosk's device token: SHA-256 of the token, which is
 * exactly what the server stores, so the server can check it while nobody holding only the stick can
 * forge or alter one. Importing is idempotent: rating ids are the keys, as in sync.
 */
type Unsigned = Omit<ExportFile, 'signature'>;

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** SHA-256 of the device token, hex: the server's `token_hash`, and the export's signing key. */
export async function exportKey(deviceToken: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', utf8(deviceToken)));
}

async function hmac(keyHex: string, body: Unsigned | Omit<ImportedFile, 'signature'>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', utf8(keyHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, utf8(canonicalJson(body))));
}

export async function signExport(
  contents: { kioskId: string; exportedAt: string; ratings: Rating[] },
  deviceToken: string,
): Promise<ExportFile> {
  const body: Unsigned = { format: EXPORT_FORMAT, version: 1, ...contents };
  return ExportFile.parse({ ...body, signature: await hmac(await exportKey(deviceToken), body) });
}

/** Whether the file was signed by the kiosk whose token hash is given (compared in constant time). */
export async function verifyExport(file: ExportFile | ImportedFile, tokenHash: string): Promise<boolean> {
  const { signature, ...body } = file;
  const expected = await hmac(tokenHash, body);
  let difference = expected.length ^ signature.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ (signature.charCodeAt(i) || 0);
  return difference === 0;
}

/** The file's name on the stick: which kiosk, when, how many. */
export const exportFileName = (file: Pick<ExportFile, 'kioskId' | 'exportedAt' | 'ratings'>) =>
  `hai-long-${file.kioskId.slice(0, 8)}-${file.exportedAt.slice(0, 10)}-${file.ratings.length}.json`;
