import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Where people and kiosks reach this server. Links (enrolment links, their QR codes) are built from
 * the configured public address, never from a request's Host header, which anyone can forge; only a
 * server without one (on a loopback address, for development and tests) falls back to the request.
 */
export interface PublicAddress {
  /** `https://hailong.quan.gov.vn`, no trailing slash; undefined on a loopback server without one. */
  readonly url: (() => string | undefined) | undefined;
}

export const originOf = (address: PublicAddress, request: FastifyRequest) => address.url?.() ?? `${request.protocol}://${request.host}`;

export const isHttps = (address: PublicAddress) => address.url?.()?.startsWith('https://') ?? false;

/** Routes a monitor or a proxy's health check reaches directly, over plain http, on purpose. */
const DIRECT = new Set(['/healthz', '/readyz']);

/**
 * With an https public address: HSTS on every answer, and a request the trusted proxy forwarded as
 * plain http is sent to the https address (308 keeps the method and body of a kiosk's POST). Without
 * a trusted proxy the server cannot know how a request came, and redirects nothing.
 */
export function enforceHttps(app: FastifyInstance, address: PublicAddress, trustsProxy: boolean) {
  app.addHook('onRequest', async (request, reply) => {
    if (!isHttps(address) || !trustsProxy || DIRECT.has(request.url)) return;
    // request.protocol believes X-Forwarded-Proto from the trusted proxies only: anyone else's plain
    // http, whatever it claims, is sent to https too.
    if (request.protocol === 'http')
      return reply.redirect(`${address.url!()}${request.url}`, request.method === 'GET' || request.method === 'HEAD' ? 301 : 308);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (isHttps(address)) reply.header('strict-transport-security', 'max-age=31536000');
  });
}
