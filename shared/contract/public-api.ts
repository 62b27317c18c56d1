import { z } from 'zod';
import { Slug } from '../schema/common';
import { route } from './route';

// What anyone may read without signing in: the published results (aggregates only, nothing that
// identifies a citizen), the public page and poster built from them, and the server's health.

/** One group's figures on its main scale; null when nobody rated. */
export const PublicFigures = z
  .strictObject({
    count: z.int(),
    /** Share of the top two levels ("Hài lòng" or better), 0..1. */
    satisfiedShare: z.number().nullable(),
    mean: z.number().nullable(),
    scaleSize: z.int(),
  })
  .nullable();
export type PublicFigures = z.infer<typeof PublicFigures>;

export const PublicResults = z.strictObject({
  /** The district's name as it publishes its results. */
  unit: z.string(),
  /** 2026-Q4 and the quarter before it. */
  quarter: z.string(),
  previousQuarter: z.string(),
  district: z.strictObject({ current: PublicFigures, previous: PublicFigures }),
  wards: z.array(z.strictObject({ id: Slug, name: z.string(), current: PublicFigures, previous: PublicFigures })),
  /** This year's months so far, on the district's main scale. */
  months: z.array(z.strictObject({ month: z.string(), figures: PublicFigures })),
});
export type PublicResults = z.infer<typeof PublicResults>;

export const publicApi = {
  results: route({
    method: 'GET',
    path: '/api/v1/public/results',
    summary: 'Published satisfaction results: the district and each ward, this quarter and the last, and this year by month',
    access: 'public',
    status: 200,
    response: PublicResults,
    errors: [],
    alsoAnswers: { 304: 'Unchanged since the ETag given in If-None-Match (made at most once a minute)' },
  }),
  page: route({
    method: 'GET',
    path: '/public/',
    summary: 'The public results page (prints as an A4 poster for the counter)',
    access: 'public',
    status: 200,
    response: { contentType: 'text/html', description: 'The results page, in Vietnamese' },
    errors: [],
    alsoAnswers: { 304: 'Unchanged since the ETag given in If-None-Match (made at most once a minute)' },
  }),
  pageStyle: route({
    method: 'GET',
    path: '/public/style.css',
    summary: 'The public page’s stylesheet',
    access: 'public',
    status: 200,
    response: { contentType: 'text/css', description: 'Stylesheet' },
    errors: [],
  }),
  health: route({
    method: 'GET',
    path: '/healthz',
    summary: 'The server process answers',
    access: 'public',
    status: 200,
    response: z.strictObject({ ok: z.literal(true) }),
    errors: [],
  }),
  ready: route({
    method: 'GET',
    path: '/readyz',
    summary: 'The server can serve: its database answers and is migrated (503 not_ready otherwise)',
    access: 'public',
    status: 200,
    response: z.strictObject({ ok: z.literal(true) }),
    errors: ['not_ready'],
  }),
  metrics: route({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics: requests, ratings by outcome, batch latency, the fleet (from HAILONG_METRICS_FROM only)',
    access: 'public',
    status: 200,
    response: { contentType: 'text/plain', description: 'Prometheus text exposition format' },
    errors: ['forbidden'],
  }),
  openApi: route({
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This document: every route of the server, generated from the routes themselves',
    access: 'public',
    status: 200,
    response: z.looseObject({ openapi: z.string() }),
    errors: [],
  }),
} as const;

const redirect = (path: string, to: string) =>
  route({
    method: 'GET',
    path,
    summary: `Redirects to ${to}`,
    access: 'public',
    status: 302,
    response: { contentType: 'text/plain', description: `To ${to}` },
    errors: [],
  });

/** Short addresses people type. */
export const redirects = {
  root: redirect('/', '/kiosk/'),
  kiosk: redirect('/kiosk', '/kiosk/'),
  admin: redirect('/admin', '/admin/'),
  public: redirect('/public', '/public/'),
} as const;
