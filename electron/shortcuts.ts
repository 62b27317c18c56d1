/**
 * Key combinations a citizen (or a curious child) could use to leave, reload or inspect the kiosk.
 * The window's `before-input-event` handler asks this table; what the operating system handles
 * itself (Alt+Tab, Ctrl+Alt+Del, Win+L, gestures) never reaches the app: docs/deployment.md.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

const BLOCKED: ((i: KeyInput) => boolean)[] = [
  (i) => i.alt && i.key === 'F4', // close the window
  (i) => (i.control || i.meta) && ['w', 'q', 'r', 'p', 'n', 't', 'o', 's', 'u', 'f', 'g', 'h', 'j', 'l'].includes(i.key.toLowerCase()),
  (i) => (i.control || i.meta) && ['+', '=', '-', '_', '0'].includes(i.key), // keyboard zoom
  (i) => (i.control || i.meta) && i.shift && ['i', 'j', 'c', 'r', 'delete'].includes(i.key.toLowerCase()), // devtools, hard reload
  (i) =>
    ['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome'].includes(i.key),
  (i) => i.alt && ['ArrowLeft', 'ArrowRight', 'Home'].includes(i.key), // history navigation
  (i) => i.key === 'ContextMenu',
];

/** True when the kiosk must swallow this key press. Typing letters, digits and Backspace stays free. */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  return BLOCKED.some((rule) => rule(input));
}
