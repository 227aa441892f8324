/**
 * Revisions on both engines: a stale write is refused with the current revision, history records who
 * did what, any revision can be read and restored, and 20 concurrent writers retrying on 409 all land.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { applyDelta } from '../../../src/domain/sync/apply-delta';
import {
  candidate,
  editAs,
  putScenario,
  readScenario,
  withAdded,
  withMoved,
} from '../support/server/scenario-edits';
import {
  addUsers,
  enginesUnderTest,
  type OpenedDatabase,
  openTestDatabase,
  pointIn,
  startTestServer,
  type TestServer,
} from '../support/server/server-harness';

const PUDONG = '310115';
const HUANGPU = '310101';
const ids = (scenario: Scenario) => scenario.addedSites.map((site) => site.properties.id);
const withoutTimes = ({ updatedAt: _updated, createdAt: _created, ...rest }: Scenario) => rest;

for (const engine of await enginesUnderTest()) {
  describe(`revisions on ${engine}`, () => {
    let opened: OpenedDatabase;
    let server: TestServer;
    const tokens: Record<string, string> = {};

    async function newScenario(name: string): Promise<string> {
      const response = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: tokens.city1,
        payload: { name },
      });
      expect(response.statusCode).toBe(201);
      return response.json().id;
    }

    beforeAll(async () => {
      opened = await openTestDatabase(engine);
      server = await startTestServer(opened.database);
      await addUsers(opened.database, [
        ['city1', 'city'],
        ['city2', 'city'],
        ['pudong1', 'district', PUDONG],
        ['huangpu1', 'district', HUANGPU],
      ]);
      for (const name of ['city1', 'city2', 'pudong1', 'huangpu1']) tokens[name] = await server.login(name);
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      await opened?.database.close();
      await opened?.dispose();
    });

    it('refuses a write based on a stale revision, answering the current one, and keeps the first write', async () => {
      const id = await newScenario('stale');
      const mine = await readScenario(server, tokens.city1!, id);
      const theirs = await readScenario(server, tokens.city2!, id);
      const first = await putScenario(
        server,
        tokens.city2,
        withAdded(theirs.scenario, candidate('theirs', pointIn(PUDONG))),
        theirs.revision,
      );
      expect(first.statusCode).toBe(200);
      expect(first.json().revision).toBe(2);
      const stale = await putScenario(
        server,
        tokens.city1,
        withAdded(mine.scenario, candidate('mine', pointIn(PUDONG, 50))),
        mine.revision,
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'staleRevision', revision: 2 });
      expect(stale.headers.etag).toBe('"2"');
      expect(ids((await readScenario(server, tokens.city1!, id)).scenario)).toEqual(['theirs']);
    });

    it('asks for If-Match (428) and answers 304 to a client that already has the revision', async () => {
      const id = await newScenario('headers');
      const { scenario } = await readScenario(server, tokens.city1!, id);
      const unnamed = await server.request({
        method: 'PUT',
        url: `/api/scenarios/${id}`,
        token: tokens.city1,
        payload: scenario,
      });
      expect(unnamed.statusCode).toBe(428);
      const unchanged = await server.request({
        method: 'GET',
        url: `/api/scenarios/${id}`,
        token: tokens.city1,
        headers: { 'if-none-match': '"1"' },
      });
      expect(unchanged.statusCode).toBe(304);
      const same = await putScenario(server, tokens.city1, scenario, 1);
      expect(same.json()).toEqual({ revision: 1, changed: false });
    });

    it('records author, time and summary of every revision, oldest first, and rebuilds any revision exactly', async () => {
      const id = await newScenario('history');
      const started = Date.now();
      const versions: Scenario[] = [(await readScenario(server, tokens.city1!, id)).scenario];
      await editAs(server, tokens.city1!, tokens.pudong1, id, (scenario) =>
        withAdded(scenario, candidate('p1', pointIn(PUDONG))),
      );
      await editAs(server, tokens.city1!, tokens.huangpu1, id, (scenario) =>
        withAdded(scenario, candidate('h1', pointIn(HUANGPU))),
      );
      await editAs(server, tokens.city1!, tokens.pudong1, id, (scenario) =>
        withMoved(scenario, 'p1', pointIn(PUDONG, 80)),
      );
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) => ({
        ...scenario,
        addedSites: scenario.addedSites.filter((site) => site.properties.id !== 'p1'),
      }));
      await editAs(server, tokens.city1!, tokens.city2, id, (scenario) => ({
        ...scenario,
        name: 'history, renamed',
      }));
      const history = (
        await server.request({ method: 'GET', url: `/api/scenarios/${id}/history`, token: tokens.city1 })
      ).json();
      expect(history.map((entry: { revision: number }) => entry.revision)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(history.map((entry: { author: string }) => entry.author)).toEqual([
        'city1',
        'pudong1',
        'huangpu1',
        'pudong1',
        'city1',
        'city2',
      ]);
      expect(history.map((entry: { summary: string }) => entry.summary)).toEqual([
        'no change',
        '1 added',
        '1 added',
        '1 moved',
        '1 deleted',
        'renamed',
      ]);
      for (const entry of history) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 5_000);
      for (let revision = 1; revision <= 6; revision++) {
        const response = await server.request({
          method: 'GET',
          url: `/api/scenarios/${id}/revisions/${revision}`,
          token: tokens.city1,
        });
        versions[revision] = response.json().scenario;
      }
      expect(ids(versions[2]!)).toEqual(['p1']);
      expect(ids(versions[3]!)).toEqual(['p1', 'h1']);
      expect(versions[4]!.addedSites[0]!.geometry.coordinates).toEqual(pointIn(PUDONG, 80));
      expect(ids(versions[5]!)).toEqual(['h1']);
      expect(versions[6]!.name).toBe('history, renamed');
    });

    it('restores a revision as a new revision, leaving history as it was', async () => {
      const id = await newScenario('restore');
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) =>
        withAdded(scenario, candidate('a', pointIn(PUDONG))),
      );
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) =>
        withAdded(scenario, candidate('b', pointIn(PUDONG, 60))),
      );
      const restore = await server.request({
        method: 'POST',
        url: `/api/scenarios/${id}/restore`,
        token: tokens.city1,
        headers: { 'if-match': '"3"' },
        payload: { revision: 2 },
      });
      expect(restore.json()).toEqual({ revision: 4, changed: true });
      const current = await readScenario(server, tokens.city1!, id);
      const second = (
        await server.request({ method: 'GET', url: `/api/scenarios/${id}/revisions/2`, token: tokens.city1 })
      ).json().scenario;
      expect(withoutTimes(current.scenario)).toEqual(withoutTimes(second));
      const history = (
        await server.request({ method: 'GET', url: `/api/scenarios/${id}/history`, token: tokens.city1 })
      ).json();
      expect(history.at(-1)).toMatchObject({
        revision: 4,
        kind: 'restore',
        summary: '1 deleted',
        detail: { restoredRevision: 2 },
      });
      expect(history).toHaveLength(4);
    });

    it('hands a client the changes since its revision, which bring its copy up to date', async () => {
      const id = await newScenario('catch up');
      const old = await readScenario(server, tokens.city1!, id);
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) =>
        withAdded(scenario, candidate('x', pointIn(PUDONG))),
      );
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) =>
        withAdded(scenario, candidate('y', pointIn(PUDONG, 40))),
      );
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) => ({
        ...scenario,
        addedSites: scenario.addedSites.slice(1),
      }));
      await editAs(server, tokens.city1!, tokens.city1, id, (scenario) => ({
        ...scenario,
        addedSites: [candidate('x', pointIn(PUDONG)), ...scenario.addedSites],
      }));
      const changes = (
        await server.request({
          method: 'GET',
          url: `/api/scenarios/${id}/changes?since=${old.revision}`,
          token: tokens.city1,
        })
      ).json();
      expect(changes.revision).toBe(5);
      let copy = old.scenario;
      for (const entry of changes.revisions) copy = applyDelta(copy, entry.delta);
      const current = await readScenario(server, tokens.city1!, id);
      expect(withoutTimes(copy)).toEqual(withoutTimes(current.scenario));
      // A site put back before another keeps its place when the scenario is read from the rows again.
      expect(ids(current.scenario)).toEqual(['x', 'y']);
    });

    it('loses no update: 20 concurrent writers, each retrying on 409, all land', async () => {
      const id = await newScenario('twenty writers');
      const writers = Array.from({ length: 20 }, (_, index) => {
        const user = ['city1', 'city2', 'pudong1', 'huangpu1'][index % 4]!;
        const district = user === 'huangpu1' ? HUANGPU : PUDONG;
        return { user, site: candidate(`writer-${index}`, pointIn(district, 30 * index)) };
      });
      const attempts: number[] = [];
      await Promise.all(
        writers.map(async ({ user, site }) => {
          for (let attempt = 1; attempt <= 100; attempt++) {
            const current = await readScenario(server, tokens[user]!, id);
            const response = await putScenario(
              server,
              tokens[user],
              withAdded(current.scenario, site),
              current.revision,
            );
            if (response.statusCode === 200) {
              attempts.push(attempt);
              return;
            }
            expect(response.statusCode).toBe(409);
          }
          throw new Error(`${site.properties.id} never landed`);
        }),
      );
      const final = await readScenario(server, tokens.city1!, id);
      expect(final.revision).toBe(21);
      expect(new Set(ids(final.scenario))).toEqual(
        new Set(writers.map((writer) => writer.site.properties.id)),
      );
      const history = (
        await server.request({ method: 'GET', url: `/api/scenarios/${id}/history`, token: tokens.city1 })
      ).json();
      expect(history.slice(1).every((entry: { summary: string }) => entry.summary === '1 added')).toBe(true);
      // They really did collide: some writer needed more than one attempt.
      expect(Math.max(...attempts)).toBeGreaterThan(1);
    }, 300_000);
  });
}
