/**
 * District submissions end to end on both engines: two districts submit plans with sites facing each
 * other across their border; the city sees the submissions per district and the near pair, and merges
 * them into its plan, leaving one site out.
 */
import turfDistance from '@turf/distance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidate, editAs, readScenario, withAdded } from '../support/server/scenario-edits';
import {
  addUsers,
  enginesUnderTest,
  type OpenedDatabase,
  openTestDatabase,
  pointIn,
  startTestServer,
  type TestServer,
  testGeography,
} from '../support/server/server-harness';

const PUDONG = '310115';
const HUANGPU = '310101';

/** Two points 60 m either side of the Huangpu–Pudong border, found by walking east from Huangpu's easternmost site. */
function acrossTheBorder(): { huangpu: [number, number]; pudong: [number, number] } {
  const { baseline, districtOf } = testGeography();
  const inHuangpu = baseline.features.filter(
    (site) => districtOf(site.geometry.coordinates[0]!, site.geometry.coordinates[1]!) === HUANGPU,
  );
  const eastmost = inHuangpu.reduce((best, site) =>
    site.geometry.coordinates[0]! > best.geometry.coordinates[0]! ? site : best,
  );
  const [lon, lat] = eastmost.geometry.coordinates as [number, number];
  const metre = 1 / 95_000;
  for (let step = 0; step < 5000; step++) {
    const here = lon + step * 5 * metre;
    const district = districtOf(here, lat);
    if (district === PUDONG) return { huangpu: [here - 65 * metre, lat], pudong: [here + 55 * metre, lat] };
    if (district !== HUANGPU) break;
  }
  throw new Error('no Huangpu–Pudong border east of Huangpu’s easternmost site');
}

for (const engine of await enginesUnderTest()) {
  describe(`district submissions on ${engine}`, () => {
    let opened: OpenedDatabase;
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const border = acrossTheBorder();

    beforeAll(async () => {
      opened = await openTestDatabase(engine);
      server = await startTestServer(opened.database);
      await addUsers(opened.database, [
        ['city1', 'city'],
        ['pudong1', 'district', PUDONG],
        ['huangpu1', 'district', HUANGPU],
      ]);
      for (const name of ['city1', 'pudong1', 'huangpu1']) tokens[name] = await server.login(name);
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      await opened?.database.close();
      await opened?.dispose();
    });

    async function districtPlan(user: string, name: string, sites: ReturnType<typeof candidate>[]) {
      const created = await server.request({
        method: 'POST',
        url: '/api/scenarios',
        token: tokens[user],
        payload: { name },
      });
      const id = created.json().id as string;
      expect(created.json()).toMatchObject({ revision: 1 });
      for (const site of sites) {
        const response = await editAs(server, tokens.city1!, tokens[user], id, (scenario) =>
          withAdded(scenario, site),
        );
        expect(response.statusCode).toBe(200);
      }
      return id;
    }

    it('lists submissions per district, finds the near pair across the border, and merges into the city plan', async () => {
      expect(testGeography().districtOf(...border.huangpu)).toBe(HUANGPU);
      expect(testGeography().districtOf(...border.pudong)).toBe(PUDONG);
      const pudongPlan = await districtPlan('pudong1', '浦东区方案', [
        candidate('P-near', border.pudong),
        candidate('P-far', pointIn(PUDONG, 900)),
      ]);
      const huangpuPlan = await districtPlan('huangpu1', '黄浦区方案', [candidate('H-near', border.huangpu)]);
      // A city planner slips a Huangpu site into the Pudong plan: the merge must not take it as Pudong's.
      await editAs(server, tokens.city1!, tokens.city1, pudongPlan, (scenario) =>
        withAdded(scenario, candidate('stray', pointIn(HUANGPU, 300))),
      );
      for (const [user, plan] of [
        ['pudong1', pudongPlan],
        ['huangpu1', huangpuPlan],
      ] as const) {
        const submitted = await server.request({
          method: 'POST',
          url: `/api/scenarios/${plan}/submit`,
          token: tokens[user],
          payload: { note: `${user} v1` },
        });
        expect(submitted.statusCode).toBe(201);
      }

      const submissions = (
        await server.request({ method: 'GET', url: '/api/submissions', token: tokens.city1 })
      ).json();
      expect(submissions.map((entry: { district: string }) => entry.district).sort()).toEqual([
        HUANGPU,
        PUDONG,
      ]);
      const pudong = submissions.find((entry: { district: string }) => entry.district === PUDONG);
      expect(pudong).toMatchObject({
        scenarioId: pudongPlan,
        scenarioName: '浦东区方案',
        submittedBy: 'pudong1',
        revision: 4,
        counts: { added: 3 },
        merged: null,
      });

      const near = (
        await server.request({
          method: 'GET',
          url: '/api/submissions/near?distanceM=200',
          token: tokens.city1,
        })
      ).json();
      const pairs = near.pairs.map((pair: { first: { siteId: string }; second: { siteId: string } }) =>
        [pair.first.siteId, pair.second.siteId].sort().join('|'),
      );
      // 'stray' lies in Huangpu, in the Pudong plan: it is near nothing of Huangpu's plan, so one pair only.
      expect(pairs).toEqual(['H-near|P-near']);
      expect(near.pairs[0].distanceM).toBeCloseTo(
        turfDistance(border.huangpu, border.pudong, { units: 'meters' }),
        1,
      );
      const wider = (
        await server.request({
          method: 'GET',
          url: '/api/submissions/near?distanceM=50',
          token: tokens.city1,
        })
      ).json();
      expect(wider.pairs).toEqual([]);

      const city = (
        await server.request({
          method: 'POST',
          url: '/api/scenarios',
          token: tokens.city1,
          payload: { name: '市级方案' },
        })
      ).json().id;
      const merge = await server.request({
        method: 'POST',
        url: `/api/scenarios/${city}/merge`,
        token: tokens.city1,
        headers: { 'if-match': '"1"' },
        payload: {
          submissionIds: submissions.map((entry: { id: number }) => entry.id),
          leaveOut: ['H-near'],
        },
      });
      expect(merge.statusCode).toBe(200);
      expect(merge.json().revision).toBe(2);
      const report = merge.json().report;
      expect(report.find((entry: { district: string }) => entry.district === PUDONG)).toMatchObject({
        merged: 2,
        outsideDistrict: ['stray'],
        leftOut: [],
      });
      expect(report.find((entry: { district: string }) => entry.district === HUANGPU)).toMatchObject({
        merged: 0,
        leftOut: ['H-near'],
      });
      const merged = await readScenario(server, tokens.city1!, city);
      expect(merged.scenario.addedSites.map((site) => site.properties.id).sort()).toEqual([
        'P-far',
        'P-near',
      ]);
      const history = (
        await server.request({ method: 'GET', url: `/api/scenarios/${city}/history`, token: tokens.city1 })
      ).json();
      expect(history.at(-1)).toMatchObject({ kind: 'merge', author: 'city1', summary: '2 added' });
      const after = (
        await server.request({ method: 'GET', url: '/api/submissions', token: tokens.city1 })
      ).json();
      for (const entry of after) expect(entry.merged).toMatchObject({ into: city, revision: 2, by: 'city1' });
      // A stale merge is refused like any stale write.
      const stale = await server.request({
        method: 'POST',
        url: `/api/scenarios/${city}/merge`,
        token: tokens.city1,
        headers: { 'if-match': '"1"' },
        payload: { submissionIds: [pudong.id] },
      });
      expect(stale.statusCode).toBe(409);
    }, 300_000);
  });
}
