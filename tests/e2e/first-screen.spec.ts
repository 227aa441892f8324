/**
 * Issue #15 (first screen, progress) and #13 item 12 (sector wedges) as a user meets them: the map
 * says what it is loading before the first figure, `<html data-coverage-ready>` marks the figure on
 * screen, a mode switch shows the compute's stage with a cancel button once it runs over a second, and
 * at street zoom sectors draw as wedges.
 */
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';

// Each test waits for at least one city-wide compute of the 96,000-sector sample on software WebGL.
test.describe.configure({ timeout: 300_000 });

test('before the first figure the map names what it loads; then data-coverage-ready and no bar', async ({
  planner,
}) => {
  const { page } = planner;
  await page.goto('/');
  const progress = page.getByTestId('map-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute(
    'data-stage',
    /loading-map|loading-sites|preparing|kernels|merging|gaps/,
  );
  await expect(progress).toContainText(/正在/);
  await expect(page.locator('html')).toHaveAttribute('data-coverage-ready', 'true', { timeout: 120_000 });
  await expect(progress).toBeHidden();
  await planner.waitUntilReady();
  const stats = await page.evaluate(() => window.__e2e!.state().coverageStats);
  expect(stats?.coveredFraction).toBeGreaterThan(0.5);
  // The coverage worker read the build's grid file of the city rather than rasterising it
  // (city-grid-file.ts; a unit test shows the file equals the rasterised grid cell for cell).
  const gridMark = await page.evaluate(
    () =>
      (performance.getEntriesByName('start-up:coverage-grid-built')[0] as PerformanceMark | undefined)
        ?.detail,
  );
  expect(gridMark).toEqual({ source: 'file' });
  expect(planner.consoleErrors).toEqual([]);
});

test('a mode switch shows the compute stage, a cancel after a second, and cancel keeps the old figure', async ({
  planner,
}) => {
  const coverage = new CoverageDriver(planner);
  const { page } = planner;
  const before = await coverage.open();
  await page.locator('.coverage-segmented button[data-mode="pathloss"]').click();
  const progress = page.getByTestId('map-progress');
  await expect(progress).toHaveAttribute('data-stage', /kernels|merging|gaps/);
  const cancel = progress.getByRole('button', { name: '取消计算' });
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(progress).toContainText('已取消');
  const after = await page.evaluate(() => window.__e2e!.state().coverageStats);
  expect(after?.coveredKm2).toBeCloseTo(before.coveredKm2, 6);
  await progress.getByRole('button', { name: '重新计算' }).click();
  await expect(progress).toHaveAttribute('data-stage', /kernels|merging|gaps/);
  await coverage.whenComputed();
  await expect(progress).toBeHidden({ timeout: 120_000 });
});

test('at street zoom sectors draw as wedges, below it as dots', async ({ planner }) => {
  const { page } = planner;
  // People's Square: the densest part of the sample.
  await planner.open('#map=16/31.2304/121.4737');
  await expect(page.locator('html')).toHaveAttribute('data-coverage-ready', 'true', { timeout: 120_000 });
  await planner.waitUntilReady();
  const street = await page.evaluate(() => ({
    wedges: window.__e2e!.renderedOnMapLayers(['sites-wedge']),
    dots: window.__e2e!.renderedOnMapLayers(['sites-circle']),
  }));
  expect(street.wedges).toBeGreaterThan(3);
  expect(street.dots).toBe(0);
  await planner.open('#map=12/31.2304/121.4737');
  const city = await page.evaluate(() => ({
    wedges: window.__e2e!.renderedOnMapLayers(['sites-wedge']),
    dots: window.__e2e!.renderedOnMapLayers(['sites-circle']),
  }));
  expect(city.wedges).toBe(0);
  expect(city.dots).toBeGreaterThan(100);
});
