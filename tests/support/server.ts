import { fileURLToPath } from 'node:url';
import { buildServer } from '../../server/app';

/** Starts the real server on a free loopback port; the caller stops it. */
export async function startTestServer() {
  const kioskDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
  const app = await buildServer({ kioskDir });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: address, close: () => app.close() };
}
