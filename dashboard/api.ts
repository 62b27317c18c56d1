import { ApiError, type ErrorCode } from '../shared/contract/errors';
import {
  isJsonResponse,
  pathOf,
  type RouteBodyInput,
  type RouteContract,
  type RouteParamsInput,
  type RouteQueryInput,
  type RouteResponse,
} from '../shared/contract/route';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    /** The server's stable code (shared/contract/errors.ts), or `network` when there was no answer. */
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
  }
}

/** Dispatched on `window` when a signed-in request is answered 401. */
export const SESSION_ENDED = 'hailong:session-ended';

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

type Parts<C extends RouteContract> = (C['params'] extends object ? { params: RouteParamsInput<C> } : { params?: never }) &
  (C['query'] extends object ? { query: RouteQueryInput<C> } : { query?: never }) &
  (C['body'] extends object ? { body: RouteBodyInput<C> } : { body?: never });

/** The address of a route with its parameters and query, as links and downloads use it. */
export function urlOf<C extends RouteContract>(route: C, parts: { params?: unknown; query?: unknown } = {}): string {
  const path = pathOf(route, (parts.params ?? {}) as Record<string, string>);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((parts.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Calls one route of the admin API by its contract (shared/contract/admin-api.ts): the session cookie
 * rides along, changes carry the CSRF token, and the answer is checked against the route's schema.
 */
export async function call<C extends RouteContract>(
  route: C,
  ...[parts]: Record<never, never> extends Parts<C> ? [Parts<C>?] : [Parts<C>]
): Promise<RouteResponse<C>> {
  const body = (parts as { body?: unknown } | undefined)?.body;
  let response: Response;
  try {
    response = await fetch(urlOf(route, parts ?? {}), {
      method: route.method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(route.method !== 'GET' && { 'x-csrf-token': csrfToken }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'network', 'The server did not answer.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // The session ended while in use (expired, the account disabled): the app goes back to sign-in.
    if (response.status === 401 && route.access !== 'public') window.dispatchEvent(new Event(SESSION_ENDED));
    const error = ApiError.safeParse(json);
    throw new ApiFailure(
      response.status,
      error.success ? error.data.error.code : 'internal',
      error.success ? error.data.error.message : response.statusText,
    );
  }
  if (!isJsonResponse(route.response)) return undefined as RouteResponse<C>;
  return route.response.parse(json) as RouteResponse<C>;
}

/** Downloads an export, reporting bytes received so a long export shows progress. */
export async function download(path: string, filename: string, onProgress: (received: number) => void) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok || !response.body) {
    const error = ApiError.safeParse(await response.json().catch(() => null));
    throw new ApiFailure(
      response.status,
      error.success ? error.data.error.code : 'internal',
      error.success ? error.data.error.message : response.statusText,
    );
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
