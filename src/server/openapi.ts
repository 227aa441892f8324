/**
 * The API's OpenAPI 3.1 description, served at GET /api/openapi.json. Written by hand next to the
 * routes; a test checks that every route the server registers is described here and nothing else.
 */

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (description: string, schema?: object) =>
  schema ? { description, ...json(schema) } : { description };
const ERRORS = {
  '401': response('Not signed in', ref('Error')),
  '403': response('Signed in without the right (role, district or origin)', ref('Forbidden')),
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The revision the write is based on, quoted: "12".',
  schema: { type: 'string' },
};
const WRITE_ERRORS = {
  ...ERRORS,
  '404': response('No such scenario', ref('Error')),
  '409': response('The revision named in If-Match is not the current one', ref('Stale')),
  '413': response('Body over the size limit', ref('Error')),
  '422': response('Not a valid scenario (the app schema’s issues are listed)', ref('Error')),
  '428': response('No If-Match header', ref('Error')),
};
const revisionResult = {
  type: 'object',
  properties: { revision: { type: 'integer' }, changed: { type: 'boolean' } },
};
const scenarioSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    revision: { type: 'integer' },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
    district: {
      type: ['string', 'null'],
      description: 'Adcode of the district whose plan this is; null for city plans.',
    },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Shanghai infrastructure planner — team server',
    version: '1',
    description:
      'Shared scenarios with roles, district-scoped editing, revisions and district submissions. Authenticate with ' +
      'POST /api/login, then send the session cookie (browsers) or Authorization: Bearer TOKEN (scripts).',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'planner_session' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: { error: { type: 'string' }, message: { type: 'string' } },
      },
      Forbidden: {
        type: 'object',
        properties: {
          error: { const: 'forbidden' },
          message: { type: 'string' },
          reason: {
            type: 'string',
            description:
              'readOnlyRole | sitesOutsideDistrict | cityOnlyField | cityOnly | notOwnDistrictPlan',
          },
          siteIds: {
            type: 'array',
            items: { type: 'string' },
            description: 'The changed sites outside the user’s district.',
          },
        },
      },
      Stale: {
        type: 'object',
        properties: {
          error: { const: 'staleRevision' },
          message: { type: 'string' },
          revision: { type: 'integer' },
        },
      },
      Scenario: {
        type: 'object',
        description:
          'The object inside the app’s scenario file: id, name, createdAt, updatedAt, schemaVersion, baselineRef, ' +
          'addedSites, modifiedSites, removedSiteIds, existingSites, poles. Checked with the app’s scenario schema.',
      },
      ScenarioDelta: {
        type: 'object',
        description:
          'Changed items with their value before and after: { items: [{ list, id, before?, after?, beforeIndex?, afterIndex? }], name?, baselineRef?, addedOrder? }.',
      },
      HistoryEntry: {
        type: 'object',
        properties: {
          revision: { type: 'integer' },
          author: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          summary: { type: 'string' },
          kind: { enum: ['create', 'edit', 'restore', 'merge'] },
          counts: { type: 'object' },
          detail: { type: ['object', 'null'] },
        },
      },
      Submission: {
        type: 'object',
        description:
          'id, scenarioId, scenarioName, district, revision, submittedBy, submittedAt, note, counts, merged.',
      },
    },
  },
  security: [{ bearer: [] }, { cookie: [] }],
  paths: {
    '/api/health': {
      get: { summary: 'Health and versions', security: [], responses: { '200': response('Up') } },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', security: [], responses: { '200': response('OpenAPI 3.1') } },
    },
    '/api/login': {
      post: {
        summary: 'Sign in',
        security: [],
        requestBody: json({
          type: 'object',
          required: ['name', 'password'],
          properties: { name: { type: 'string' }, password: { type: 'string' } },
        }),
        responses: {
          '200': response('Signed in; also sets the HttpOnly session cookie', {
            type: 'object',
            properties: {
              token: { type: 'string' },
              expiresAt: { type: 'string' },
              user: { type: 'object' },
            },
          }),
          '401': response('Wrong name or password', ref('Error')),
          '429': response('Too many failed sign-ins; Retry-After says when to try again', ref('Error')),
        },
      },
    },
    '/api/logout': {
      post: { summary: 'End the session', responses: { '204': response('Signed out'), ...ERRORS } },
    },
    '/api/me': {
      get: {
        summary: 'The signed-in user',
        responses: { '200': response('name, role, district'), ...ERRORS },
      },
    },
    '/api/audit': {
      get: {
        summary: 'The audit trail, newest first (city planners; read-only)',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 1000 } }],
        responses: { '200': response('Entries'), ...ERRORS },
      },
    },
    '/api/scenarios': {
      get: {
        summary: 'Shared scenarios',
        responses: { '200': response('List', { type: 'array', items: scenarioSummary }), ...ERRORS },
      },
      post: {
        summary:
          'Create a scenario: empty on the shared baseline ({name}), or from a scenario file as the app exports it',
        requestBody: json({
          oneOf: [
            { type: 'object', properties: { name: { type: 'string' }, district: { type: 'string' } } },
            { type: 'object', description: 'scenario file' },
          ],
        }),
        responses: {
          '201': response('Created', {
            type: 'object',
            properties: { id: { type: 'string' }, revision: { type: 'integer' } },
          }),
          ...WRITE_ERRORS,
        },
      },
    },
    '/api/scenarios/{id}': {
      get: {
        summary: 'A scenario at its current revision (If-None-Match: "REVISION" → 304 when unchanged)',
        parameters: [idParameter],
        responses: {
          '200': response('The scenario', {
            type: 'object',
            properties: { ...scenarioSummary.properties, scenario: ref('Scenario') },
          }),
          '304': response('Unchanged'),
          ...ERRORS,
        },
      },
      put: {
        summary: 'Write the whole scenario as the next revision',
        parameters: [idParameter, ifMatch],
        requestBody: json(ref('Scenario')),
        responses: {
          '200': response('Written (changed is false when nothing differed)', revisionResult),
          ...WRITE_ERRORS,
        },
      },
    },
    '/api/scenarios/{id}/history': {
      get: {
        summary: 'Revisions, oldest first',
        parameters: [idParameter, { name: 'since', in: 'query', schema: { type: 'integer' } }],
        responses: { '200': response('History', { type: 'array', items: ref('HistoryEntry') }), ...ERRORS },
      },
    },
    '/api/scenarios/{id}/revisions/{revision}': {
      get: {
        summary: 'The scenario as it was at a revision',
        parameters: [
          idParameter,
          { name: 'revision', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        responses: {
          '200': response('The scenario', {
            type: 'object',
            properties: { revision: { type: 'integer' }, scenario: ref('Scenario') },
          }),
          ...ERRORS,
        },
      },
    },
    '/api/scenarios/{id}/changes': {
      get: {
        summary:
          'The deltas of the revisions after `since` (410 when over 200 behind: read the scenario instead)',
        parameters: [
          idParameter,
          { name: 'since', in: 'query', required: true, schema: { type: 'integer' } },
        ],
        responses: {
          '200': response('Deltas', {
            type: 'object',
            properties: {
              revision: { type: 'integer' },
              revisions: { type: 'array', items: ref('ScenarioDelta') },
            },
          }),
          ...ERRORS,
        },
      },
    },
    '/api/scenarios/{id}/restore': {
      post: {
        summary: 'Write an earlier revision as the next one',
        parameters: [idParameter, ifMatch],
        requestBody: json({ type: 'object', properties: { revision: { type: 'integer' } } }),
        responses: { '200': response('Restored', revisionResult), ...WRITE_ERRORS },
      },
    },
    '/api/scenarios/{id}/submit': {
      post: {
        summary: 'Submit a district plan to the city (the district’s own planners)',
        parameters: [idParameter, { ...ifMatch, required: false }],
        requestBody: json({ type: 'object', properties: { note: { type: 'string' } } }),
        responses: {
          '201': response('Submitted', {
            type: 'object',
            properties: { id: { type: 'integer' }, revision: { type: 'integer' } },
          }),
          ...WRITE_ERRORS,
        },
      },
    },
    '/api/scenarios/{id}/merge': {
      post: {
        summary: 'Merge district submissions into this (city) plan (city planners)',
        parameters: [idParameter, ifMatch],
        requestBody: json({
          type: 'object',
          properties: {
            submissionIds: { type: 'array', items: { type: 'integer' } },
            leaveOut: { type: 'array', items: { type: 'string' } },
          },
        }),
        responses: { '200': response('Merged; report per submission', revisionResult), ...WRITE_ERRORS },
      },
    },
    '/api/submissions': {
      get: {
        summary: 'District submissions, newest first',
        responses: { '200': response('List', { type: 'array', items: ref('Submission') }), ...ERRORS },
      },
    },
    '/api/submissions/near': {
      get: {
        summary:
          'Sites of different plans within distanceM of each other across district borders (latest submission per district, and the plan `scenario`)',
        parameters: [
          { name: 'distanceM', in: 'query', schema: { type: 'number', minimum: 1, maximum: 5000 } },
          { name: 'scenario', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': response('Pairs, nearest first'), ...ERRORS },
      },
    },
  },
} as const;
