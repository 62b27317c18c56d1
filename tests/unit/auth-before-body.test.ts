import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;

/**
 * Streams `megabytes` of body to `path` (without credentials unless given), a megabyte at a time, and tells how much
 * had been sent when the answer came (the server must answer from the headers, not read it all).
 */
function upload(
  origin: string,
  path: string,
  megabytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    let sentMb = 0;
    let answered = false;
    const req = request(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': megabytes * 1024 * 1024, ...headers },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sentMb });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const next = () => {
      if (answered || sentMb >= megabytes) return;
      sentMb++;
      if (req.write(chunk)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

describe('who may call is checked before the body is read', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = await testServer('sqlite');
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => server.close());

  it.each([
    ['the USB import, without a session', '/api/v1/admin/imports'],
    ['a batch, without a device token', '/api/v1/ratings/batches'],
  ])('%s: refused before 150 MB arrive, and the server stays responsive', async (_name, path) => {
    const sending = upload(origin, path, 150);
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    const { status, sentMb } = await sending;
    expect(status).toBe(401);
    expect(sentMb).toBeLessThan(50);
  });

  it('a signed-in import is taken up to a sane size only: 150 MB is refused before it is read', async () => {
    const admin = await server.login();
    const sending = upload(origin, '/api/v1/admin/imports', 150, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const { status, sentMb } = await sending;
    expect(status).toBe(413);
    expect(sentMb).toBeLessThan(50);
  });
});
