/**
 * What the app does with the planner's work in the browser's real IndexedDB when the going gets rough:
 * two tabs editing one scenario, a disk that fills up, and damaged records beside good ones.
 */
import type { BrowserContext } from '@playwright/test';
import { expect, PlannerDriver, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';
import {
  probeWriteFails,
  readStored,
  scenarioRecord,
  setQuota,
  siteRecord,
  usageBytes,
  writeRaw,
} from './drivers/storage-driver';

// People's Square at zoom 15: room for a few sites ~100 m apart on screen.
const PLACE = { longitude: 121.4737, latitude: 31.2304 };

const openScenarioId = (workflow: PlannerWorkflow) =>
  workflow.page.evaluate(() => window.__e2e!.state().session!.scenario.id);

/** Ids of the added sites stored for a scenario. */
async function storedIds(workflow: PlannerWorkflow, scenarioId: string): Promise<string[]> {
  const stored = await readStored(workflow.page);
  return stored.scenarios.find((scenario) => scenario.key === scenarioId)?.addedIds ?? [];
}

test('two tabs editing one scenario keep both tabs’ sites, also past 2,000 sites', async ({
  planner,
  context,
}) => {
  test.setTimeout(420_000);
  const first = new PlannerWorkflow(planner);
  await first.open(15, PLACE.latitude, PLACE.longitude);
  const scenarioId = await openScenarioId(first);
  await expect.poll(async () => (await readStored(first.page)).scenarios.length).toBe(1);

  const secondDriver = new PlannerDriver(await context.newPage());
  const second = new PlannerWorkflow(secondDriver);
  await second.open(15, PLACE.latitude, PLACE.longitude);
  expect(await openScenarioId(second)).toBe(scenarioId);

  await first.press('a');
  const fromFirst = await first.addSiteAt(PLACE.longitude - 0.002, PLACE.latitude + 0.001, true);
  await expect.poll(() => storedIds(first, scenarioId)).toContain(fromFirst);

  await second.press('a');
  const fromSecond = await second.addSiteAt(PLACE.longitude + 0.002, PLACE.latitude - 0.001, true);
  // Both sites are kept in storage, and each tab shows the other's site without a reload.
  await expect
    .poll(() => storedIds(second, scenarioId))
    .toEqual(expect.arrayContaining([fromFirst, fromSecond]));
  await expect
    .poll(async () => (await first.scenario()).added.map((site) => site.id))
    .toEqual(expect.arrayContaining([fromFirst, fromSecond]));
  expect((await second.scenario()).added.map((site) => site.id)).toContain(fromFirst);

  // Past 2,000 sites the lists are stored in chunks: the second tab's edit must not mix or drop them.
  await first.page.evaluate(() => window.__e2e!.planner!.addGeneratedCandidates(3000));
  await expect.poll(async () => (await storedIds(first, scenarioId)).length, { timeout: 30_000 }).toBe(3002);
  await expect.poll(async () => (await second.scenario()).added.length, { timeout: 30_000 }).toBe(3002);
  const lastFromSecond = await second.addSiteAt(PLACE.longitude, PLACE.latitude + 0.002, true);
  await expect.poll(async () => (await storedIds(second, scenarioId)).length, { timeout: 30_000 }).toBe(3003);

  // A third tab opens the scenario whole: nothing set aside, nothing lost.
  const thirdDriver = new PlannerDriver(await context.newPage());
  const third = new PlannerWorkflow(thirdDriver);
  await third.open(15, PLACE.latitude, PLACE.longitude);
  const opened = (await third.scenario()).added.map((site) => site.id);
  expect(opened).toHaveLength(3003);
  expect(opened).toEqual(expect.arrayContaining([fromFirst, fromSecond, lastFromSecond]));
  expect((await readStored(third.page)).quarantineCount).toBe(0);
  for (const driver of [planner, secondDriver, thirdDriver]) expect(driver.consoleErrors).toEqual([]);
});

/** Opens a scenario, fills the disk (no room at all) and adds 5,000+ sites: the save must fail. */
async function fullDiskWithNewSites(planner: PlannerDriver, context: BrowserContext) {
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(12, PLACE.latitude, PLACE.longitude);
  const scenarioId = await openScenarioId(workflow);
  await expect.poll(async () => (await readStored(workflow.page)).scenarios.length).toBe(1);
  const page = workflow.page;
  await workflow.openPanel();
  // The browser is asked to keep the data, and the panel says how much space it uses.
  await expect(page.getByTestId('storage-space')).toContainText(/已用 [\d.]+ (KB|MB)/);

  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const alert = page.getByRole('alert').filter({ hasText: '未能保存' });
  /** No room at all: a quota below what is used, in force for large and small writes alike. */
  const fillDisk = async () => {
    // LevelDB compresses what IndexedDB writes, so thousands of generated sites fit in a few tens of
    // kilobytes: any margin left lets the save succeed.
    await setQuota(cdp, origin, Math.floor((await usageBytes(page)) / 2));
    // The override reaches the page's storage a moment after the call returns; and Chromium keeps a
    // cached figure of the room left, letting writes under it through: wait until both sizes fail.
    await expect.poll(() => probeWriteFails(page, 200_000)).toBe(true);
    await expect.poll(() => probeWriteFails(page, 2_000)).toBe(true);
  };
  await fillDisk();
  await page.evaluate(() => window.__e2e!.planner!.addGeneratedCandidates(5000));
  // Even so, Chromium let the app's write through on some runs (3 of 7 on 2026-12-04): the disk is
  // filled again and more sites added until a save is refused, which is the state under test.
  for (let more = 0; more < 4; more++) {
    const refused = await alert
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (refused) break;
    await fillDisk();
    await page.evaluate(() => window.__e2e!.planner!.addGeneratedCandidates(1000));
  }
  const siteCount = (await workflow.scenario()).added.length;
  return { workflow, page, scenarioId, cdp, origin, alert, siteCount };
}

test('a full disk: the failed save is said at once and until a save succeeds; export offered; nothing lost', async ({
  planner,
  context,
}) => {
  test.setTimeout(300_000);
  const { workflow, page, alert, siteCount } = await fullDiskWithNewSites(planner, context);
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('存储空间');
  await expect(page.getByText('所有修改自动保存在本机浏览器中')).toHaveCount(0);
  // It keeps saying so: a later edit fails again and the alert stays.
  await workflow.press('Control+z');
  await workflow.press('Control+Shift+z');
  await page.waitForTimeout(2500);
  await expect(alert).toBeVisible();

  // The scenario file holds the work the browser could not keep.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: '导出方案文件' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(siteCount).toBeGreaterThanOrEqual(5000);
  expect(exported.scenario.addedSites).toHaveLength(siteCount);
  expect((await workflow.scenario()).added).toHaveLength(siteCount);
  expect(planner.consoleErrors).toEqual([]);
});

test('a full disk, then room again: one retry saves all 5,000 sites, the alert goes, a reload has them', async ({
  planner,
  context,
}) => {
  test.setTimeout(420_000);
  const { workflow, page, scenarioId, cdp, origin, alert, siteCount } = await fullDiskWithNewSites(
    planner,
    context,
  );
  const failedSaves: number[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && /^saving “.*” failed/.test(message.text()))
      failedSaves.push(Date.now());
  });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  // Autosave retries on its own after 3, 6, 12, 24 s…, and a write that hangs (Chromium left some
  // unsettled under the quota: the defect that kept 未能保存 up after room returned) counts as failed
  // after 30 s. After three more failures the next retry is 24 s away, so the press below is what saves.
  await expect.poll(() => failedSaves.length, { timeout: 150_000 }).toBeGreaterThanOrEqual(3);
  await setQuota(cdp, origin, null);
  await expect.poll(() => probeWriteFails(page, 200_000)).toBe(false);
  await alert.getByRole('button', { name: '重试' }).click({ timeout: 10_000 });
  await expect(alert).toHaveCount(0, { timeout: 60_000 });
  await expect
    .poll(async () => (await storedIds(workflow, scenarioId)).length, { timeout: 20_000 })
    .toBe(siteCount);
  await page.reload();
  await workflow.whenReady();
  expect((await workflow.scenario()).added).toHaveLength(siteCount);
  expect(planner.consoleErrors).toEqual([]);
});

