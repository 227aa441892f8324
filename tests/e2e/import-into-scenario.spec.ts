/**
 * What an import leaves in the scenario: a pole list that new sites snap to, and an operator's
 * existing sites that count as existing (not as added); both undo in one step, redo, and come back
 * after a reload from IndexedDB.
 */
import { expect, test } from './driver';
import { ImportWorkflow } from './drivers/import-driver';
import { PlannerWorkflow } from './drivers/planner-driver';

// Zhangjiang, Pudong: the nearest sample pole is ~700 m away, so any snap here is to an imported pole.
// A spot in 张江 with no sample pole within 300 m (checked by the first assertion below).
const POLE = { id: 'IMP-P1', longitude: 121.6, latitude: 31.21, heightM: 11 };
const POLES_CSV = [
  'id,lng,lat,height',
  `${POLE.id},${POLE.longitude},${POLE.latitude},${POLE.heightM}`,
  'IMP-P2,121.601,31.2105,12',
  'IMP-P3,121.599,31.2095,9',
].join('\n');

// Central Chongming: the nearest sample site is over a kilometre away, so these sites add coverage.
const SITE = { id: 'OP-E1', longitude: 121.4, latitude: 31.62 };
const EXISTING_CSV = [
  'id,name,lng,lat,height,band,kind',
  `${SITE.id},现网站一,${SITE.longitude},${SITE.latitude},30,n78,macro`,
  'OP-E2,现网站二,121.41,31.615,30,n78,macro',
  'OP-E3,<b>现网站三</b>,121.42,31.61,30,n41,macro',
].join('\n');

const scenarioLists = (workflow: ImportWorkflow) =>
  workflow.page.evaluate(() => {
    const scenario = window.__e2e!.state().session!.scenario;
    return {
      added: scenario.addedSites.length,
      existing: scenario.existingSites.map((site) => `${site.properties.id}:${site.properties.status}`),
      poles: scenario.poles.map((pole) => pole.properties.id),
    };
  });

/** Drops CSV text, picks the target, checks the dry run and presses Import. */
async function importCsv(
  workflow: ImportWorkflow,
  name: string,
  text: string,
  target: RegExp,
  count: number,
) {
  await workflow.dropFile(name, Buffer.from(text, 'utf8'));
  await workflow.settled();
  const dialog = workflow.dialog();
  await dialog.getByRole('radio', { name: target }).check();
  await workflow.settled();
  await expect(dialog.getByTestId('import-counts')).toContainText(`可导入 ${count}，拒绝 0`);
  await workflow.importButton().click();
  await workflow.expectDialogClosed();
  await expect(workflow.page.getByTestId('import-notice')).toContainText(`已导入 ${count} 个`);
}

test('import a pole list: a new site snaps to an imported pole; undo, redo, reload', async ({ planner }) => {
  test.setTimeout(240_000);
  const workflow = new ImportWorkflow(planner);
  const plannerFlow = new PlannerWorkflow(planner);
  await plannerFlow.open(17, POLE.latitude, POLE.longitude);
  expect(await plannerFlow.nearestPole(POLE.longitude, POLE.latitude, 100), 'no sample pole here').toBeNull();
  const stepsBefore = await workflow.undoSteps();

  await importCsv(workflow, 'poles.csv', POLES_CSV, /^综合杆$/, 3);
  expect((await scenarioLists(workflow)).poles).toEqual(['IMP-P1', 'IMP-P2', 'IMP-P3']);
  expect(await workflow.undoSteps()).toBe(stepsBefore + 1);
  await expect
    .poll(() => workflow.renderedLayersOf(POLE.id, POLE.longitude, POLE.latitude))
    .toContain('poles-circle');

  // A click ~9 m from the imported pole (snapping is on by default) puts the site on the pole.
  await plannerFlow.jumpTo(17, POLE.latitude, POLE.longitude);
  await plannerFlow.press('a');
  await plannerFlow.addSiteAt(POLE.longitude + 0.00008, POLE.latitude + 0.00004);
  const site = (await plannerFlow.scenario()).added.at(-1)!;
  expect(site.poleId).toBe(POLE.id);
  expect(site.coordinates).toEqual([POLE.longitude, POLE.latitude]);
  expect(site.heightM).toBe(POLE.heightM);

  // Undo the site, then the import (one step): the poles are gone and nothing snaps here any more.
  await plannerFlow.press('Control+z');
  await expect.poll(async () => (await plannerFlow.scenario()).added.length).toBe(0);
  await planner.page.getByTestId('import-notice').getByRole('button', { name: '撤销' }).click();
  await expect.poll(async () => (await scenarioLists(workflow)).poles).toEqual([]);
  expect(await plannerFlow.nearestPole(POLE.longitude, POLE.latitude, 100)).toBeNull();
  await expect.poll(() => workflow.renderedLayersOf(POLE.id, POLE.longitude, POLE.latitude)).toEqual([]);

  await plannerFlow.press('Control+Shift+z');
  await expect.poll(async () => (await scenarioLists(workflow)).poles).toHaveLength(3);
  await planner.page.reload();
  await plannerFlow.whenReady();
  expect((await scenarioLists(workflow)).poles).toEqual(['IMP-P1', 'IMP-P2', 'IMP-P3']);
  expect((await plannerFlow.nearestPole(POLE.longitude, POLE.latitude + 0.0001, 30))?.id).toBe(POLE.id);
  expect(planner.consoleErrors).toEqual([]);
});

