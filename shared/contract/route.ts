import type { z } from 'zod';
import type { ErrorCode } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, a kiosk with its device token, anyone signed in to the dashboard, a
 * ward leader or district administrator (changes within a ward), or a district administrator. The
 * server checks it before it reads the request's body.
 */
export type Access = 'public' | 'kiosk' | 'signed-in' | 'ward-leader' | 'district-admin';

/** A route's answer that is not JSON: a file to download, an HTML page, a redirect, nothing. */
export interface OtherContent {
  readonly contentType: string;
  readonly description: string;
}

/**
 * One HTTP route of the district server, declared once: the server registers it from this (its
 * validation, its OpenAPI entry), and clients take their types from it.
 */
export interface RouteContract {
  readonly method: Method;
  /** Fastify's syntax: `/api/v1/admin/kiosks/:id/revoke`. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and its JSON answer (or the other kinds of answer the route may give). */
  readonly status: 200 | 201 | 204 | 302;
  readonly response: z.ZodType | OtherContent;
  /** Other kinds of answer the same route gives on request (a CSV or XLSX of a report): type → what. */
  readonly files?: Readonly<Record<string, string>>;
  /** Error codes this route answers with, beyond those any route may give. */
  readonly errors: readonly ErrorCode[];
  /** Further answers a client must expect (a 304 for a conditional GET). */
  readonly alsoAnswers?: Readonly<Record<number, string>>;
}

export const route = <const C extends RouteContract>(contract: C): C => contract;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server's handler receives, already validated. */
export type RouteParams<C extends RouteContract> = Out<C['params']>;
export type RouteQuery<C extends RouteContract> = Out<C['query']>;
export type RouteBody<C extends RouteContract> = Out<C['body']>;
/** What a client sends. */
export type RouteQueryInput<C extends RouteContract> = In<C['query']>;
export type RouteBodyInput<C extends RouteContract> = In<C['body']>;
export type RouteParamsInput<C extends RouteContract> = In<C['params']>;
/** The JSON a route answers with (undefined for files and pages). */
export type RouteResponse<C extends RouteContract> = C['response'] extends z.ZodType ? z.output<C['response']> : undefined;

export const isJsonResponse = (response: z.ZodType | OtherContent): response is z.ZodType => !('contentType' in response);

/** The path with its parameters filled in (`/api/v1/admin/kiosks/:id/revoke` → `…/kiosks/7b0c…/revoke`). */
export function pathOf(contract: Pick<RouteContract, 'path'>, params: Record<string, string | number> = {}): string {
  return contract.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
