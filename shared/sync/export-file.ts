import { canonicalJson } from '../canonical-json';
import { EXPORT_FORMAT, EXPORT_PART_BYTES, ExportFile, MAX_EXPORT_RATINGS, type ImportedFile } from '../contract/export-file';
import type { Rating } from '../schema/rating';

/**
 * Signs and checks the USB export file (shared/contract/export-file.ts). A file is signed with the
 * kiosk's Ed25519 key (version 2); files of version 1, signed with HMAC under SHA-256 of the device
 * token, are still checked during the transition. Importing is idempotent: rating ids are the keys.
 */

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const unbase64url = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

/** A kiosk's signing key pair: the private half cannot be read out of WebCrypto (`extractable`). */
export function newExportKeyPair(extractable = false): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'Ed25519' }, extractable, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** An export key the kiosk signs with, and the public half the server knows it by. */
export interface ExportKeys {
  privateKey: CryptoKey;
  publicKey: string;
}

/** A new key pair kept as text by a process that stores it itself, encrypted (Electron's main). */
export async function newExportKeyText(): Promise<{ text: string; publicKey: string }> {
  const pair = await newExportKeyPair(true);
  return { text: base64url(await crypto.subtle.exportKey('pkcs8', pair.privateKey)), publicKey: await exportPublicKey(pair.publicKey) };
}

/** The key pair back from that text (the JWK of an Ed25519 private key carries its public half, `x`). */
export async function exportKeysFromText(text: string): Promise<ExportKeys> {
  const readable = await crypto.subtle.importKey('pkcs8', unbase64url(text), { name: 'Ed25519' }, true, ['sign']);
  const { x } = await crypto.subtle.exportKey('jwk', readable);
  const privateKey = await crypto.subtle.importKey('pkcs8', unbase64url(text), { name: 'Ed25519' }, false, ['sign']);
  return { privateKey, publicKey: x! };
}

/** The public half as the server registers it: raw, base64url. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return base64url(await crypto.subtle.exportKey('raw', publicKey));
}

export async function signExport(
  contents: { kioskId: string; exportedAt: string; ratings: Rating[] },
  keys: ExportKeys,
): Promise<ExportFile> {
  const body = { format: EXPORT_FORMAT, version: 2 as const, ...contents, publicKey: keys.publicKey };
  const signature = await crypto.subtle.sign('Ed25519', keys.privateKey, utf8(canonicalJson(body)));
  return ExportFile.parse({ ...body, signature: base64url(signature) });
}

/** Whether a version 2 file was signed by one of the kiosk's registered keys. */
export async function verifyExportSignature(
  file: Extract<ImportedFile, { version: 2 }>,
  registeredKeys: readonly string[],
): Promise<boolean> {
  if (!registeredKeys.includes(file.publicKey)) return false;
  const { signature, ...body } = file;
  try {
    const key = await crypto.subtle.importKey('raw', unbase64url(file.publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify('Ed25519', key, unbase64url(signature), utf8(canonicalJson(body)));
  } catch {
    return false;
  }
}

/** SHA-256 of the device token, hex: the server's `token_hash`, and the key of version 1 files. */
export async function exportKey(deviceToken: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', utf8(deviceToken)));
}

async function hmac(keyHex: string, body: unknown): Promise<string> {
  const key = await crypto.subtle.importKey('raw', utf8(keyHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, utf8(canonicalJson(body))));
}

/** A version 1 file, as kiosks enrolled before export keys write it (until they register one). */
export async function signLegacyExport(
  contents: { kioskId: string; exportedAt: string; ratings: Rating[] },
  deviceToken: string,
): Promise<ExportFile> {
  return signLegacyExportWithKey(contents, await exportKey(deviceToken));
}

/** The same, from the token's hash: what anyone holding the server's database could compute. */
export async function signLegacyExportWithKey(
  contents: { kioskId: string; exportedAt: string; ratings: Rating[] },
  keyHex: string,
): Promise<ExportFile> {
  const body = { format: EXPORT_FORMAT, version: 1 as const, ...contents };
  return ExportFile.parse({ ...body, signature: await hmac(keyHex, body) });
}

/** Whether a version 1 file was signed under this token hash (compared in constant time). */
export async function verifyLegacyExport(file: Extract<ImportedFile, { version: 1 }>, tokenHash: string): Promise<boolean> {
  const { signature, ...body } = file;
  const expected = await hmac(tokenHash, body);
  let difference = expected.length ^ signature.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ (signature.charCodeAt(i) || 0);
  return difference === 0;
}

/** The file's name on the stick: which kiosk, when, from which number, how many. */
export const exportFileName = (file: Pick<ExportFile, 'kioskId' | 'exportedAt' | 'ratings'>) =>
  `hai-long-${file.kioskId.slice(0, 8)}-${file.exportedAt.slice(0, 10)}-${file.ratings[0]?.seq ?? 0}-${file.ratings.length}.json`;

/**
 * Unsent ratings in the files they are written to: in order, each file within the count and the
 * size the server takes (shared/contract/export-file.ts).
 */
export function exportParts(ratings: readonly Rating[]): Rating[][] {
  const encoder = new TextEncoder();
  const parts: Rating[][] = [];
  let part: Rating[] = [];
  let bytes = 0;
  for (const rating of ratings) {
    const size = encoder.encode(JSON.stringify(rating)).length + 1;
    if (part.length > 0 && (part.length >= MAX_EXPORT_RATINGS || bytes + size > EXPORT_PART_BYTES)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(rating);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
