import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';
import {
  isJsonResponse,
  type Access,
  type RouteBody,
  type RouteContract,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../../shared/contract/route';
import type { AdminUser } from '../auth/sessions';
import type { KioskRow } from '../repo/enrolment';
import type { Admission } from './admission';
import { HttpError } from './errors';

/** Who is calling, established before the body is read (an `onRequest` hook). */
export interface Callers {
  kiosk: (request: FastifyRequest) => Promise<KioskRow>;
  user: (request: FastifyRequest, access: 'signed-in' | 'ward-leader' | 'district-admin') => Promise<AdminUser>;
}

type CallerOf<A extends Access> = A extends 'kiosk'
  ? { kiosk: KioskRow }
  : A extends 'signed-in' | 'ward-leader' | 'district-admin'
    ? { user: AdminUser }
    : object;

export type RouteInput<C extends RouteContract> = {
  body: RouteBody<C>;
  query: RouteQuery<C>;
  params: RouteParams<C>;
  request: FastifyRequest;
  reply: FastifyReply;
} & CallerOf<C['access']>;

/** A handler answers with the route's JSON, or with the reply it sent itself (a file, a 304). */
export type RouteHandler<C extends RouteContract> = (input: RouteInput<C>) => Promise<RouteResponse<C> | FastifyReply>;

declare module 'fastify' {
  interface FastifyRequest {
    caller: { kiosk?: KioskRow; user?: AdminUser };
    /** When the request arrived (performance.now()), for the time the server held it. */
    arrivedAt: number;
  }
}

const SECURITY: Record<Access, Record<string, string[]>[] | undefined> = {
  public: undefined,
  kiosk: [{ deviceToken: [] }],
  'signed-in': [{ session: [] }],
  'ward-leader': [{ session: [] }],
  'district-admin': [{ session: [] }],
};

const text = z.string();
const binary = z.string().meta({ format: 'binary' });

/** The route's answers as the OpenAPI document and Fastify's serializers see them. */
function responses(contract: RouteContract) {
  const errors = { '4XX': ApiError, '5XX': ApiError };
  const also = Object.fromEntries(Object.entries(contract.alsoAnswers ?? {}).map(([status, description]) => [status, { description }]));
  if (contract.status === 204 || contract.status === 302) {
    return {
      ...errors,
      ...also,
      [contract.status]: { description: isJsonResponse(contract.response) ? contract.summary : contract.response.description },
    };
  }
  if (!isJsonResponse(contract.response)) {
    const schema = contract.response.contentType.startsWith('text/') ? text : binary;
    return {
      ...errors,
      ...also,
      [contract.status]: { description: contract.response.description, content: { [contract.response.contentType]: { schema } } },
    };
  }
  if (!contract.files) return { ...errors, ...also, [contract.status]: contract.response };
  const files = Object.fromEntries(
    Object.entries(contract.files).map(([type]) => [type, { schema: type.startsWith('text/') ? text : binary }]),
  );
  return {
    ...errors,
    ...also,
    [contract.status]: { description: contract.summary, content: { 'application/json': { schema: contract.response }, ...files } },
  };
}

/**
 * Registers one route from its contract (shared/contract/): the caller is checked first, before the
 * body is read or parsed; then params, query and body are validated by the contract's schemas; the
 * answer is encoded by its response schema (a mismatch is a 500, never a wrong answer). The OpenAPI
 * document is generated from the routes registered this way.
 */
export function declare<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  callers: Callers,
  handler: RouteHandler<C>,
  options: Pick<RouteShorthandOptions, 'bodyLimit' | 'config'> & { admission?: Admission } = {},
) {
  const access = contract.access;
  const { admission, ...routeOptions } = options;
  app.route({
    method: contract.method,
    url: contract.path,
    ...routeOptions,
    schema: {
      summary: contract.summary,
      description: contract.errors.length ? `Error codes: ${contract.errors.join(', ')}.` : undefined,
      tags: [
        contract.path.startsWith('/api/v1/admin') || contract.path.startsWith('/api/v1/reports')
          ? 'admin'
          : access === 'kiosk' || contract.path === '/api/v1/enrol'
            ? 'kiosk'
            : 'public',
      ],
      ...(SECURITY[access] && { security: SECURITY[access] }),
      ...(contract.params && { params: contract.params }),
      ...(contract.query && { querystring: contract.query }),
      ...(contract.body && { body: contract.body }),
      response: responses(contract),
    },
    onRequest: async (request, reply) => {
      request.arrivedAt = performance.now();
      // Refused before anything else, the body unread: a busy server spends nothing on it.
      if (admission && !admission.enter(reply)) {
        reply.header('retry-after', String(admission.retryAfterSeconds()));
        throw new HttpError(503, 'overloaded', 'The server is busy: send again after the time in Retry-After.');
      }
      request.caller = {};
      if (access === 'kiosk') request.caller.kiosk = await callers.kiosk(request);
      else if (access !== 'public') request.caller.user = await callers.user(request, access);
    },
    handler: async (request, reply) => {
      const input = {
        body: request.body,
        query: request.query,
        params: request.params,
        request,
        reply,
        ...request.caller,
      } as RouteInput<C>;
      const answer = await handler(input);
      if (answer === reply) return reply;
      if (contract.status !== 200) reply.status(contract.status);
      return answer;
    },
  });
}

/** Fastify's validator for the contracts' zod schemas: a mismatch is a 400 that names what is wrong. */
export function zodValidator({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const zodSchema = schema as z.ZodType;
  return (data: unknown) => {
    const result = zodSchema.safeParse(data === null && httpPart === 'body' ? undefined : data);
    if (result.success) return { value: result.data };
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'request');
    return { error: new HttpError(400, 'invalid_request', `Invalid ${part}: ${z.prettifyError(result.error).slice(0, 500)}`) };
  };
}

/**
 * Fastify's serializer: a zod response schema encodes the answer (a mismatch is a 500, never a wrong
 * answer); an answer described but without a schema (a 304, a redirect) is plain JSON.
 */
export function zodSerializer(route: Parameters<typeof serializerCompiler>[0]) {
  return route.schema instanceof z.ZodType ? serializerCompiler(route) : (data: unknown) => JSON.stringify(data);
}
