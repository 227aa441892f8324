/**
 * The radio model in the app: choosing the SINR image turns interference on (path-loss mode), the
 * legend and the cards label SINR and rate as estimates beside the plan's speed targets, and editing a
 * site's downtilt in the attribute panel (through the one edit door) changes the district's rate and
 * the image around the site without a city recompute. Quality gaps are outlined on the map, with a
 * legend entry.
 */

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';
import { PlannerWorkflow } from './drivers/planner-driver';

test('SINR and rate: switch the image, edit a tilt, see the figure and the raster change', async ({
  planner,
  page,
}) => {
  // Two full path-loss computes (RSRP, then with SINR) of the 2020 baseline on a shared SwiftShader
  // machine.
  test.setTimeout(600_000);
  const coverage = new CoverageDriver(planner);
  const workflow = new PlannerWorkflow(planner);
  await coverage.open();
  await workflow.whenReady();
  await coverage.switchMode('pathloss');

  // Choosing the SINR image switches the interference model on and recomputes once.
  await page.getByRole('radio', { name: /SINR 分级|SINR grade/ }).check();
  await expect
    .poll(() => page.evaluate(() => window.__e2e!.state().coverageSettings.sinr), { timeout: 10_000 })
    .toBe(true);
  const withSinr = await coverage.whenComputed();
  expect(withSinr.sinr).toBeDefined();
  expect(withSinr.meanRateMbps).toBeGreaterThan(0);
  await expect(page.getByTestId('coverage-legend-sinr')).toContainText('估算');
  await expect(page.getByTestId('coverage-city-rate')).toHaveText(
    `${Math.round(withSinr.meanRateMbps!).toLocaleString('zh-CN')} Mbps`,
  );
  await expect(page.getByTestId('coverage-city')).toContainText('335.19');
  await expect(page.getByTestId('coverage-radio')).toContainText('估算');

  // Quality gaps (covered, SINR under the threshold) are outlined on the map, with their legend entry, and
  // follow the gaps switch; the list's first one flies the map to it. At the default threshold (3 dB,
  // the operators' worst grade: docs/radio.md) the 2020 sample has them where its masts crowd a band.
  expect(withSinr.sinr!.thresholdDb).toBe(3);
  expect(withSinr.sinr!.qualityGaps.count).toBeGreaterThan(0);
  await expect(page.getByTestId('coverage-legend-quality-gap')).toContainText('质量空洞');
  const qualityList = page.getByRole('region', { name: /质量空洞|Quality gaps/ });
  await qualityList.locator('button.coverage-gap').first().click();
  const renderedQualityGaps = () => page.evaluate(() => window.__e2e!.coverage!.renderedQualityGapCount());
  await expect.poll(renderedQualityGaps, { timeout: 30_000 }).toBeGreaterThan(0);
  const gapsSwitch = page.getByRole('checkbox', { name: /覆盖空洞|Coverage gaps/ });
  await gapsSwitch.uncheck();
  await expect.poll(renderedQualityGaps).toBe(0);
  await expect(page.getByTestId('coverage-legend-quality-gap')).toHaveCount(0);
  await gapsSwitch.check();
  await expect.poll(renderedQualityGaps).toBeGreaterThan(0);
  await planner.saveScreenshot('radio-quality-gaps.png');

  // A new macro in the largest weak spot: alone there, its tilt decides what it serves.
  // The largest whose centroid lies inside it (a ragged gap's centroid can fall on covered land).
  const gaps = await page.evaluate(() => window.__e2e!.state().coverageGaps?.features ?? []);
  const spot = [...gaps]
    .sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2)
    .map((gap) => ({
      centroid: gap.properties.centroid,
      adcode: gap.properties.adcode,
      geometry: gap.geometry,
    }))
    .find((gap) => booleanPointInPolygon(gap.centroid, gap.geometry))!;
  const [longitude, latitude] = spot.centroid;
  await workflow.jumpTo(14, latitude, longitude);
  // The toolbar's add tool (focus is in the coverage panel, so not by its key).
  await workflow.toolbarButton('addSiteTool').click();
  await expect(workflow.toolbarButton('addSiteTool')).toHaveAttribute('aria-pressed', 'true');
  const siteId = await workflow.addSiteAt(longitude, latitude, true);
  await expect
    .poll(() => page.evaluate(() => window.__e2e!.state().coverageStatus), { timeout: 120_000 })
    .toBe('ready');
  await page.evaluate((id) => window.__e2e!.state().setSelectedSiteIds([id]), siteId);
  await workflow.openPanel();
  const tilt = workflow.panelField('planner-electricalTiltDeg');
  await expect(tilt).toHaveAttribute('placeholder', /默认/);

  const districtRate = () =>
    page.evaluate(
      (adcode) =>
        window.__e2e!.state().coverageStats!.districts.find((district) => district.adcode === adcode)!
          .meanRateMbps!,
      spot.adcode,
    );
  const rateBefore = await districtRate();
  const pixelsBefore = await planner.mapPixels();
  const recomputesBefore = await page.evaluate(() => window.__e2e!.state().coverageElapsedMs);

  // Straight down: the beam no longer reaches the weak spot around the mast.
  await tilt.fill('60');
  await tilt.press('Enter');
  await expect(page.locator('#planner-electricalTiltDeg-error')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => window.__e2e!.state().session!.scenario.addedSites.at(-1)!.properties))
    .toMatchObject({ electricalTiltDeg: 60 });
  await expect.poll(districtRate, { timeout: 60_000 }).not.toBeCloseTo(rateBefore, 3);
  // An incremental edit: the full compute's time is unchanged (no city recompute).
  await planner.waitUntilReady();
  expect(await page.evaluate(() => window.__e2e!.state().coverageElapsedMs)).toBe(recomputesBefore);
  expect((await planner.mapPixels()).equals(pixelsBefore)).toBe(false);

  // The district card shows the new figure, as the store holds it.
  await page.locator('#tab-coverage').click();
  await coverage.pickDistrict(spot.adcode);
  await expect(page.getByTestId('coverage-district-rate')).toHaveText(
    `${Math.round(await districtRate()).toLocaleString('zh-CN')} Mbps`,
  );

  // The rate image and its legend.
  await page.getByRole('radio', { name: /用户速率|User rate/ }).check();
  await expect(page.getByTestId('coverage-legend-rate')).toContainText('估算');
  await planner.saveScreenshot('radio-rate.png');

  // A bad tilt is refused in place and changes nothing.
  await workflow.openPanel();
  await tilt.fill('95');
  await tilt.press('Enter');
  await expect(page.locator('#planner-electricalTiltDeg-error')).toBeVisible();
  expect(
    await page.evaluate(() => window.__e2e!.state().session!.scenario.addedSites.at(-1)!.properties),
  ).toMatchObject({ electricalTiltDeg: 60 });
});
