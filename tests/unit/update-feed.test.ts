import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { openStore, type Store } from '../../server/db/connect';

describe('the district server’s update feed at /updates/ (electron-updater, generic provider)', () => {
  let dir: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hai-long-updates-'));
    const updates = join(dir, 'updates');
    await mkdir(updates);
    await writeFile(join(updates, 'latest-linux.yml'), 'version: 0.2.0\npath: hai-long-kiosk-0.2.0-x86_64.AppImage\n');
    await writeFile(join(updates, 'hai-long-kiosk-0.2.0-x86_64.AppImage'), Buffer.alloc(1024, 7));
    await writeFile(join(updates, 'notes-for-admins.txt'), 'not for kiosks');
    await writeFile(join(updates, '.env'), 'SECRET=1');
    await writeFile(join(dir, 'secret.yml'), 'outside: true');
    store = await openStore({ dataDir: dir });
    app = await buildServer({ kioskDir: join(dir, 'none'), updatesDir: updates, store });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the feed file fresh and the installer by its versioned name', async () => {
    const feed = await app.inject({ url: '/updates/latest-linux.yml' });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('version: 0.2.0');
    expect(feed.headers['cache-control']).toBe('no-cache');
    const installer = await app.inject({ url: '/updates/hai-long-kiosk-0.2.0-x86_64.AppImage' });
    expect(installer.statusCode).toBe(200);
    expect(installer.rawPayload.length).toBe(1024);
  });

  it.each([
    '/updates/notes-for-admins.txt',
    '/updates/.env',
    '/updates/../secret.yml',
    '/updates/%2e%2e/secret.yml',
    '/updates/',
    '/updates/missing.yml',
  ])('serves nothing else: %s', async (url) => {
    const answer = await app.inject({ url });
    expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain('SECRET');
    expect(answer.body).not.toContain('outside');
  });
});
