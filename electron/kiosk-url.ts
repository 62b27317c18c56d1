import { z } from 'zod';

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

const LoopbackKioskUrl = z
  .string()
  .refine((url) => {
    const parsed = parse(url);
    return (
      parsed !== null &&
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      parsed.username === '' &&
      parsed.password === '' &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) &&
      parsed.pathname.startsWith('/kiosk/')
    );
  }, 'only the kiosk app of a local server');

/** The kiosk page the shell shows: `--kiosk-url=` from `npm start`, only ever a local server. */
export function kioskUrlFromArgs(argv: readonly string[], fallback = 'http://127.0.0.1:8080/kiosk/'): string {
  const given = argv.find((arg) => arg.startsWith('--kiosk-url='))?.slice('--kiosk-url='.length);
  const parsed = LoopbackKioskUrl.safeParse(given);
  return parsed.success ? parsed.data : fallback;
}
