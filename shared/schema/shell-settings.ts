import { z } from 'zod';
import { DEFAULT_OPENING_HOURS, OpeningHours } from './opening-hours';

/**
 * The district server's address as a technician types it: http(s) only, no user info, nothing after
 * the host but an optional `/`. Normalised to its origin, which is what every request is built on.
 */
export const ServerOrigin = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((typed, ctx) => {
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not an address' });
      return z.NEVER;
    }
    const plain = url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
    if (!['http:', 'https:'].includes(url.protocol) || !plain || url.hostname === '') {
      ctx.addIssue({ code: 'custom', message: 'only http(s)://host[:port] is a server address' });
      return z.NEVER;
    }
    return url.origin;
  });

/**
 * What the Electron shell keeps beside the kiosk's configuration, set by the technician: the server
 * it enrols with, the counter's opening hours (display awake in them, updates outside them), and
 * whether the camera may be used for QR codes.
 */
export const ShellSettings = z.strictObject({
  serverOrigin: ServerOrigin.nullable(),
  openingHours: OpeningHours,
  qrScanning: z.boolean(),
});
export type ShellSettings = z.infer<typeof ShellSettings>;

export const DEFAULT_SHELL_SETTINGS: ShellSettings = { serverOrigin: null, openingHours: DEFAULT_OPENING_HOURS, qrScanning: false };
