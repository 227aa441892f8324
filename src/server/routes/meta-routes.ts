/**
 * Routes about the server itself: a health check for scripts and monitors, the OpenAPI description,
 * and the audit trail (read-only, city planners only).
 */
import type { FastifyInstance } from 'fastify';
import { CURRENT_SCENARIO_SCHEMA_VERSION } from '../../domain/scenario/scenario-types';
import type { ServerContext } from '../app';
import { readAudit } from '../audit';
import { OPENAPI_DOCUMENT } from '../openapi';
import { replyError, userOf } from './replies';

const AUDIT_QUERY = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
} as const;

export function registerMetaRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/api/health', async () => ({
    ok: true,
    engine: context.database.engine,
    scenarioSchemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    baseline: context.geography.baseline.ref,
  }));

  app.get('/api/openapi.json', async () => OPENAPI_DOCUMENT);

  app.get<{ Querystring: { limit: number } }>(
    '/api/audit',
    { schema: { querystring: AUDIT_QUERY } },
    async (request, reply) => {
      if (userOf(request).role !== 'city') {
        return replyError(reply, 403, 'forbidden', 'only city planners read the audit trail', {
          reason: 'cityOnly',
          siteIds: [],
        });
      }
      return readAudit(context.database, request.query.limit);
    },
  );
}
