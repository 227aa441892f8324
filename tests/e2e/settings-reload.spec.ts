/**
 * What a reload keeps besides the scenario: the coverage mode and threshold and the candidate areas
 * drawn for suggestions, per scenario (another scenario keeps its own).
 */
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';
import { PlannerWorkflow } from './drivers/planner-driver';
import { SuggestWorkflow } from './drivers/suggest-driver';

const settings = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const state = window.__e2e!.state();
    return {
      mode: state.coverageSettings.mode,
      thresholdDbm: state.coverageSettings.thresholdDbm,
      areas: state.suggestAreas.length,
    };
  });

test('a reload keeps the coverage mode, the threshold and the drawn candidate areas of each scenario', async ({
  planner,
}) => {
  test.setTimeout(420_000);
  const page = planner.page;
  const coverage = new CoverageDriver(planner);
  const workflow = new PlannerWorkflow(planner);
  const suggest = new SuggestWorkflow(planner);
  await coverage.open('#layers=districts');
  await workflow.whenReady();
  await coverage.switchMode('pathloss');
  const box = page.locator('.coverage-settings-box');
  if (!(await box.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await box.locator('summary').first().click();
  }
  await page.locator('#coverage-threshold').fill('-110');
  await page.getByRole('button', { name: '应用并重新计算' }).click();
  await expect.poll(() => settings(page)).toMatchObject({ mode: 'pathloss', thresholdDbm: -110 });
  await coverage.whenComputed();

  // A candidate area drawn west of People's Square (left of the side panel).
  await suggest.openTab();
  await suggest.goTo(14, 121.42, 31.23);
  await suggest.drawArea([
    [121.41, 31.225],
    [121.425, 31.225],
    [121.425, 31.235],
    [121.41, 31.235],
  ]);
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(1);

  // A second scenario, set to radius mode: the first keeps its own settings.
  await workflow.openPanel();
  await page.locator('[data-action="scenario-new"]').click();
  await expect.poll(async () => (await workflow.scenario()).name).toBe('方案 2');
  await page.getByRole('tab', { name: /覆盖/ }).click();
  await coverage.switchMode('radius');
  await workflow.openPanel();
  await page.locator('#planner-scenario-switch').selectOption({ label: '方案 1' });
  await expect.poll(() => settings(page)).toEqual({ mode: 'pathloss', thresholdDbm: -110, areas: 1 });

  await page.reload();
  await workflow.whenReady();
  await expect.poll(() => settings(page)).toEqual({ mode: 'pathloss', thresholdDbm: -110, areas: 1 });
  await page.getByRole('tab', { name: /覆盖/ }).click();
  await expect(page.locator('.coverage-segmented button[data-mode="pathloss"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('tab', { name: /选址/ }).click();
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(1);
  expect(planner.consoleErrors).toEqual([]);
});
