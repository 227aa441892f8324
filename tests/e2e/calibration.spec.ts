import { readSampleSiteInput } from '../../scripts/sample-inputs';
import type {} from '../../src/app/calibration-test-hook';
import { readShippedCity, readShippedDryLand } from '../../src/cli/shipped-city';
import { CoverageEngine } from '../../src/domain/coverage/coverage-engine';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../src/domain/sample';
import { synthesiseMeasurements } from '../../src/domain/sample/synthetic-measurements';
import type { SiteCollection } from '../../src/domain/types';
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';

/** 1,500 samples around Huangpu's sample sites, plus one row with an impossible level. */
function driveTestCsv(): string {
  const sites = generateSampleSites(readSampleSiteInput(), {
    seed: SHIPPED_SITE_SEED,
    year: 2020,
  }) as SiteCollection;
  const engine = new CoverageEngine(
    // The city the CLI and the app compute on (land mask, environment classes), so the classes agree.
    readShippedCity(),
    { mode: 'pathloss', cellM: 50 },
  );
  // Every baseline site serves (as in the app); the samples are taken around Huangpu's.
  const { csv } = synthesiseMeasurements(sites.features, engine.city, engine.settings, {
    count: 1500,
    seed: 17,
    sigmaDb: 6,
    crs: 'gcj02',
    truth: { dense_urban: { offsetDb: 8, slopeDbPerDecade: 0 } },
    aroundSite: (site) => site.properties.adcode === '310101',
    onDryLand: readShippedDryLand(),
  });
  return `${csv}2026-11-02 12:00:00,121.48,31.23,-171\n`;
}

test('drop a measurement file, see residuals and the report, apply the fit, see coverage change; undo', async ({
  planner,
}) => {
  // Three full recomputes of the 32,000-site city (plain, calibrated, undone): minutes on a shared machine.
  test.setTimeout(900_000);
  const csv = driveTestCsv();
  const coverage = new CoverageDriver(planner);
  const { page } = planner;
  await coverage.open();
  const plain = await coverage.switchMode('pathloss');

  await page.getByRole('tab', { name: /校准|Calibration/ }).click();
  const panel = page.getByTestId('calibration-panel');
  await expect(panel).toContainText('还没有测量数据');
  await panel.getByLabel('坐标系').selectOption('gcj02');
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], '路测-黄浦.csv', { type: 'text/csv' }));
    const zone = document.querySelector('[data-testid="calibration-drop"]')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, csv);
  await page.evaluate(() => window.__e2e!.calibration!.settled());

  // The import: 1,500 samples in, the bad level reported with its row and reason.
  await expect(page.getByTestId('calibration-import')).toContainText('已导入 1500 / 1501 行；1 行未导入');
  await page.getByText('未导入的行').click();
  await expect(page.getByTestId('calibration-rejected')).toContainText('第 1502 行：RSRP“-171”无效');
  await expect(page.getByTestId('calibration-sets')).toContainText('路测-黄浦.csv：1500 个样本');
  // The file's datum is right and its samples are on land: no "check the coordinate system" hint.
  await expect(page.getByTestId('calibration-import').locator('.calibration-note--warn')).toHaveCount(0);

  // The report: the model is about 8 dB optimistic before; the fit takes the bias out.
  const view = await page.evaluate(() => window.__e2e!.calibration!.view());
  expect(view!.report.samples).toBe(1500);
  expect(view!.report.before.meanErrorDb).toBeGreaterThan(6.5);
  expect(view!.report.before.meanErrorDb).toBeLessThan(9.5);
  expect(Math.abs(view!.report.after.meanErrorDb)).toBeLessThan(0.5);
  expect(view!.report.after.rmseDb).toBeLessThan(view!.report.before.rmseDb - 3);
  const dense = view!.report.fit.corrections.find((correction) => correction.environment === 'dense_urban')!;
  expect(Math.abs(dense.offsetDb - 8)).toBeLessThan(3 * dense.standardErrorDb);
  await expect(page.getByTestId('calibration-classes')).toContainText('密集市区');
  await expect(page.getByTestId('calibration-fit')).toContainText('±');
  await expect(page.getByTestId('calibration-histogram')).toBeVisible();
  await expect(page.getByTestId('calibration-distance-chart')).toBeVisible();
  expect(view!.residuals.shown).toBe(1500);
  await page.evaluate(() => window.__e2e!.calibration!.jumpTo(121.48, 31.23, 13));
  await expect.poll(() => page.evaluate(() => window.__e2e!.calibration!.dotsOnMap())).toBeGreaterThan(0);

  // Apply: the status states it, and the coverage (an optimistic model corrected) falls.
  await page.getByTestId('calibration-apply').click();
  await expect(page.getByTestId('calibration-status')).toContainText(
    /已校准：基于 1,?500 个样本，RMSE \d+\.\d dB（原 \d+\.\d dB）/,
  );
  // The model was 8 dB optimistic in dense urban areas. Corrected, the land with excellent RSRP shrinks,
  // and covered land cannot grow (the 2020 sample's centre has margin to spare, so it may not fall).
  const calibrated = await coverage.whenComputed();
  expect(calibrated.rsrpClassesKm2!.excellent).toBeLessThan(plain.rsrpClassesKm2!.excellent - 1);
  expect(calibrated.coveredFraction).toBeLessThanOrEqual(plain.coveredFraction);
  // The coverage tab says which model its figures come from.
  await page.getByRole('tab', { name: /覆盖|Coverage/ }).click();
  await expect(page.getByTestId('coverage-calibrated')).toContainText(/已校准：基于 1,?500 个样本/);

  // Undo: the plain model and its figure come back exactly (a full recompute: minutes on a loaded machine).
  await page.locator('body').press('Control+z');
  await expect(page.getByTestId('coverage-calibrated')).toHaveCount(0);
  await expect
    .poll(async () => (await coverage.whenComputed()).rsrpClassesKm2!.excellent, { timeout: 240_000 })
    .toBeCloseTo(plain.rsrpClassesKm2!.excellent, 6);
  expect((await coverage.whenComputed()).coveredFraction).toBeCloseTo(plain.coveredFraction, 10);
  await page.getByRole('tab', { name: /校准|Calibration/ }).click();
  await expect(panel).toContainText('未校准');
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});
