import { KIOSK_CSP } from '../shared/security/kiosk-csp';

export const securityHeaders: Record<string, string> = {
  'content-security-policy': KIOSK_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
