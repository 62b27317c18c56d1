import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../../shared/contract/admin-api';
import { districtApi } from '../../shared/contract/district-api';
import { accountsApi } from '../../shared/contract/accounts-api';
import { kioskApi } from '../../shared/contract/kiosk-api';
import { publicApi, redirects } from '../../shared/contract/public-api';
import type { RouteContract } from '../../shared/contract/route';
import { testServer } from './support/server-harness';

const contracts: RouteContract[] = [
  ...Object.values(kioskApi),
  ...Object.values(adminApi),
  ...Object.values(districtApi),
  ...Object.values(accountsApi),
  ...Object.values(publicApi),
  ...Object.values(redirects),
];
/** Fastify's `/kiosks/:id` is OpenAPI's `/kiosks/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('one contract per route: the OpenAPI document is the server’s route table', () => {
  it('lists every route the server answers, with its request and answer schemas, and is a valid OpenAPI 3.1 document', async () => {
    const server = await testServer('sqlite');
    try {
      const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      const paths = document.paths as Record<
        string,
        Record<
          string,
          { requestBody?: unknown; parameters?: unknown[]; responses?: Record<string, { content?: unknown; description?: string }> }
        >
      >;
      // Every route Fastify registered (but HEAD twins and the apps' static files, hidden on purpose).
      const routes = server.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.hidden);
      expect(routes.length).toBeGreaterThanOrEqual(contracts.length);
      const missing = routes.filter((r) => !paths[openApiPath(r.url)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.url}`);
      expect(missing).toEqual([]);
      // … each with its success answer described (a schema for JSON), and its request's parts.
      for (const contract of contracts) {
        const operation = paths[openApiPath(contract.path)]?.[contract.method.toLowerCase()];
        expect(operation, `${contract.method} ${contract.path}`).toBeDefined();
        const success = operation!.responses?.[String(contract.status)];
        expect(success, `${contract.method} ${contract.path} answers ${contract.status}`).toBeDefined();
        if (contract.status === 200 || contract.status === 201)
          expect(success!.content ?? (success as { type?: string }).type ?? success, contract.path).toBeTruthy();
        expect(operation!.responses?.['4XX'], `${contract.path} documents its errors`).toBeDefined();
        if (contract.body) expect(operation!.requestBody, `${contract.path} body`).toBeDefined();
        if (contract.query || contract.params) expect(operation!.parameters?.length, `${contract.path} parameters`).toBeGreaterThan(0);
      }
      // No route is registered without its contract, and no contract without its route.
      const declared = new Set(contracts.map((c) => `${c.method} ${c.path}`));
      expect(routes.map((r) => `${r.method} ${r.url}`).filter((r) => !declared.has(r))).toEqual([]);
      // The batch route's limits come from the contract's schema itself.
      expect(paths['/api/v1/ratings/batches']!.post!.requestBody).toMatchObject({
        content: { 'application/json': { schema: { properties: { ratings: { maxItems: 500 } } } } },
      });
      await SwaggerParser.validate(structuredClone(document));
    } finally {
      await server.close();
    }
  });
});
