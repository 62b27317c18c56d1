import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, BatchResult, ConfigResponse, EnrolRequest, EnrolResponse, Heartbeat, RatingBatch } from '../../shared/schema/api';
import { Rating } from '../../shared/schema/rating';
import { ReportQuery } from '../../shared/schema/report';

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
    },
  };
}

export async function openApiRoute(app: FastifyInstance) {
  const document = openApiDocument();
  app.get('/api/v1/openapi.json', () => document);
}
