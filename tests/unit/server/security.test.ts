/**
 * The server's guards: failed sign-ins throttled (429), the session cookie HttpOnly and SameSite,
 * CORS only for the app's origin, bodies checked with the app's scenario schema within a size limit,
 * and an audit trail that nothing can rewrite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_FILE_FORMAT } from '../../../src/domain/export/scenario-file';
import { candidate, putScenario, readScenario, withAdded } from '../support/server/scenario-edits';
import {
  APP_ORIGIN,
  addUsers,
  enginesUnderTest,
  type OpenedDatabase,
  openTestDatabase,
  PASSWORD,
  pointIn,
  startTestServer,
  type TestServer,
} from '../support/server/server-harness';

const WINDOW_MS = 15 * 60_000;

for (const engine of await enginesUnderTest()) {
  describe(`guards on ${engine}`, () => {
    let opened: OpenedDatabase;
    let server: TestServer;
    let now = Date.parse('2026-06-01T08:00:00Z');
    let token: string;

    beforeAll(async () => {
      opened = await openTestDatabase(engine);
      server = await startTestServer(opened.database, {
        throttle: { maxFailures: 5, windowMs: WINDOW_MS, now: () => now },
        scenarioBodyLimitBytes: 256 * 1024,
      });
      await addUsers(opened.database, [
        ['city1', 'city'],
        ['guarded', 'viewer'],
        ['viewer2', 'viewer'],
      ]);
      token = await server.login('city1');
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      await opened?.database.close();
      await opened?.dispose();
    });

    const login = (name: string, password: string, remoteAddress = '127.0.0.1') =>
      server.app.inject({ method: 'POST', url: '/api/login', payload: { name, password }, remoteAddress });

    it('throttles repeated failed sign-ins with 429 and Retry-After, even for the right password, until the window passes', async () => {
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await login('guarded', 'wrong password')).statusCode).toBe(401);
      const throttled = await login('guarded', PASSWORD);
      expect(throttled.statusCode).toBe(429);
      expect(Number(throttled.headers['retry-after'])).toBe(WINDOW_MS / 1000);
      expect(throttled.json().error).toBe('tooManyAttempts');
      // Another name from the same address is not blocked by this name's failures.
      expect((await login('viewer2', PASSWORD)).statusCode).toBe(200);
      now += WINDOW_MS - 60_000;
      expect(Number((await login('guarded', PASSWORD)).headers['retry-after'])).toBe(60);
      now += 60_000;
      expect((await login('guarded', PASSWORD)).statusCode).toBe(200);
    });

    it('throttles one address trying many names', async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        expect((await login(`nobody-${attempt}`, 'guess', '10.9.8.7')).statusCode).toBe(401);
      }
      expect((await login('viewer2', PASSWORD, '10.9.8.7')).statusCode).toBe(429);
      expect((await login('viewer2', PASSWORD, '10.9.8.6')).statusCode).toBe(200);
      now += WINDOW_MS;
    }, 240_000);

    it('signs browsers in with an HttpOnly, SameSite=Strict cookie that works instead of the bearer token', async () => {
      const response = await login('city1', PASSWORD);
      const cookie = response.cookies.find((entry) => entry.name === 'planner_session')!;
      expect(cookie).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api',
        value: response.json().token,
      });
      const me = await server.app.inject({
        method: 'GET',
        url: '/api/me',
        cookies: { planner_session: cookie.value },
      });
      expect(me.json()).toMatchObject({ name: 'city1', role: 'city' });
      const bad = await server.request({ method: 'GET', url: '/api/me', token: 'not-a-token' });
      expect(bad.statusCode).toBe(401);
    });

    it('answers CORS for the app’s origin only, and refuses pages from other origins', async () => {
      const preflight = await server.app.inject({
        method: 'OPTIONS',
        url: '/api/scenarios',
        headers: {
          origin: APP_ORIGIN,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'if-match,content-type',
        },
      });
      expect(preflight.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
      expect(preflight.headers['access-control-allow-credentials']).toBe('true');
      const foreign = await server.request({
        method: 'GET',
        url: '/api/scenarios',
        token,
        headers: { origin: 'http://evil.example' },
      });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      const foreignPreflight = await server.app.inject({
        method: 'OPTIONS',
        url: '/api/scenarios',
        headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'PUT' },
      });
      expect(foreignPreflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('checks bodies with the app’s scenario schema and names the offending field', async () => {
      const created = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token,
        payload: { name: 'schema' },
      });
      const id = created.json().id;
      const { scenario, revision } = await readScenario(server, token, id);
      const bad = withAdded(scenario, candidate('tall', pointIn('310115'), { heightM: 5000 }));
      const refused = await putScenario(server, token, bad, revision);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().issues).toContainEqual(
        expect.objectContaining({ path: 'addedSites[0].properties.heightM', code: 'outOfRange' }),
      );
      const notASite = await putScenario(server, token, { ...scenario, addedSites: [42] } as never, revision);
      expect(notASite.json().issues).toContainEqual(
        expect.objectContaining({ path: 'addedSites[0]', code: 'notAFeature' }),
      );
      const notAPoint = withAdded(scenario, {
        ...candidate('x', pointIn('310115')),
        geometry: { type: 'Point', coordinates: [999, 31] },
      });
      expect((await putScenario(server, token, notAPoint, revision)).statusCode).toBe(422);
      const elsewhere = await putScenario(
        server,
        token,
        { ...scenario, baselineRef: { id: 'another-city' } },
        revision,
      );
      expect(elsewhere.json().error).toBe('otherBaseline');
      const wrongId = await server.request({
        method: 'PUT',
        url: `/api/scenarios/${id}`,
        token,
        headers: { 'if-match': `"${revision}"` },
        payload: { ...scenario, id: 'scn-other' },
      });
      expect(wrongId.json().error).toBe('idMismatch');
      expect((await readScenario(server, token, id)).revision).toBe(1);
    });

    it('refuses bodies over the size limit with 413', async () => {
      const created = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token,
        payload: { name: 'big' },
      });
      const { scenario, revision } = await readScenario(server, token, created.json().id);
      const many = Array.from({ length: 3000 }, (_, index) =>
        candidate(`big-${index}`, pointIn('310115', index % 50)),
      );
      const response = await putScenario(server, token, { ...scenario, addedSites: many }, revision);
      expect(response.statusCode).toBe(413);
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { name: 'x'.repeat(70_000), password: 'y' },
      });
      expect(login.statusCode).toBe(413);
    });

    it('creates a scenario from a scenario file as the app exports it', async () => {
      const created = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token,
        payload: { name: 'source' },
      });
      const { scenario } = await readScenario(server, token, created.json().id);
      const file = {
        format: SCENARIO_FILE_FORMAT,
        schemaVersion: scenario.schemaVersion,
        scenario: withAdded(scenario, candidate('from-file', pointIn('310104'))),
      };
      const posted = await server.request({ method: 'POST', url: '/api/scenarios', token, payload: file });
      expect(posted.statusCode).toBe(201);
      const copy = await readScenario(server, token, posted.json().id);
      expect(copy.scenario.id).not.toBe(scenario.id);
      expect(copy.scenario.addedSites.map((site) => site.properties.id)).toEqual(['from-file']);
    });

    it('keeps an audit trail the API cannot edit and the database refuses to rewrite', async () => {
      const audit = (await server.request({ method: 'GET', url: '/api/audit?limit=1000', token })).json();
      const actions = new Set(audit.map((entry: { action: string }) => entry.action));
      for (const action of ['user.add', 'login', 'login.failed', 'scenario.create'])
        expect(actions).toContain(action);
      for (const method of ['PUT', 'DELETE', 'POST'] as const) {
        expect((await server.request({ method, url: '/api/audit', token, payload: {} })).statusCode).toBe(
          404,
        );
      }
      await expect(opened.database.query("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(
        /append-only/,
      );
      await expect(opened.database.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(opened.database.query('DELETE FROM scenario_revisions')).rejects.toThrow(/append-only/);
      await expect(opened.database.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });

    it('stores neither passwords nor session tokens in the clear', async () => {
      const [user] = await opened.database.query<{ password_hash: string }>(
        "SELECT password_hash FROM users WHERE name = 'city1'",
      );
      // The harness hashes at a low cost (passwords.test.ts checks the production cost).
      expect(user!.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
      expect(user!.password_hash).not.toContain(PASSWORD);
      const sessions = await opened.database.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
      expect(sessions.map((row) => row.token_hash)).not.toContain(token);
    });
  });
}