test('damaged records beside good ones: each fails alone, the intact part comes back, export always works', async ({
  planner,
}) => {
  test.setTimeout(300_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(12, PLACE.latitude, PLACE.longitude);
  const page = workflow.page;
  await expect.poll(async () => (await readStored(page)).scenarios.length).toBe(1);

  const sites = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) =>
      siteRecord(`${prefix}-${index}`, 121.3 + (index % 90) * 0.004, 31.1 + Math.floor(index / 90) * 0.004),
    );
  const holed = sites('H', 4500);
  const oneBad = sites('B', 3);
  (oneBad[1] as { geometry: { coordinates: number[] } }).geometry.coordinates = [121.5, 999];
  const withBigInt = sites('N', 2);
  (withBigInt[0] as { properties: Record<string, unknown> }).properties.heightM = 'bigint:25';
  await writeRaw(page, [
    { store: 'scenarios', key: 'good', value: scenarioRecord('good', '完好方案', sites('G', 2)) },
    {
      store: 'scenarios',
      key: 'huge',
      value: { ...scenarioRecord('huge', '声称十亿站点', []), chunkedLists: { addedSites: { count: 1e9 } } },
    },
    {
      store: 'scenarios',
      key: 'holed',
      value: { ...scenarioRecord('holed', '缺块方案', []), chunkedLists: { addedSites: { count: 4500 } } },
    },
    { store: 'siteChunks', key: ['holed', 'addedSites', 0], value: holed.slice(0, 2000) },
    // Chunk 1 (sites 2,000–3,999) is missing.
    { store: 'siteChunks', key: ['holed', 'addedSites', 2], value: holed.slice(4000) },
    { store: 'scenarios', key: 'one-bad', value: scenarioRecord('one-bad', '一个坏站点', oneBad) },
    { store: 'scenarios', key: 'bigint', value: scenarioRecord('bigint', '大整数', withBigInt) },
    { store: 'meta', key: 'lastOpenScenarioId', value: 'good' },
  ]);
  await page.reload();
  await workflow.whenReady();

  // The good scenario opens; the damaged ones come back with what could be read.
  expect((await workflow.scenario()).name).toBe('完好方案');
  await workflow.openPanel();
  const switcher = page.locator('#planner-scenario-switch');
  for (const name of ['完好方案', '声称十亿站点', '缺块方案', '一个坏站点', '大整数']) {
    await expect(switcher.locator('option', { hasText: name })).toHaveCount(1);
  }
  const notice = page.getByTestId('storage-recovered');
  await expect(notice).toContainText('缺块方案');
  await expect(notice).toContainText('「缺块方案」：4,500 个新增站点中 2,000 个无法读取');
  await expect(notice).toContainText('1,000,000,000 个新增站点中 1,000,000,000 个无法读取');
  await expect(notice).toContainText('一个坏站点');
  const byName = async (name: string) => {
    await switcher.selectOption({ label: name });
    await expect.poll(async () => (await workflow.scenario()).name).toBe(name);
    return (await workflow.scenario()).added.map((site) => site.id);
  };
  expect(await byName('缺块方案')).toEqual(
    [...holed.slice(0, 2000), ...holed.slice(4000)].map(
      (site) => (site as { properties: { id: string } }).properties.id,
    ),
  );
  expect(await byName('一个坏站点')).toEqual(['B-0', 'B-2']);
  expect(await byName('大整数')).toEqual(['N-1']);

  // Every original is kept aside, and the export gives a file even for a value JSON cannot hold.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出隔离数据' }).click();
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  const keys = exported.entries.map((entry: { sourceKey: string }) => entry.sourceKey).sort();
  expect(keys).toEqual(['bigint', 'holed', 'huge', 'one-bad']);
  expect(JSON.stringify(exported)).toContain('25');

  // Saving still works after all this.
  await byName('完好方案');
  await workflow.jumpTo(15, PLACE.latitude, PLACE.longitude);
  await workflow.press('a');
  const added = await workflow.addSiteAt(PLACE.longitude, PLACE.latitude, true);
  await expect.poll(() => storedIds(workflow, 'good')).toContain(added);
  await page.reload();
  await workflow.whenReady();
  expect((await workflow.scenario()).added.map((site) => site.id)).toContain(added);
  expect(planner.consoleErrors).toEqual([]);
});
