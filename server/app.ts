import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { publicApi, redirects } from '../shared/contract/public-api';
import type { Mailer } from './alerts/mailer';
import { AlertService } from './alerts/service';
import { requireAdmin, requireDistrictAdmin, requireWardLeader } from './auth/sessions';
import type { Store } from './db/connect';
import { Admission } from './http/admission';
import { declare, zodSerializer, zodValidator, type Callers } from './http/declare';
import { HttpError, installErrorHandling } from './http/errors';
import { databaseAnswers } from './repo/housekeeping';
import { metricsReaders, serverMetrics } from './metrics';
import { enforceHttps, type PublicAddress } from './http/origin';
import { kioskForToken } from './repo/enrolment';
import { adminRoutes } from './routes/admin-api';
import { manageRoutes } from './routes/admin-manage';
import { districtRoutes } from './routes/district-api';
import { accountRoutes } from './routes/accounts-api';
import { alertRoutes } from './routes/alerts-api';
import { ledgerRoutes } from './routes/ledger-api';
import { kioskRoutes } from './routes/kiosk-api';
import { openApiGenerator, openApiRoute } from './routes/openapi';
import { publicRoutes } from './routes/public-pages';
import { securityHeaders } from './security-headers';

export interface ServerOptions {
  /** The built kiosk web app (vite build output). */
  kioskDir: string;
  /** The built dashboard; when absent (unit tests), /admin/ says it is not built. */
  dashboardDir?: string;
  store: Store;
  now?: () => Date;
  minResponses?: number;
  /** Working days a citizen's feedback may stay open before it is overdue (default 5). */
  feedbackDueDays?: number;
  /** Sign-in and enrolment attempts per minute per address (default 10). */
  authRateLimit?: number;
  /** USB files signed the old way (HMAC) are imported until this Vietnam day (YYYY-MM-DD). */
  legacyExportsUntil?: string;
  /**
   * Logging: off (unit tests), or pino at a level, to standard output or a given stream (a test
   * reading what was logged). One line per request; tokens, cookies, passwords and comments never.
   */
  logger?: false | { level: string; stream?: NodeJS.WritableStream };
  /** The address people and kiosks use (HAILONG_PUBLIC_URL); a getter, as the boot knows its port late. */
  publicUrl?: () => string | undefined;
  /** Proxies whose X-Forwarded-For/-Proto are believed (HAILONG_TRUST_PROXY); none by default. */
  trustProxy?: readonly string[];
  /** Who may read /metrics (HAILONG_METRICS_FROM); loopback when empty. */
  metricsFrom?: readonly string[];
  /**
   * The Electron kiosks' update feed (electron-updater's generic provider): a folder holding what
   * `npm run dist` produced (latest.yml, latest-linux.yml, the installers and their blockmaps).
   */
  updatesDir?: string;
  /** E-mail for alerts (server/alerts/mailer.ts); without it alerts live on the dashboard only. */
  mailer?: Mailer | null;
  /** Given by the boot, which also checks for silent kiosks on a timer; made here otherwise. */
  alerts?: AlertService;
  /**
   * Kiosks' batches and heartbeats in work at once; more are answered 503 with Retry-After. By
   * default two fewer than PostgreSQL's connections (the dashboard keeps the rest), or 4 on SQLite
   * (one writes while the others are read and checked).
   */
  batchesInWork?: number;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Left out of the OpenAPI document on purpose (the apps' static files). */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RegisteredRoute[];
  }
}

/** What an update feed holds; anything else in the folder is not served. */
const UPDATE_FILE = /\.(ya?ml|exe|AppImage|deb|blockmap|zip)$/;

