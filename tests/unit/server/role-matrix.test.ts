/**
 * Every endpoint against every kind of caller: no credentials, a viewer, the planner of the district
 * the change lies in ("own"), the planner of another district ("other"), and a city planner — on the
 * embedded PGlite and on a real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../../src/server/app';
import {
  candidate,
  editAs,
  putScenario,
  readScenario,
  withAdded,
  withEdited,
  withMoved,
  withoutAdded,
  withRemoval,
} from '../support/server/scenario-edits';
import {
  addUsers,
  baselineSiteIn,
  enginesUnderTest,
  type OpenedDatabase,
  openTestDatabase,
  PASSWORD,
  pointIn,
  startTestServer,
  type TestServer,
} from '../support/server/server-harness';

const PUDONG = '310115';
const HUANGPU = '310101';
// "other" tries before "own", so its attempt is never a no-op left by own's success.
const ACTORS = ['anonymous', 'viewer', 'other', 'own', 'city'] as const;
type Actor = (typeof ACTORS)[number];
const USER_OF: Record<Exclude<Actor, 'anonymous'>, string> = {
  viewer: 'viewer1',
  own: 'pudong1',
  other: 'huangpu1',
  city: 'city1',
};

interface World {
  server: TestServer;
  tokens: Record<Actor, string | undefined>;
  cityPlan: string;
  pudongPlan: string;
  submissionId: number;
}

type Case = [
  name: string,
  run: (world: World, actor: Actor) => Promise<{ statusCode: number }>,
  expected: Record<Actor, number>,
];

const all = (status: number, anonymous = 401): Record<Actor, number> => ({
  anonymous,
  viewer: status,
  own: status,
  other: status,
  city: status,
});
const writers = (own: number, other: number, city = 200): Record<Actor, number> => ({
  anonymous: 401,
  viewer: 403,
  own,
  other,
  city,
});

const get = (url: string) => (world: World, actor: Actor) =>
  world.server.request({
    method: 'GET',
    url: url.replace('{city}', world.cityPlan),
    token: world.tokens[actor],
  });

const edit =
  (change: (world: World, actor: Actor) => Parameters<typeof editAs>[4]) => (world: World, actor: Actor) =>
    editAs(world.server, world.tokens.city!, world.tokens[actor], world.cityPlan, change(world, actor));

const CASES: Case[] = [
  [
    'POST /api/login',
    (world, actor) =>
      world.server.request({
        method: 'POST',
        url: '/api/login',
        payload:
          actor === 'anonymous'
            ? { name: 'city1', password: 'a wrong password' }
            : { name: USER_OF[actor], password: PASSWORD },
      }),
    all(200, 401),
  ],
  ['GET /api/health', get('/api/health'), all(200, 200)],
  ['GET /api/openapi.json', get('/api/openapi.json'), all(200, 200)],
  ['GET /api/me', get('/api/me'), all(200)],
  ['GET /api/scenarios', get('/api/scenarios'), all(200)],
  ['GET /api/scenarios/:id', get('/api/scenarios/{city}'), all(200)],
  ['GET /api/scenarios/:id/history', get('/api/scenarios/{city}/history'), all(200)],
  ['GET /api/scenarios/:id/revisions/:revision', get('/api/scenarios/{city}/revisions/1'), all(200)],
  ['GET /api/scenarios/:id/changes', get('/api/scenarios/{city}/changes?since=1'), all(200)],
  ['GET /api/submissions', get('/api/submissions'), all(200)],
  ['GET /api/submissions/near', get('/api/submissions/near?distanceM=300'), all(200)],
  ['GET /api/audit', get('/api/audit'), { anonymous: 401, viewer: 403, own: 403, other: 403, city: 200 }],
  [
    'POST /api/scenarios',
    (world, actor) =>
      world.server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: world.tokens[actor],
        payload: { name: `plan of ${actor}` },
      }),
    writers(201, 201, 201),
  ],
  [
    'PUT /api/scenarios/:id: add a site in the district',
    edit(
      (_, actor) => (scenario) => withAdded(scenario, candidate(`added-by-${actor}`, pointIn(PUDONG, 300))),
    ),
    writers(200, 403),
  ],
  [
    'PUT /api/scenarios/:id: edit a site of the district',
    edit((_, actor) => (scenario) => withEdited(scenario, 'seed-pudong', { name: `named by ${actor}` })),
    writers(200, 403),
  ],
  [
    'PUT /api/scenarios/:id: move a site within the district',
    edit(
      (_, actor) => (scenario) =>
        withMoved(scenario, 'seed-pudong', pointIn(PUDONG, actor === 'city' ? 40 : 20)),
    ),
    writers(200, 403),
  ],
  [
    'PUT /api/scenarios/:id: move a site across the border (out of the district)',
    edit(() => (scenario) => withMoved(scenario, 'seed-pudong', pointIn(HUANGPU))),
    writers(403, 403),
  ],
  [
    'PUT /api/scenarios/:id: move a site into the district from across the border',
    // Judged before and after: Pudong's planner may not take Huangpu's site, Huangpu's may not send it.
    edit(() => (scenario) => withMoved(scenario, 'seed-huangpu', pointIn(PUDONG, 60))),
    writers(403, 403),
  ],
  [
    'PUT /api/scenarios/:id: delete a site the plan added in the district',
    // The city's attempt finds the site already deleted by "own": nothing to change, 200 all the same.
    edit(() => (scenario) => withoutAdded(scenario, 'seed-pudong-2')),
    writers(200, 403),
  ],
  [
    'PUT /api/scenarios/:id: a write on a stale revision',
    // A reader is refused for its role whatever revision it names; writers learn the current revision.
    async (world, actor) => {
      const { scenario, revision } = await readScenario(world.server, world.tokens.city!, world.cityPlan);
      const edited = withAdded(scenario, candidate(`stale-${actor}`, pointIn(PUDONG, 700)));
      return putScenario(world.server, world.tokens[actor], edited, revision - 1);
    },
    { anonymous: 401, viewer: 403, own: 409, other: 409, city: 409 },
  ],
  [
    'PUT /api/scenarios/:id: plan a baseline site of the district for removal',
    edit(() => (scenario) => withRemoval(scenario, baselineSiteIn(PUDONG).properties.id)),
    // The city's attempt finds the removal already made by "own": nothing to change, 200 all the same.
    writers(200, 403),
  ],
  [
    'PUT /api/scenarios/:id: rename a city plan',
    edit((_, actor) => (scenario) => ({ ...scenario, name: `renamed by ${actor}` })),
    writers(403, 403),
  ],
  [
    'POST /api/scenarios/:id/restore (the previous revision of the district plan)',
    async (world, actor) => {
      const current = await world.server.request({
        method: 'GET',
        url: `/api/scenarios/${world.pudongPlan}`,
        token: world.tokens.city,
      });
      const revision = current.json().revision as number;
      return world.server.request({
        method: 'POST',
        url: `/api/scenarios/${world.pudongPlan}/restore`,
        token: world.tokens[actor],
        headers: { 'if-match': `"${revision}"` },
        payload: { revision: revision - 1 },
      });
    },
    writers(200, 403),
  ],
  [
    'POST /api/scenarios/:id/submit (the district plan)',
    (world, actor) =>
      world.server.request({
        method: 'POST',
        url: `/api/scenarios/${world.pudongPlan}/submit`,
        token: world.tokens[actor],
        payload: {},
      }),
    { anonymous: 401, viewer: 403, own: 201, other: 403, city: 403 },
  ],
  [
    'POST /api/scenarios/:id/merge',
    async (world, actor) => {
      const current = await world.server.request({
        method: 'GET',
        url: `/api/scenarios/${world.cityPlan}`,
        token: world.tokens.city,
      });
      return world.server.request({
        method: 'POST',
        url: `/api/scenarios/${world.cityPlan}/merge`,
        token: world.tokens[actor],
        headers: { 'if-match': `"${current.json().revision}"` },
        payload: { submissionIds: [world.submissionId] },
      });
    },
    { anonymous: 401, viewer: 403, own: 403, other: 403, city: 200 },
  ],
  [
    'POST /api/logout',
    async (world, actor) => {
      const token = actor === 'anonymous' ? undefined : await world.server.login(USER_OF[actor]);
      return world.server.request({ method: 'POST', url: '/api/logout', token });
    },
    all(204),
  ],
];

for (const engine of await enginesUnderTest()) {
  describe(`role × endpoint × district on ${engine}`, () => {
    let opened: OpenedDatabase;
    const world = {} as World;

    beforeAll(async () => {
      opened = await openTestDatabase(engine);
      world.server = await startTestServer(opened.database);
      await addUsers(opened.database, [
        ['viewer1', 'viewer'],
        ['pudong1', 'district', PUDONG],
        ['huangpu1', 'district', HUANGPU],
        ['city1', 'city'],
      ]);
      world.tokens = { anonymous: undefined } as World['tokens'];
      for (const actor of ACTORS)
        if (actor !== 'anonymous') world.tokens[actor] = await world.server.login(USER_OF[actor]);
      const created = await world.server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: world.tokens.city,
        payload: { name: 'city plan' },
      });
      world.cityPlan = created.json().id;
      const seeded = await editAs(
        world.server,
        world.tokens.city!,
        world.tokens.city,
        world.cityPlan,
        (scenario) =>
          [
            candidate('seed-pudong', pointIn(PUDONG)),
            candidate('seed-pudong-2', pointIn(PUDONG, 80)),
            candidate('seed-huangpu', pointIn(HUANGPU)),
          ].reduce(withAdded, scenario),
      );
      expect(seeded.statusCode).toBe(200);
      const plan = await world.server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: world.tokens.own,
        payload: { name: 'Pudong plan' },
      });
      world.pudongPlan = plan.json().id;
      const edited = await editAs(
        world.server,
        world.tokens.own!,
        world.tokens.own,
        world.pudongPlan,
        (scenario) => withAdded(scenario, candidate('pudong-1', pointIn(PUDONG, 500))),
      );
      expect(edited.statusCode).toBe(200);
      const submitted = await world.server.request({
        method: 'POST',
        url: `/api/scenarios/${world.pudongPlan}/submit`,
        token: world.tokens.own,
        payload: {},
      });
      world.submissionId = submitted.json().id;
    }, 300_000);

    afterAll(async () => {
      await world.server?.close();
      await opened?.database.close();
      await opened?.dispose();
    });

    it.each(CASES)('%s', async (_name, run, expected) => {
      const seen: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) seen[actor] = (await run(world, actor)).statusCode;
      expect(seen).toEqual(expected);
    });

    it('covers every route the server has', () => {
      const routeOf = (name: string) => name.match(/^[A-Z]+ \/api\/[^\s]*/)![0].replace(/:$/, '');
      expect(new Set(CASES.map(([name]) => routeOf(name)))).toEqual(new Set(routesOf(world.server.app)));
    });

    it('leaves the district plan holding only what its rights allowed', async () => {
      const response = await world.server.request({
        method: 'GET',
        url: `/api/scenarios/${world.cityPlan}`,
        token: world.tokens.city,
      });
      const ids = response
        .json()
        .scenario.addedSites.map((site: { properties: { id: string } }) => site.properties.id);
      expect(ids).toContain('added-by-own');
      expect(ids).toContain('added-by-city');
      expect(ids).not.toContain('added-by-other');
      expect(ids).not.toContain('added-by-viewer');
    });
  });
}
