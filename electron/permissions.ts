/**
 * Every permission a page may ask Electron for is refused, except the camera when the kiosk reads QR
 * codes with it, and then only for the kiosk's own origin.
 */
export function allowPermission(permission: string, requestingUrl: string, options: { kioskOrigin: string; qrScanning: boolean }): boolean {
  // Scheme and host, compared as written: WHATWG URLs give custom schemes (app://) a null origin.
  const place = (url: string) => {
    try {
      const parsed = new URL(url);
      return parsed.username || parsed.password ? null : `${parsed.protocol}//${parsed.host}`;
    } catch {
      return null;
    }
  };
  const origin = place(requestingUrl);
  if (origin === null || origin !== place(options.kioskOrigin)) return false;
  return permission === 'media' && options.qrScanning;
}