/** The district server: the kiosk API, the admin API, reports, public results and the kiosk web app. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const trustsProxy = (options.trustProxy?.length ?? 0) > 0;
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger) : false,
    // Fastify's own request lines log the URL with its query (an enrolment code rides in one): ours
    // below name the route instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: trustsProxy ? [...options.trustProxy!] : false,
  });
  const address: PublicAddress = { url: options.publicUrl };
  enforceHttps(app, address, trustsProxy);
  const metrics = serverMetrics(options.store, now);
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({ route: request.routeOptions.url ?? 'unknown', method: request.method, status: reply.statusCode });
    const caller = request.caller as typeof request.caller | undefined;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(caller?.kiosk && { kioskId: caller.kiosk.id }),
        ...(caller?.user && { userId: caller.user.id }),
      },
      'request',
    );
  });
  // Routes are declared from their contracts (shared/contract/): zod validates what comes in and
  // encodes what goes out; the OpenAPI document is generated from the same routes.
  // Every route as registered, for the test that holds the OpenAPI document to the whole table.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routeTable.push({ method, url: route.url, hidden: (route.schema as { hide?: boolean } | undefined)?.hide === true });
  });
  app.setValidatorCompiler(zodValidator);
  app.setSerializerCompiler(zodSerializer);
  // Made before the routes: a full disk is alerted from the error handler.
  const alerts =
    options.alerts ??
    new AlertService(options.store, {
      now,
      mailer: options.mailer ?? null,
      report: (error) => app.log.error(error),
      publicUrl: options.publicUrl,
    });
  installErrorHandling(app, { storageFull: () => alerts.storageFull() });
  await openApiGenerator(app);

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
  });

  await app.register(cookie);
  // Limits are set per route (sign-in and enrolment): `global: false`.
  await app.register(rateLimit, { global: false });
  // An API-only server (tests, or a district that hosts the apps elsewhere) runs without the builds.
  if (existsSync(options.kioskDir))
    await app.register(fastifyStatic, {
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
      setHeaders: (res, path) =>
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
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

  const { store } = options;
  const callers: Callers = {
    kiosk: (request) => kioskForToken(store, request.headers.authorization),
    user: async (request, access) => {
      const user = await requireAdmin(store, request, now());
      if (access === 'district-admin') requireDistrictAdmin(user);
      if (access === 'ward-leader') requireWardLeader(user);
      return user;
    },
  };
  const minResponses = options.minResponses ?? 30;
  const authRateLimit = options.authRateLimit ?? 10;
  const admission = new Admission(options.batchesInWork ?? (store.engine === 'postgres' ? Math.max(2, store.connections - 2) : 4));
  await app.register(kioskRoutes, { store, now, callers, authRateLimit, alerts, admission, metrics });
  await app.register(adminRoutes, {
    store,
    now,
    callers,
    minResponses,
    authRateLimit,
    alerts,
    legacyExportsUntil: options.legacyExportsUntil ?? '2027-06-30',
    address,
  });
  await app.register(alertRoutes, { store, now, callers, alerts });
  await app.register(manageRoutes, { store, now, callers, minResponses, feedbackDueDays: options.feedbackDueDays ?? 5 });
  await app.register(districtRoutes, { store, now, callers });
  await app.register(accountRoutes, { store, now, callers, authRateLimit });
  await app.register(ledgerRoutes, { store, now, callers });
  await app.register(publicRoutes, { store, now, callers, address });
  openApiRoute(app, callers);

  for (const [path, to] of [
    [redirects.root, '/kiosk/'],
    [redirects.kiosk, '/kiosk/'],
    [redirects.admin, '/admin/'],
    [redirects.public, '/public/'],
  ] as const) {
    declare(app, path, callers, async ({ reply }) => reply.redirect(to));
  }
  declare(app, publicApi.health, callers, async () => ({ ok: true as const }));
  const mayReadMetrics = metricsReaders(options.metricsFrom ?? []);
  declare(app, publicApi.metrics, callers, async ({ request, reply }) => {
    if (!mayReadMetrics(request.ip)) throw new HttpError(403, 'forbidden', 'Metrics are read from the monitoring addresses only.');
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Migrations ran before the server was built (openStore): ready is the database answering now.
  declare(app, publicApi.ready, callers, async () => {
    if (!(await databaseAnswers(store))) throw new HttpError(503, 'not_ready', 'The database does not answer.');
    return { ok: true as const };
  });

  return app;
}

/** pino, with what must never be written taken out even if something logs a whole request. */
function loggerOptions(logger: { level: string; stream?: NodeJS.WritableStream }) {
  return {
    level: logger.level,
    ...(logger.stream && { stream: logger.stream }),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.deviceToken',
        '*.comment',
      ],
      censor: '[hidden]',
    },
  };
}
