import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isKioskUrl } from './url-policy';

/**
 * Which packaged file an `app://kiosk/…` request means, or null. Only files under the renderer's
 * folder: `..`, encoded slashes and absolute paths are refused; `/` and unknown paths without an
 * extension give index.html (the app has one page).
 */
export function resolveAppFile(url: string, root: string): string | null {
  if (!isKioskUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..')) return null;
  const wanted = path === '/' || !/\.[a-z0-9]+$/i.test(path) ? '/index.html' : path;
  const file = resolve(root, `.${wanted}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}
