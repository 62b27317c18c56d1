/**
 * The one rule for where the kiosk window may be: the packaged app at `app://kiosk/`, nothing else.
 * Every navigation guard (will-navigate, will-redirect, will-frame-navigate, will-attach-webview,
 * window.open) and every IPC sender check asks this function. Parsed, never matched as a string:
 * look-alike hosts, user info, ports and other schemes are refused.
 */
export const KIOSK_SCHEME = 'app';
export const KIOSK_HOST = 'kiosk';

export function isKioskUrl(candidate: unknown): boolean {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  // Control characters and backslashes are how parsers are made to disagree: refuse them outright.
  if ([...candidate].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === `${KIOSK_SCHEME}:` &&
    url.host === KIOSK_HOST &&
    url.hostname === KIOSK_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname.startsWith('/')
  );
}
