/**
 * One ranking of weak spots, the same in every panel, after every edit: a site added inside the city's
 * top gap shrinks it, and the coverage tab, the suggestion tab and the district view list the shrunken
 * gap where its priority puts it, also after a reload.
 */
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, MultiPolygon } from 'geojson';
import { formatKm2 } from '../../src/ui/coverage/format';
import { formatKm2 as formatReportKm2 } from '../../src/ui/report/format';
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';
import { DistrictWorkflow } from './drivers/district-driver';
import { PlannerWorkflow } from './drivers/planner-driver';

interface RankedGap {
  id: number;
  areaKm2: number;
  adcode: string;
  priorityScore: number;
  districtAreasKm2?: Record<string, number>;
  geometry: MultiPolygon;
}

/** The store's gaps ranked by priority as the engine defines it (the test's own sort). */
const rankedGaps = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    window
      .__e2e!.state()
      .coverageGaps!.features.map((gap) => ({
        id: gap.properties.id,
        areaKm2: gap.properties.areaKm2,
        adcode: gap.properties.adcode,
        priorityScore: gap.properties.priorityScore,
        districtAreasKm2: gap.properties.districtAreasKm2,
        geometry: gap.geometry,
      }))
      .sort((left, right) => right.priorityScore - left.priorityScore || right.areaKm2 - left.areaKm2),
  ) as Promise<RankedGap[]>;

test('after an edit every panel lists the weak spots in one order, the shrunken top gap first', async ({
  planner,
}) => {
  test.setTimeout(360_000);
  const coverage = new CoverageDriver(planner);
  const workflow = new PlannerWorkflow(planner);
  const page = planner.page;
  await coverage.open('#layers=districts');
  await workflow.whenReady();
  const before = await rankedGaps(page);
  const top = before[0]!;
  // A point inside the top gap, away from its edge: one site there shrinks it but keeps it on top.
  const inside = pointOnFeature({
    type: 'Feature',
    properties: {},
    geometry: top.geometry,
  } as Feature<MultiPolygon>).geometry.coordinates as [number, number];
  await workflow.jumpTo(15, inside[1], inside[0]);
  await workflow.press('a');
  await workflow.addSiteAt(inside[0], inside[1], true);
  await expect
    .poll(async () => (await rankedGaps(page)).some((gap) => gap.id === top.id), { timeout: 60_000 })
    .toBe(false);
  await coverage.whenComputed();
  const after = await rankedGaps(page);
  expect(after[0]!.areaKm2).toBeLessThan(top.areaKm2);
  expect(after[0]!.adcode).toBe(top.adcode);
  const expectedAreas = after.slice(0, 8).map((gap) => formatKm2('zh', gap.areaKm2));

  // The coverage tab: its top list, in the one order.
  await page.getByRole('tab', { name: /覆盖/ }).click();
  const coverageList = page.locator('.coverage-gap-list .coverage-num');
  await expect.poll(() => coverageList.allInnerTexts()).toEqual(expectedAreas);

  // The suggestion tab: weak spots to suggest for, the same order.
  await page.getByRole('tab', { name: /选址/ }).click();
  await page.getByTestId('suggest-area-kind').selectOption('gaps');
  const options = page.locator('.suggest-gaps label');
  await expect(options.first()).toContainText(`#1`);
  const suggestAreas = (await options.allInnerTexts())
    .slice(0, 8)
    .map((text) => text.match(/([\d.,]+) km²/)![1]);
  expect(suggestAreas).toEqual(after.slice(0, 8).map((gap) => gap.areaKm2.toFixed(2)));

  // The district view of the gap's district ranks it first too.
  const district = new DistrictWorkflow(planner);
  await district.openTab('区县');
  await district.pick(`district:${top.adcode}`);
  await district.whenFiguresReady();
  const firstRow = page.getByTestId('weak-spots').locator('tbody tr').first();
  await expect(firstRow).toHaveAttribute('data-gap-id', String(after[0]!.id));
  // The district lists the gap's part inside it (a gap across the border counts only that part there).
  const partKm2 = after[0]!.districtAreasKm2?.[top.adcode] ?? after[0]!.areaKm2;
  await expect(firstRow.locator('td').nth(1)).toHaveText(formatReportKm2('zh', partKm2));

  // After a reload the coverage tab shows the same order.
  await page.reload();
  await coverage.planner.waitUntilReady();
  await page.getByRole('tab', { name: /覆盖/ }).click();
  await coverage.whenComputed();
  const reloaded = await rankedGaps(page);
  await expect
    .poll(() => coverageList.allInnerTexts())
    .toEqual(reloaded.slice(0, 8).map((gap) => formatKm2('zh', gap.areaKm2)));
  expect(reloaded[0]!.areaKm2).toBeCloseTo(after[0]!.areaKm2, 6);
  expect(planner.consoleErrors).toEqual([]);
});
