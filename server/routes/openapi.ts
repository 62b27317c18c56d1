import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, BatchResult, ConfigResponse, EnrolRequest, EnrolResponse, Heartbeat, RatingBatch } from '../../shared/schema/api';
import { Rating } from '../../shared/schema/rating';
import { ReportQuery } from '../../shared/schema/report';
import { AlertSettings } from '../../shared/alerts/rules';
import { ExportFile } from '../../shared/sync/export-file';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const errors = { '4XX': { description: 'Refused input; nothing changed', content: json(ApiError) } };
const bearer = [{ deviceToken: [] }];

/** The OpenAPI document, generated from the same zod schemas that validate the requests. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Hài Lòng district server', version: '1' },
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'The device token a kiosk received at enrolment' },
        session: { type: 'apiKey', in: 'cookie', name: 'hl_session' },
      },
      schemas: { Rating: z.toJSONSchema(Rating, { io: 'input' }) },
    },
    paths: {
      '/api/v1/enrol': {
        post: { summary: 'Redeem an enrolment code', requestBody: { content: json(EnrolRequest) }, responses: { 201: { description: 'Enrolled', content: json(EnrolResponse) }, ...errors } },
      },
      '/api/v1/ratings/batches': {
        post: {
          summary: 'Send a batch of up to 500 ratings (exactly once in effect: the rating id is the idempotency key)',
          security: bearer,
          requestBody: { content: json(RatingBatch) },
          responses: { 200: { description: 'accepted, duplicate and rejected ratings', content: json(BatchResult) }, ...errors },
        },
      },
      '/api/v1/kiosk/config': {
        get: {
          summary: 'The kiosk configuration (ETag; 304 when unchanged)',
          security: bearer,
          responses: { 200: { description: 'Configuration', content: json(ConfigResponse) }, 304: { description: 'Unchanged' }, ...errors },
        },
      },
      '/api/v1/kiosk/heartbeat': {
        post: { summary: 'Kiosk health', security: bearer, requestBody: { content: json(Heartbeat) }, responses: { 200: { description: 'Server time' }, ...errors } },
      },
      '/api/v1/reports': {
        get: {
          summary: 'Satisfaction report (JSON, CSV or XLSX)',
          security: [{ session: [] }],
          parameters: Object.keys(z.toJSONSchema(ReportQuery, { io: 'input' }).properties ?? {}).map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: { description: 'The report' }, ...errors },
        },
      },
      '/api/v1/admin/imports': {
        post: {
          summary: 'Import a kiosk’s signed export file (USB); stored exactly once, like sync',
          security: [{ session: [] }],
          requestBody: { content: json(ExportFile) },
          responses: { 200: { description: 'How many were new, already stored or refused' }, ...errors },
        },
      },
      '/api/v1/admin/alerts': {
        get: { summary: 'Open or acknowledged alerts (status=open|acknowledged)', security: [{ session: [] }], responses: { 200: { description: 'Alerts' }, ...errors } },
      },
      '/api/v1/admin/alerts/{id}/acknowledge': {
        post: { summary: 'Acknowledge an alert with a note', security: [{ session: [] }], responses: { 200: { description: 'Acknowledged' }, ...errors } },
      },
      '/api/v1/admin/alert-settings': {
        put: { summary: 'Alert thresholds', security: [{ session: [] }], requestBody: { content: json(AlertSettings) }, responses: { 200: { description: 'Saved' }, ...errors } },
      },
      '/api/v1/admin/officials/{id}': {
        put: { summary: 'Set or clear an official’s shift PIN (4–8 digits, hashed) and photo (data: URL)', security: [{ session: [] }], responses: { 200: { description: 'Saved' }, ...errors } },
      },
      '/api/v1/admin/wards/{id}/attribution': {
        put: { summary: 'How the ward attributes ratings: none, shift or citizen', security: [{ session: [] }], responses: { 200: { description: 'Saved' }, ...errors } },
      },
    },
  };
}

export async function openApiRoute(app: FastifyInstance) {
  const document = openApiDocument();
  app.get('/api/v1/openapi.json', () => document);
}
