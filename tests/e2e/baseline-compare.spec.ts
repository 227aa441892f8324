/** Scenario compare against the baseline: km² and percentage-point deltas that follow the planner's edits. */
import { expect, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';

test('compare with the baseline: the deltas start at zero and grow after sites are added, for the city, districts and new towns', async ({
  planner,
}) => {
  test.setTimeout(240_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(11, 31.0, 121.45);
  const page = workflow.page;
  await expect.poll(() => workflow.coveredKm2(), { timeout: 120_000 }).not.toBeNull();
  await workflow.openPanel();
  await page.getByRole('button', { name: '方案对比' }).click();
  const table = page.getByTestId('baseline-deltas');
  await expect(table).toContainText('与 2020 基线（示意数据）对比');
  const city = table.locator('tr[data-row="city"]');
  // Nothing added yet: the scenario is the baseline.
  await expect(city.locator('[data-cell="delta-km2"]')).toHaveText('0.00');
  await expect(city.locator('[data-cell="delta-pp"]')).toHaveText('0.00');
  // Every district and the five new towns have a row.
  await expect(table.locator('tr[data-row^="district:"]')).toHaveCount(16);
  await expect(table.locator('tr', { hasText: '新城' })).toHaveCount(5);

  const before = await workflow.coveredKm2();
  await page.evaluate(() => window.__e2e!.planner!.addGeneratedCandidates(400));
  await expect
    .poll(async () => ((await workflow.coveredKm2()) ?? 0) > (before ?? 0), { timeout: 120_000 })
    .toBe(true);
  const expected = await page.evaluate(() => {
    const state = window.__e2e!.state();
    const current = state.coverageStats!;
    const baseline = state.baselineCoverageStats!;
    return {
      km2: current.coveredKm2 - baseline.coveredKm2,
      pp: (current.coveredFraction - baseline.coveredFraction) * 100,
    };
  });
  expect(expected.km2).toBeGreaterThan(0);
  await expect(city.locator('[data-cell="delta-km2"]')).toHaveText(`+${expected.km2.toFixed(2)}`);
  await expect(city.locator('[data-cell="delta-pp"]')).toHaveText(`+${expected.pp.toFixed(2)}`);
  // At least one district gained, and its row says so with a plus sign.
  await expect(
    table.locator('tr[data-row^="district:"] [data-cell="delta-km2"]', { hasText: '+' }).first(),
  ).toBeVisible();
  expect(planner.consoleErrors).toEqual([]);
});
