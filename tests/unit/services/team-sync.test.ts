/**
 * Two planners' apps (two stores, each with its own sync) against a real team server on loopback:
 * edits travel both ways through the stores' one door, edits to different sites merge by themselves,
 * a site both changed opens a conflict that the planner settles, and edits made while the server is
 * unreachable go out when it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import type { SiteFeature } from '../../../src/domain/types';
import { TeamClient } from '../../../src/services/team-client';
import type { SyncLink, SyncReport, TeamSync } from '../../../src/services/team-sync';
import { syncOpenScenario } from '../../../src/services/team-sync-store';
import { type AppStore, createAppStore } from '../../../src/state/store';
import { candidate } from '../support/server/scenario-edits';
import {
  addUsers,
  type OpenedDatabase,
  openTestDatabase,
  PASSWORD,
  pointIn,
  startTestServer,
  type TestServer,
} from '../support/server/server-harness';

const PORT = 4255;
const SERVER = `http://127.0.0.1:${PORT}`;
const PUDONG = '310115';

// A wait, not a bound: it ends as soon as the condition holds. Long enough for a loaded CI machine.
async function until(condition: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Planner {
  store: AppStore;
  sync: TeamSync;
  reports: SyncReport[];
  online: { value: boolean };
  last(): SyncReport;
  scenario(): Scenario;
  sites(): string[];
}

async function planner(name: string, scenarioId: string): Promise<Planner> {
  const online = { value: true };
  const client = new TeamClient(SERVER, {
    credentials: 'bearer',
    // The network cable: while unplugged, requests fail the way fetch fails offline.
    fetch: (input, init) =>
      online.value ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')),
  });
  await client.login(name, PASSWORD);
  const shared = await client.getScenario(scenarioId);
  if (shared === 'unchanged') throw new Error('unexpected 304');
  const store = createAppStore();
  store.getState().openScenario(shared.scenario);
  const reports: SyncReport[] = [];
  const link: SyncLink = { serverUrl: SERVER, scenarioId, revision: shared.revision, base: shared.scenario };
  const sync = syncOpenScenario(store, client, link, {
    pollMs: 200,
    pushDelayMs: 20,
    maxRetryMs: 200,
    saveLink: () => undefined,
    report: (report) => reports.push(report),
  });
  const scenario = () => store.getState().session!.scenario;
  return {
    store,
    sync,
    reports,
    online,
    last: () => reports.at(-1)!,
    scenario,
    sites: () => scenario().addedSites.map((site) => site.properties.id),
  };
}

const add = (who: Planner, site: SiteFeature) =>
  who.store.getState().editScenario({ kind: 'change', change: { type: 'putSites', sites: [site] } });
const move = (who: Planner, id: string, coordinates: [number, number]) =>
  who.store
    .getState()
    .editScenario({ kind: 'change', change: { type: 'moveSites', moves: [{ id, coordinates }] } });
const positionOf = (who: Planner, id: string) =>
  who.scenario().addedSites.find((site) => site.properties.id === id)?.geometry.coordinates;

describe('team sync between two planners', () => {
  let opened: OpenedDatabase;
  let server: TestServer;
  let scenarioId: string;
  let city: Planner;
  let pudong: Planner;

  beforeAll(async () => {
    opened = await openTestDatabase('pglite');
    server = await startTestServer(opened.database);
    await server.app.listen({ host: '127.0.0.1', port: PORT });
    await addUsers(opened.database, [
      ['city1', 'city'],
      ['pudong1', 'district', PUDONG],
    ]);
    const token = await server.login('city1');
    scenarioId = (
      await server.request({ method: 'POST', url: '/api/scenarios', token, payload: { name: 'shared' } })
    ).json().id;
    city = await planner('city1', scenarioId);
    pudong = await planner('pudong1', scenarioId);
  }, 300_000);

  afterAll(async () => {
    city?.sync.stop();
    pudong?.sync.stop();
    await server?.close();
    await opened?.database.close();
  });

  it('carries one planner’s edit to the other, without an undo step there', async () => {
    add(pudong, candidate('p1', pointIn(PUDONG)));
    await until(() => city.sites().includes('p1'), 'the city to see p1');
    expect(city.store.getState().session!.undoStack).toHaveLength(0);
    await until(
      () => pudong.last().pendingChanges === 0 && pudong.last().status === 'connected',
      'pudong to be in step',
    );
  });

  it('merges edits of different sites made at the same time', async () => {
    add(pudong, candidate('p2', pointIn(PUDONG, 100)));
    add(city, candidate('c1', pointIn('310104')));
    await until(() => city.sites().includes('p2') && pudong.sites().includes('c1'), 'both to see both');
    await until(
      () => city.last().pendingChanges === 0 && pudong.last().pendingChanges === 0,
      'nothing pending',
    );
    expect(new Set(city.sites())).toEqual(new Set(pudong.sites()));
  });

  it('asks about a site both moved, and lands the planner’s choice on both sides', async () => {
    city.online.value = false;
    move(city, 'p1', pointIn(PUDONG, 200));
    await until(() => city.last().status === 'offline', 'the city offline');
    move(pudong, 'p1', pointIn(PUDONG, 300));
    await until(() => pudong.last().pendingChanges === 0, 'pudong’s move to land');
    city.online.value = true;
    await city.sync.syncNow();
    await until(() => city.last().conflict !== null, 'a conflict');
    const conflict = city.last().conflict!;
    expect(conflict.conflicts.map((entry) => entry.key)).toEqual(['p1']);
    expect(conflict.conflicts[0]).toMatchObject({ mine: { moved: 1 }, theirs: { moved: 1 } });
    expect(conflict.theirAuthors).toEqual(['pudong1']);
    await city.sync.resolveConflict(new Map([['p1', 'mine']]));
    await until(
      () => JSON.stringify(positionOf(pudong, 'p1')) === JSON.stringify(pointIn(PUDONG, 200)),
      'pudong to get the city’s choice',
    );
    expect(city.last().conflict).toBeNull();
  });

  it('keeps edits made offline and sends them when the server is reachable again', async () => {
    pudong.online.value = false;
    for (let index = 0; index < 5; index++)
      add(pudong, candidate(`offline-${index}`, pointIn(PUDONG, 400 + 20 * index)));
    await until(() => pudong.last().status === 'offline', 'pudong offline');
    expect(pudong.last().pendingChanges).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(city.sites().some((id) => id.startsWith('offline-'))).toBe(false);
    pudong.online.value = true;
    await until(
      () => city.sites().filter((id) => id.startsWith('offline-')).length === 5,
      'the offline edits to arrive',
    );
    await until(
      () => pudong.last().status === 'connected' && pudong.last().pendingChanges === 0,
      'pudong in step',
    );
  });

  it('holds back sites the server refuses, and takes them back on request', async () => {
    add(pudong, candidate('over-the-border', pointIn('310101')));
    await until(() => pudong.last().refused !== null, 'the refusal');
    expect(pudong.last().refused).toMatchObject({
      reason: 'sitesOutsideDistrict',
      siteIds: ['over-the-border'],
    });
    await pudong.sync.revertRefused();
    expect(pudong.sites()).not.toContain('over-the-border');
    await until(
      () => pudong.last().refused === null && pudong.last().pendingChanges === 0,
      'pudong clean again',
    );
    const history = (
      await server.request({
        method: 'GET',
        url: `/api/scenarios/${scenarioId}/history`,
        token: await server.login('city1'),
      })
    ).json();
    expect(history.every((entry: { author: string }) => ['city1', 'pudong1'].includes(entry.author))).toBe(
      true,
    );
  });
});
