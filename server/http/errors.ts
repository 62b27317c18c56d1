import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/contract/errors';
import { isStorageFull } from '../db/storage';

/** An error meant for the client: a status, a stable code (shared/contract/errors.ts) and a plain message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Validates input with a shared schema; a mismatch is a 400 that names what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, 'invalid_request', `Invalid ${what}: ${z.prettifyError(result.error).slice(0, 500)}`);
  return result.data;
}

/** Every failure leaves as `{ error: { code, message } }`; input problems are 4xx, never 5xx. */
export function installErrorHandling(app: FastifyInstance, hooks: { storageFull?: () => void } = {}) {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
    }
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      const code: ErrorCode =
        e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : e.statusCode === 429 ? 'rate_limited' : 'bad_request';
      return reply.status(e.statusCode).send({ error: { code, message: e.message ?? 'Bad request' } });
    }
    // Every 5xx is logged, with the batch it sank where there is one (the kiosk resends that batch).
    const batchId = (request.body as { batchId?: unknown } | undefined)?.batchId;
    const context = { err: error, ...(typeof batchId === 'string' && { batchId }) };
    if (isStorageFull(error)) {
      // Nothing was stored (the transaction rolled back): the kiosk keeps the batch and sends it later.
      request.log.error(context, 'storage full');
      hooks.storageFull?.();
      return reply.status(507).send({
        error: {
          code: 'storage_full',
          message:
            'The server’s disk is full: nothing was stored; send again later. / Máy chủ hết dung lượng: chưa lưu gì, hãy gửi lại sau.',
        },
      });
    }
    request.log.error(context, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