test('import existing sites: counted as existing, not added, in coverage; undo, redo, reload', async ({
  planner,
}) => {
  test.setTimeout(300_000);
  const workflow = new ImportWorkflow(planner);
  const plannerFlow = new PlannerWorkflow(planner);
  await plannerFlow.open(13, SITE.latitude, SITE.longitude);
  await plannerFlow.waitForCoverage(120_000);
  const referenceKm2 = () =>
    planner.page.evaluate(() => window.__e2e!.state().baselineCoverageStats?.coveredKm2 ?? null);
  const referenceBefore = await referenceKm2();
  await plannerFlow.openPanel();
  const existingShown = planner.page.getByTestId('planner-summary-existing');
  const countOf = async () =>
    Number(((await existingShown.textContent()) ?? '').match(/^[\d,]+/)![0].replace(/,/g, ''));
  await expect(existingShown).toContainText('其中导入 0');
  const existingBefore = await countOf();

  await importCsv(workflow, 'operator-sites.csv', EXISTING_CSV, /^5G 现网站点$/, 3);
  expect(await scenarioLists(workflow)).toEqual({
    added: 0,
    existing: ['OP-E1:existing', 'OP-E2:existing', 'OP-E3:existing'],
    poles: [],
  });
  await plannerFlow.openPanel();
  await expect(planner.page.getByTestId('planner-summary-added')).toHaveText('0');
  await expect(existingShown).toContainText('其中导入 3');
  expect(await countOf()).toBe(existingBefore + 3);
  // Drawn in the existing sites' layer, like the baseline, not as a planner's site.
  await expect
    .poll(() => workflow.renderedLayersOf(SITE.id, SITE.longitude, SITE.latitude))
    .toEqual(['sites-circle']);
  // Coverage includes them, in the existing (reference) figures rather than as the scenario's gain.
  expect(referenceBefore, 'the baseline coverage figure once coverage is ready').not.toBeNull();
  await expect.poll(referenceKm2, { timeout: 120_000 }).toBeGreaterThan(referenceBefore!);

  await planner.page.getByTestId('import-notice').getByRole('button', { name: '撤销' }).click();
  await expect.poll(async () => (await scenarioLists(workflow)).existing).toEqual([]);
  await expect(existingShown).toContainText('其中导入 0');
  expect(await countOf()).toBe(existingBefore);
  await plannerFlow.press('Control+Shift+z');
  await expect(existingShown).toContainText('其中导入 3');

  await planner.page.reload();
  await plannerFlow.whenReady();
  expect((await scenarioLists(workflow)).existing).toHaveLength(3);
  await plannerFlow.openPanel();
  await expect(existingShown).toContainText('其中导入 3');
  await expect
    .poll(() => workflow.renderedLayersOf(SITE.id, SITE.longitude, SITE.latitude))
    .toEqual(['sites-circle']);
  expect(planner.consoleErrors).toEqual([]);
});
