/**
 * District plans handed to the city: a district planner submits their district's plan; the city sees
 * the submissions per district, the sites of different plans standing close across a district border,
 * and merges chosen submissions into a city plan as one new revision.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app';
import { recordAudit } from '../audit';
import { mergeSubmissions } from '../scenarios/merge-submissions';
import { StaleRevisionError } from '../scenarios/scenario-store';
import {
  insertSubmission,
  latestPerDistrict,
  listSubmissions,
  loadSubmissions,
  markMerged,
  nearPairsOf,
} from '../scenarios/submissions';
import { etagOf, parseRevisionHeader, replyError, replyStoreError, userOf } from './replies';

const SUBMIT_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 2000 } },
} as const;

const NEAR_QUERY = {
  type: 'object',
  properties: {
    distanceM: { type: 'number', minimum: 1, maximum: 5000, default: 200 },
    scenario: { type: 'string', maxLength: 200 },
  },
} as const;

const MERGE_BODY = {
  type: 'object',
  required: ['submissionIds'],
  additionalProperties: false,
  properties: {
    submissionIds: { type: 'array', minItems: 1, maxItems: 64, items: { type: 'integer', minimum: 1 } },
    leaveOut: { type: 'array', maxItems: 100_000, items: { type: 'string', maxLength: 128 } },
  },
} as const;

export function registerSubmissionRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Params: { id: string }; Body: { note?: string } }>(
    '/api/scenarios/:id/submit',
    { schema: { body: SUBMIT_BODY } },
    async (request, reply) => {
      const user = userOf(request);
      try {
        const loaded = await context.scenarios.load(request.params.id);
        if (user.role !== 'district' || loaded.row.district !== user.district) {
          return replyError(reply, 403, 'forbidden', 'only the planner of a district submits its plan', {
            reason: 'notOwnDistrictPlan',
            siteIds: [],
          });
        }
        const wanted = parseRevisionHeader(request.headers['if-match']);
        if (wanted !== undefined && wanted !== loaded.row.revision)
          throw new StaleRevisionError(loaded.row.revision);
        const id = await context.database.transaction(async (transaction) => {
          const submissionId = await insertSubmission(transaction, {
            scenarioId: loaded.row.id,
            revision: loaded.row.revision,
            district: user.district!,
            by: user.name,
            note: request.body?.note ?? '',
            scenario: loaded.scenario,
          });
          await recordAudit(transaction, {
            actor: user.name,
            action: 'submission.create',
            target: loaded.row.id,
            detail: { submissionId, revision: loaded.row.revision },
          });
          return submissionId;
        });
        return reply.code(201).send({ id, revision: loaded.row.revision });
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.get('/api/submissions', async () => listSubmissions(context.database));

  app.get<{ Querystring: { distanceM: number; scenario?: string } }>(
    '/api/submissions/near',
    { schema: { querystring: NEAR_QUERY } },
    async (request, reply) => {
      try {
        const plans = (await latestPerDistrict(context.database)).map((submission) => ({
          planId: `submission:${submission.id}`,
          scenario: submission.scenario,
        }));
        if (request.query.scenario) {
          const city = await context.scenarios.load(request.query.scenario);
          plans.push({ planId: `scenario:${city.row.id}`, scenario: city.scenario });
        }
        const pairs = nearPairsOf(plans, request.query.distanceM, context.geography);
        return { distanceM: request.query.distanceM, pairs };
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { submissionIds: number[]; leaveOut?: string[] } }>(
    '/api/scenarios/:id/merge',
    { schema: { body: MERGE_BODY } },
    async (request, reply) => {
      const user = userOf(request);
      if (user.role !== 'city') {
        return replyError(reply, 403, 'forbidden', 'only city planners merge district plans', {
          reason: 'cityOnly',
          siteIds: [],
        });
      }
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
        const submissions = await loadSubmissions(context.database, request.body.submissionIds).catch(
          (error: unknown) => {
            if (error instanceof RangeError) return error;
            throw error;
          },
        );
        if (submissions instanceof RangeError) return replyError(reply, 404, 'notFound', submissions.message);
        const target = await context.scenarios.load(request.params.id);
        const { next, report } = mergeSubmissions(
          target.scenario,
          submissions,
          new Set(request.body.leaveOut ?? []),
          context.geography,
        );
        const detail = { submissions: report };
        const result = await context.scenarios.write({
          id: request.params.id,
          baseRevision,
          next,
          author: user.name,
          kind: 'merge',
          detail,
          within: async (transaction, revision) => {
            await markMerged(transaction, request.body.submissionIds, request.params.id, revision, user.name);
            await recordAudit(transaction, {
              actor: user.name,
              action: 'submission.merge',
              target: request.params.id,
              detail: { revision, ...detail },
            });
          },
        });
        return reply
          .header('ETag', etagOf(result.revision))
          .send({ revision: result.revision, changed: result.changed, report });
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );
}
