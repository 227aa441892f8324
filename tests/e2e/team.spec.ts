/**
 * Two planners on one shared scenario through a real team server: a district planner (Pudong) and a
 * city planner, each in their own browser context signed in through the Team tab. One edits and the
 * other sees it after sync; a conflict shows its dialog and resolves; offline edits go out on
 * reconnect and nothing is lost.
 */
import type { Browser, BrowserContext } from '@playwright/test';
import { loadDistricts } from '../../src/server/geo/geography';
import { expect, PlannerDriver, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';
import {
  createSharedScenario,
  type RunningTeamServer,
  startTeamServer,
  TeamPanel,
} from './drivers/team-driver';

const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const TEAM_PORT = APP_PORT + 3;
const PUDONG = '310115';
// Century Park, Pudong: sites placed around it lie in the district planner's own district.
const PLACE = { longitude: 121.5445, latitude: 31.2185 };
const SCENARIO = '城市方案（共享）';

interface Planner {
  context: BrowserContext;
  workflow: PlannerWorkflow;
  team: TeamPanel;
}

let server: RunningTeamServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const { districtOf } = loadDistricts();
  expect(districtOf(PLACE.longitude, PLACE.latitude)).toBe(PUDONG);
  server = await startTeamServer(TEAM_PORT, `http://127.0.0.1:${APP_PORT}`, [
    ['pudong1', 'district', PUDONG],
    ['city1', 'city'],
  ]);
  await createSharedScenario(server.url, 'city1', SCENARIO);
});

test.afterAll(async () => {
  await server?.stop();
});

async function signedIn(browser: Browser, user: string): Promise<Planner> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const workflow = new PlannerWorkflow(new PlannerDriver(await context.newPage()));
  await workflow.open(16, PLACE.latitude, PLACE.longitude);
  const team = new TeamPanel(workflow.page);
  await team.openTab();
  await team.connect(server.url);
  await team.signIn(user);
  await team.openShared(SCENARIO);
  await expect(team.status()).toHaveAttribute('data-state', 'connected');
  return { context, workflow, team };
}

const near = (dx: number, dy: number): [number, number] => [PLACE.longitude + dx, PLACE.latitude + dy];

test('two planners: edits travel, a conflict is settled in its dialog, offline edits arrive', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const district = await signedIn(browser, 'pudong1');
  const city = await signedIn(browser, 'city1');
  // The app talks to no host but its own and the configured team server.
  const hosts = new Set(district.workflow.planner.requests.map((url) => new URL(url).origin));
  expect(
    [...hosts].filter((origin) => ![`http://127.0.0.1:${APP_PORT}`, server.url].includes(origin)),
  ).toEqual([]);

  // 1. The district planner adds a site; the city planner sees it after sync, on the map too.
  await district.workflow.press('a');
  const added = await district.workflow.addSiteAt(...near(-0.001, 0.0005), true);
  await expect.poll(() => city.team.siteIds(), { timeout: 30_000 }).toContain(added);
  await expect
    .poll(() => city.workflow.page.evaluate(() => window.__e2e!.planner!.renderedPlannerSiteIds()), {
      timeout: 30_000,
    })
    .toContain(added);
  await expect(district.team.status()).toHaveAttribute('data-state', 'connected');

  // 2. A conflict: the city planner, offline, deletes the site; the district planner moves it meanwhile.
  await city.context.setOffline(true);
  await city.workflow.press('s');
  const site = (await city.team.sites()).find((entry) => entry.id === added)!;
  await city.workflow.planner.clickMapAt(site.coordinates[0]!, site.coordinates[1]!);
  await expect
    .poll(() => city.workflow.page.evaluate(() => window.__e2e!.state().selectedSiteIds))
    .toEqual([added]);
  await city.workflow.press('Delete');
  await expect.poll(() => city.team.siteIds()).not.toContain(added);
  await expect(city.team.status()).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await district.workflow.press('s');
  const target = await district.workflow.page.evaluate(
    ([lon, lat]) => window.__e2e!.project(lon, lat),
    near(0.0008, -0.0004),
  );
  await district.workflow.dragSiteTo(added, target);
  const moved = (await district.team.sites()).find((site) => site.id === added)!.coordinates;
  await expect(district.team.status()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await city.context.setOffline(false);
  const dialog = city.workflow.page.getByTestId('team-conflict');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog.locator(`tr[data-conflict-key="${added}"]`)).toContainText(/删除/);
  await expect(dialog.locator(`tr[data-conflict-key="${added}"]`)).toContainText(/移动/);
  await expect(dialog).toContainText('pudong1');
  await city.workflow.planner.saveScreenshot('team-conflict.png');
  await dialog.locator('[data-action="conflict-theirs"]').click();
  await expect(dialog).toBeHidden();
  // Taking theirs brings the moved site back on the city planner's side; both agree with the server.
  await expect
    .poll(async () => (await city.team.sites()).find((site) => site.id === added)?.coordinates)
    .toEqual(moved);
  await expect(city.team.status()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

  // 3. Offline and back: the district planner adds two sites with the network cut; nothing is lost.
  await district.context.setOffline(true);
  await district.workflow.press('a');
  const offline = [
    await district.workflow.addSiteAt(...near(0.0012, 0.0009), true),
    await district.workflow.addSiteAt(...near(-0.0013, -0.0008), true),
  ];
  await expect(district.team.status()).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(district.team.status()).toContainText('2');
  await district.context.setOffline(false);
  await expect
    .poll(() => city.team.siteIds(), { timeout: 60_000 })
    .toEqual(expect.arrayContaining([added, ...offline]));
  await expect(district.team.status()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  // A reload reads the scenario back from IndexedDB and the link; it stays in step with the server.
  await district.workflow.page.reload();
  await district.workflow.whenReady();
  await expect
    .poll(() => district.team.siteIds(), { timeout: 30_000 })
    .toEqual(expect.arrayContaining([added, ...offline]));
  await expect(district.team.status()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  // The browser logs each refused or cut request itself (the 401 before signing in, the offline tries):
  // those are the network's words, not the app's. The app logged no error.
  const appErrors = (planner: Planner) =>
    planner.workflow.planner.consoleErrors.filter((text) => !text.startsWith('Failed to load resource'));
  expect(appErrors(district)).toEqual([]);
  expect(appErrors(city)).toEqual([]);
  await district.context.close();
  await city.context.close();
});
