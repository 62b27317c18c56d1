import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { Store } from './db/connect';
import { installErrorHandling } from './http/errors';
import { adminApi } from './routes/admin-api';
import { adminManage } from './routes/admin-manage';
import { kioskApi } from './routes/kiosk-api';
import { publicPages } from './routes/public-pages';
import { openApiRoute } from './routes/openapi';
import { securityHeaders } from './security-headers';
import { AlertService } from './alerts/service';
import type { Mailer } from './alerts/mailer';
import { alertsApi } from './routes/alerts-api';

export interface ServerOptions {
  /** The built kiosk web app (vite build output). */
  kioskDir: string;
  /** The built dashboard; when absent (unit tests), /admin/ says it is not built. */
  dashboardDir?: string;
  store: Store;
  now?: () => Date;
  minResponses?: number;
  /** Sign-in and enrolment attempts per minute per address (default 10). */
  authRateLimit?: number;
  logger?: boolean;
  /**
   * The Electron kiosks' update feed (electron-updater's generic provider): a folder holding what
   * `npm run dist` produced (latest.yml, latest-linux.yml, the installers and their blockmaps).
   */
  updatesDir?: string;
  /** E-mail for alerts (server/alerts/mailer.ts); without it alerts live on the dashboard only. */
  mailer?: Mailer | null;
  /** Given by the boot, which also checks for silent kiosks on a timer; made here otherwise. */
  alerts?: AlertService;
}

/** What an update feed holds; anything else in the folder is not served. */
const UPDATE_FILE = /\.(ya?ml|exe|AppImage|deb|blockmap|zip)$/;

/** The district server: the kiosk API, the admin API, reports, public results and the kiosk web app. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 256 * 1024, trustProxy: false });
  installErrorHandling(app);

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
  });

  await app.register(cookie);
  // An API-only server (tests, or a district that hosts the apps elsewhere) runs without the builds.
  if (existsSync(options.kioskDir)) await app.register(fastifyStatic, {
    root: options.kioskDir,
    prefix: '/kiosk/',
    index: ['index.html'],
    setHeaders: (res, path) => {
      // Hashed assets never change; the page itself must always be fresh so updates reach kiosks.
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  if (options.dashboardDir && existsSync(options.dashboardDir)) {
    await app.register(fastifyStatic, {
      root: options.dashboardDir,
      prefix: '/admin/',
      index: ['index.html'],
      decorateReply: false,
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  }

  if (options.updatesDir && existsSync(options.updatesDir)) {
    await app.register(fastifyStatic, {
      root: options.updatesDir,
      prefix: '/updates/',
      index: false,
      list: false,
      dotfiles: 'deny',
      decorateReply: false,
      allowedPath: (path) => UPDATE_FILE.test(path),
      cacheControl: false,
      // The feed files change with each release; installers are named by version and never do.
      setHeaders: (res, path) => res.setHeader('cache-control', /\.ya?ml$/.test(path) ? 'no-cache' : 'public, max-age=86400'),
    });
  }

  const alerts = options.alerts ?? new AlertService(options.store, { now, mailer: options.mailer ?? null, report: (error) => app.log.error(error) });
  await app.register(kioskApi, { store: options.store, now, authRateLimit: options.authRateLimit, alerts });
  await app.register(adminApi, { store: options.store, now, minResponses: options.minResponses, authRateLimit: options.authRateLimit, alerts });
  await app.register(alertsApi, { store: options.store, now, alerts });
  await app.register(adminManage, { store: options.store, now, minResponses: options.minResponses ?? 30 });
  await app.register(publicPages, { store: options.store, now });
  await app.register(openApiRoute);

  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));
  app.get('/kiosk', (_request, reply) => reply.redirect('/kiosk/'));
  app.get('/healthz', () => ({ ok: true }));

  return app;
}
