import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { securityHeaders } from './security-headers';

export interface ServerOptions {
  /** The built kiosk web app (vite build output). */
  kioskDir: string;
  logger?: boolean;
}

/** The HTTP server: for now it serves the kiosk web app at /kiosk/. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  if (!existsSync(options.kioskDir)) {
    throw new Error(`The kiosk app is not built (${options.kioskDir} is missing): run "npm run build" first.`);
  }
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
  });

  await app.register(fastifyStatic, {
    root: options.kioskDir,
    prefix: '/kiosk/',
    index: ['index.html'],
    setHeaders: (res, path) => {
      // Hashed assets never change; the page itself must always be fresh so updates reach kiosks.
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));
  app.get('/kiosk', (_request, reply) => reply.redirect('/kiosk/'));
  app.get('/healthz', () => ({ ok: true }));

  return app;
}
