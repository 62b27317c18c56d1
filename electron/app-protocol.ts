import { extname } from 'node:path';
import { KIOSK_CSP } from '../shared/security/kiosk-csp';
import { resolveAppFile } from './app-files';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Answers one `app://kiosk/…` request from the packaged renderer folder, with the kiosk's CSP and
 * no-sniffing on every answer. Unknown types are refused rather than guessed; nothing outside the
 * folder is ever read (electron/app-files.ts). Registered with `protocol.handle` in main.ts.
 */
export async function serveAppFile(url: string, root: string, read: (path: string) => Promise<Buffer | null>): Promise<Response> {
  const headers = { 'content-security-policy': KIOSK_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
  const path = resolveAppFile(url, root);
  const type = path ? CONTENT_TYPES[extname(path).toLowerCase()] : undefined;
  const body = path && type ? await read(path).catch(() => null) : null;
  if (!body || !type)
    return new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'content-type': type } });
}
