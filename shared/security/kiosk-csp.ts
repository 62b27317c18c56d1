/**
 * The kiosk app's Content-Security-Policy: everything from this origin, nothing inline, no
 * frames, no plugins. Kept in step with the meta tag in renderer/index.html;
 * sent by the district server at /kiosk/ and by the Electron shell at app://kiosk/.
 */
export const KIOSK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
