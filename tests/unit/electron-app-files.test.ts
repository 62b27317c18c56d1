import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../electron/app-files';
import { serveAppFile } from '../../electron/app-protocol';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const root = '/opt/hai-long/resources/renderer';

describe('serving the packaged renderer from app://kiosk', () => {
  it.each([
    ['app://kiosk/', 'index.html'],
    ['app://kiosk/index.html', 'index.html'],
    ['app://kiosk/?demo=quick', 'index.html'],
    ['app://kiosk/setup', 'index.html'],
    ['app://kiosk/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://kiosk/assets/be-vietnam-pro-vietnamese-400-normal.woff2', 'assets/be-vietnam-pro-vietnamese-400-normal.woff2'],
    ['app://kiosk/assets/t%C3%AAn.css', 'assets/tên.css'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppFile(url, root)).toBe(join(root, file));
  });

  it.each([
    ['a parent directory', 'app://kiosk/../../etc/passwd'],
    ['an encoded parent directory', 'app://kiosk/%2e%2e/%2e%2e/etc/passwd'],
    ['a parent after a folder', 'app://kiosk/assets/../../../etc/passwd'],
  ])('keeps %s inside the renderer folder (URL parsing drops the dots)', (_name, url) => {
    const file = resolveAppFile(url, root);
    expect(file === null || file.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    ['an encoded slash with parents', 'app://kiosk/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://kiosk/..%5c..%5cwindows%5cwin.ini'],
    ['a NUL byte', 'app://kiosk/index.html%00.png'],
    ['broken percent-encoding', 'app://kiosk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['user info', 'app://kiosk@evil/index.html'],
    ['another scheme', 'file:///opt/hai-long/resources/renderer/index.html'],
    ['http', 'http://kiosk/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});

describe('answering app://kiosk requests from a real renderer folder', () => {
  it('serves files with their type and the kiosk CSP, and 404s what is outside, unknown or missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hai-long-app-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Hài Lòng</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'notes.txt'), 'not served');
    const read = (path: string) => readFile(path).catch(() => null);

    const page = await serveAppFile('app://kiosk/?demo=sipas-5', dir, read);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Hài Lòng');
    expect((await serveAppFile('app://kiosk/assets/app.js', dir, read)).headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const url of [
      'app://kiosk/assets/notes.txt',
      'app://kiosk/assets/missing.js',
      'app://kiosk/%2e%2e/secret.json',
      'app://evil/index.html',
      'https://kiosk/index.html',
    ]) {
      const answer = await serveAppFile(url, dir, read);
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('content-security-policy')).toBeTruthy();
    }
    await rm(dir, { recursive: true, force: true });
  });
});
