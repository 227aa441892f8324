/**
 * The selected weak spot's highlight is live: after a site is added inside it, undone, or the coverage
 * mode switched, the map draws the gap as it is now (its new id, its new area), and nothing when the
 * gap is gone. A frozen outline hid the change the user had just made.
 */

import type { Page } from '@playwright/test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { expect, test } from './driver';
import { DistrictWorkflow } from './drivers/district-driver';
import { PlannerWorkflow } from './drivers/planner-driver';

const PUDONG = '310115';

const drawn = (page: Page) => page.evaluate(() => window.__e2e!.district!.drawnGap());
const highlightedId = (page: Page) => page.evaluate(() => window.__e2e!.state().highlightedGapId);
const gapIds = (page: Page) =>
  page.evaluate(() => (window.__e2e!.state().coverageGaps?.features ?? []).map((gap) => gap.properties.id));

/** Drawn, selected and listed agree: the highlight is one of today's gaps, or nothing. */
async function expectHighlightCurrent(page: Page) {
  const selected = await highlightedId(page);
  const onMap = await drawn(page);
  expect(onMap?.id ?? null).toBe(selected);
  if (selected !== null) expect(await gapIds(page)).toContain(selected);
}

test('the weak-spot highlight follows its gap through an added site, an undo and a mode switch', async ({
  planner,
}) => {
  test.setTimeout(300_000);
  const district = new DistrictWorkflow(planner);
  const workflow = new PlannerWorkflow(planner);
  const page = planner.page;
  await planner.open('#layers=districts,sites');
  await workflow.whenReady();
  await district.openTab('区县');
  await district.pick(`district:${PUDONG}`);
  await district.whenFiguresReady();

  // The first listed weak spot whose centroid lies inside it: a site there shrinks it.
  const rows = page.getByTestId('weak-spots').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const listed = (
    await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-gap-id')))
  ).map(Number);
  const gaps = await page.evaluate(() => window.__e2e!.state().coverageGaps!.features);
  const rank = listed.findIndex((id) => {
    const gap = gaps.find((feature) => feature.properties.id === id);
    return (
      gap !== undefined &&
      gap.properties.areaKm2 > 0.5 &&
      booleanPointInPolygon(gap.properties.centroid, gap.geometry)
    );
  });
  expect(rank).toBeGreaterThanOrEqual(0);
  const chosen = gaps.find((feature) => feature.properties.id === listed[rank])!;
  // Clicking anywhere on the row flies to it (not only the small rank number).
  await rows.nth(rank).locator('td').nth(1).click();
  await expect
    .poll(() => drawn(page))
    .toEqual({ id: chosen.properties.id, areaKm2: chosen.properties.areaKm2 });
  await page.waitForTimeout(1500); // the fly-to ends before clicking on the map

  // A site at its centroid: the highlight is the shrunk gap, not the old outline.
  await workflow.press('a');
  const [longitude, latitude] = chosen.properties.centroid;
  await workflow.addSiteAt(longitude, latitude, true);
  await expect.poll(() => gapIds(page), { timeout: 60_000 }).not.toContain(chosen.properties.id);
  await expect.poll(() => highlightedId(page)).not.toBe(chosen.properties.id);
  await expectHighlightCurrent(page);
  const shrunk = await drawn(page);
  expect(shrunk).not.toBeNull();
  expect(shrunk!.areaKm2).toBeLessThan(chosen.properties.areaKm2);
  // The table drops the old row; the shrunk gap's row, when it is still among the listed, is the marked one.
  const table = page.getByTestId('weak-spots');
  await expect(table.locator(`tr[data-gap-id="${chosen.properties.id}"]`)).toHaveCount(0);
  const shrunkRow = table.locator(`tr[data-gap-id="${shrunk!.id}"]`);
  if ((await shrunkRow.count()) > 0) await expect(shrunkRow).toHaveClass(/weak-spots__row--active/);

  // Undo: the gap is whole again, and so is the highlight.
  await workflow.press('Control+z');
  await expect
    .poll(async () => (await drawn(page))?.areaKm2, { timeout: 60_000 })
    .toBeCloseTo(chosen.properties.areaKm2, 6);
  await expectHighlightCurrent(page);

  // A mode switch recomputes every gap: the highlight is one of the new gaps, or gone.
  const before = await gapIds(page);
  await page.evaluate(() => {
    const state = window.__e2e!.state();
    state.setCoverageSettings({ mode: state.coverageSettings.mode === 'radius' ? 'pathloss' : 'radius' });
  });
  await expect.poll(async () => (await gapIds(page)).join(), { timeout: 90_000 }).not.toBe(before.join());
  await expect
    .poll(
      async () => {
        try {
          await expectHighlightCurrent(page);
          return true;
        } catch {
          return false;
        }
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(planner.consoleErrors).toEqual([]);
});
