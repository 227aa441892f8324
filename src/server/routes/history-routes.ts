/**
 * A scenario's history: its revisions with author, time and a summary of the changes; any revision's
 * scenario; the changes since a revision (what a client applies to catch up without reading the whole
 * scenario); and restoring a revision, which writes it as a new revision — history is never rewritten.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app';
import { recordAudit } from '../audit';
import { etagOf, parseRevisionHeader, refuseReaders, replyError, replyStoreError, userOf } from './replies';
import { rightsCheck } from './scenario-routes';

const SINCE_QUERY = {
  type: 'object',
  properties: { since: { type: 'integer', minimum: 0 } },
} as const;

const REVISION_PARAMS = {
  type: 'object',
  required: ['id', 'revision'],
  properties: { id: { type: 'string' }, revision: { type: 'integer', minimum: 1 } },
} as const;

const RESTORE_BODY = {
  type: 'object',
  required: ['revision'],
  additionalProperties: false,
  properties: { revision: { type: 'integer', minimum: 1 } },
} as const;

/** More revisions than this since the client's: it reads the whole scenario instead. */
const MAX_CATCH_UP_REVISIONS = 200;

export function registerHistoryRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string }; Querystring: { since?: number } }>(
    '/api/scenarios/:id/history',
    { schema: { querystring: SINCE_QUERY } },
    async (request, reply) => {
      try {
        return await context.scenarios.history(request.params.id, request.query.since ?? 0);
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.get<{ Params: { id: string; revision: number } }>(
    '/api/scenarios/:id/revisions/:revision',
    { schema: { params: REVISION_PARAMS } },
    async (request, reply) => {
      try {
        const scenario = await context.scenarios.atRevision(request.params.id, request.params.revision);
        return { id: request.params.id, revision: request.params.revision, scenario };
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.get<{ Params: { id: string }; Querystring: { since?: number } }>(
    '/api/scenarios/:id/changes',
    { schema: { querystring: SINCE_QUERY } },
    async (request, reply) => {
      try {
        const row = await context.scenarios.row(request.params.id);
        const since = request.query.since ?? 0;
        if (since > row.revision)
          return replyError(reply, 400, 'badRequest', `revision ${since} is ahead of ${row.revision}`);
        if (row.revision - since > MAX_CATCH_UP_REVISIONS) {
          return replyError(reply, 410, 'tooFarBehind', 'read the whole scenario instead', {
            revision: row.revision,
          });
        }
        const revisions = await context.scenarios.deltasSince(request.params.id, since);
        const revision = revisions.at(-1)?.revision ?? since;
        return reply.header('ETag', etagOf(revision)).send({ id: request.params.id, revision, revisions });
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { revision: number } }>(
    '/api/scenarios/:id/restore',
    { schema: { body: RESTORE_BODY } },
    async (request, reply) => {
      const user = userOf(request);
      if (refuseReaders(reply, user)) return reply;
      const baseRevision = parseRevisionHeader(request.headers['if-match']);
      if (baseRevision === undefined) {
        return replyError(
          reply,
          428,
          'revisionRequired',
          'name the revision this write is based on: If-Match: "REVISION"',
        );
      }
      try {
        const restored = await context.scenarios.atRevision(request.params.id, request.body.revision);
        const result = await context.scenarios.write({
          id: request.params.id,
          baseRevision,
          next: restored,
          author: user.name,
          kind: 'restore',
          detail: { restoredRevision: request.body.revision },
          check: rightsCheck(context, user),
          within: (transaction, revision) =>
            recordAudit(transaction, {
              actor: user.name,
              action: 'scenario.restore',
              target: request.params.id,
              detail: { revision, restoredRevision: request.body.revision },
            }),
        });
        return reply
          .header('ETag', etagOf(result.revision))
          .send({ revision: result.revision, changed: result.changed });
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );
}
