/**
 * Shared scenarios: list, create (empty on the shared baseline, or from a scenario file as the app
 * exports it), read, and write the whole scenario against the revision it was based on. Bodies are
 * checked with the app's own scenario schema (migrating older versions), within a size limit.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseScenarioFile, SCENARIO_FILE_FORMAT } from '../../domain/export/scenario-file';
import { matchBaselineRef } from '../../domain/scenario/baseline-sites';
import { migrateScenarioRecord } from '../../domain/scenario/migrations';
import { createScenario } from '../../domain/scenario/scenario';
import { describeIssues, validateScenario } from '../../domain/scenario/scenario-schema';
import type { Scenario } from '../../domain/scenario/scenario-types';
import { diffScenarios } from '../../domain/sync/scenario-delta';
import type { ServerContext } from '../app';
import { recordAudit } from '../audit';
import type { User } from '../auth/users';
import { judgeWrite } from '../scenarios/rights';
import { type LoadedScenario, StaleRevisionError, WriteRefusedError } from '../scenarios/scenario-store';
import { etagOf, parseRevisionHeader, refuseReaders, replyError, replyStoreError, userOf } from './replies';

type ScenarioRead =
  | { ok: true; scenario: Scenario }
  | { ok: false; code: string; message: string; issues?: unknown };

/** A scenario sent as the body of a PUT: migrated when older, then checked with the app's schema. */
export function readScenarioBody(body: unknown): ScenarioRead {
  const migrated = migrateScenarioRecord(body);
  if (!migrated.ok) return { ok: false, code: migrated.code, message: migrated.message };
  const validation = validateScenario(migrated.record);
  if (!validation.ok) {
    return {
      ok: false,
      code: 'invalidScenario',
      message: describeIssues(validation.issues),
      issues: validation.issues,
    };
  }
  return { ok: true, scenario: validation.scenario };
}

function replyUnreadable(reply: FastifyReply, read: Extract<ScenarioRead, { ok: false }>) {
  return replyError(reply, 422, read.code, read.message, read.issues ? { issues: read.issues } : {});
}

/** Refuses a scenario drawn on another baseline: rights and history are judged against ours. */
function otherBaseline(context: ServerContext, scenario: Scenario): boolean {
  return matchBaselineRef(scenario.baselineRef, context.geography.baseline.ref) === 'different';
}

/** The write check every scenario write shares: the user's rights over the delta, by site position. */
export function rightsCheck(context: ServerContext, user: User) {
  return (loaded: LoadedScenario, delta: ReturnType<typeof diffScenarios>) => {
    const verdict = judgeWrite(user, loaded.row, loaded.scenario, delta, context.geography);
    if (!verdict.allowed) throw new WriteRefusedError(verdict.reason, verdict.siteIds);
  };
}

export function summaryOf(row: LoadedScenario['row']) {
  return {
    id: row.id,
    name: row.name,
    revision: row.revision,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    district: row.district,
  };
}

const NEW_SCENARIO_BODY = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    district: { type: 'string', maxLength: 12 },
    format: { type: 'string' },
  },
} as const;

export function registerScenarioRoutes(app: FastifyInstance, context: ServerContext): void {
  const bodyLimit = context.scenarioBodyLimitBytes;

  app.get('/api/scenarios', async () => (await context.scenarios.list()).map(summaryOf));

  app.post<{ Body: { name?: string; district?: string; format?: string } }>(
    '/api/scenarios',
    { bodyLimit, schema: { body: NEW_SCENARIO_BODY } },
    async (request, reply) => {
      const user = userOf(request);
      if (refuseReaders(reply, user)) return reply;
      const id = `scn-${randomUUID()}`;
      let scenario: Scenario;
      if (request.body.format === SCENARIO_FILE_FORMAT) {
        const parsed = parseScenarioFile(JSON.stringify(request.body));
        if (!parsed.ok) return replyUnreadable(reply, { ok: false, ...parsed.error });
        scenario = parsed.scenario;
        if (otherBaseline(context, scenario))
          return replyError(reply, 422, 'otherBaseline', 'the scenario was drawn on another baseline');
      } else if (request.body.name?.trim()) {
        scenario = createScenario({
          id,
          name: request.body.name.trim(),
          baselineRef: context.geography.baseline.ref,
          nowIso: new Date().toISOString(),
        });
      } else {
        return replyError(reply, 400, 'badRequest', 'send {name} or a scenario file');
      }
      const district = user.role === 'district' ? user.district : (request.body.district ?? null);
      if (district !== null && !context.geography.districts.has(district)) {
        return replyError(reply, 400, 'unknownDistrict', `unknown district ${district}`);
      }
      const empty = createScenario({
        id,
        name: scenario.name,
        baselineRef: scenario.baselineRef,
        nowIso: scenario.createdAt,
      });
      const row = { district, id, revision: 0 } as LoadedScenario['row'];
      try {
        rightsCheck(context, user)({ row, scenario: empty, ords: new Map() }, diffScenarios(empty, scenario));
        const created = await context.scenarios.create({
          id,
          scenario,
          district,
          author: user.name,
          within: (transaction) =>
            recordAudit(transaction, { actor: user.name, action: 'scenario.create', target: id }),
        });
        return reply.code(201).header('ETag', etagOf(created.revision)).send(created);
      } catch (error) {
        return replyStoreError(reply, error);
      }
    },
  );

  app.get<{ Params: { id: string } }>('/api/scenarios/:id', async (request, reply) => {
    try {
      const known = parseRevisionHeader(request.headers['if-none-match']);
      if (known !== undefined && (await context.scenarios.row(request.params.id)).revision === known) {
        return reply.code(304).header('ETag', etagOf(known)).send();
      }
      const loaded = await context.scenarios.load(request.params.id);
      reply.header('ETag', etagOf(loaded.row.revision));
      return { ...summaryOf(loaded.row), scenario: loaded.scenario };
    } catch (error) {
      return replyStoreError(reply, error);
    }
  });

  app.put<{ Params: { id: string }; Body: unknown }>(
    '/api/scenarios/:id',
    {
      bodyLimit,
      // A write on a stale revision is answered before its body is read: under contention most
      // attempts are stale, and parsing and checking a whole scenario for each would starve the rest.
      // A reader is refused for its role first, so it never learns of revisions through a 409.
      preParsing: async (request, reply, payload) => {
        if (refuseReaders(reply, userOf(request))) return reply;
        const baseRevision = parseRevisionHeader(request.headers['if-match']);
        if (baseRevision === undefined) return payload;
        const { id } = request.params as { id: string };
        try {
          const current = await context.scenarios.row(id);
          if (current.revision !== baseRevision)
            return replyStoreError(reply, new StaleRevisionError(current.revision));
        } catch (error) {
          return replyStoreError(reply, error);
        }
        return payload;
      },
    },
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
      const read = readScenarioBody(request.body);
      if (!read.ok) return replyUnreadable(reply, read);
      if (read.scenario.id !== request.params.id)
        return replyError(reply, 422, 'idMismatch', 'the scenario id differs from the URL');
      if (otherBaseline(context, read.scenario))
        return replyError(reply, 422, 'otherBaseline', 'the scenario was drawn on another baseline');
      try {
        const result = await context.scenarios.write({
          id: request.params.id,
          baseRevision,
          next: read.scenario,
          author: user.name,
          kind: 'edit',
          // The revision records who changed what and when: no separate audit row per edit.
          check: rightsCheck(context, user),
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
