/**
 * The built page's Content-Security-Policy (the meta tag in index.html): the policy is enforced, and the
 * app runs start-up, coverage, the district report and story mode without a single violation.
 */
import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';
import { DistrictWorkflow } from './drivers/district-driver';
import { StoryWorkflow } from './drivers/story-driver';

test('the policy is enforced: an injected inline script and a foreign image are refused and reported', async ({
  planner,
}) => {
  const violations = await planner.recordPolicyViolations();
  await planner.open();
  const policy = await planner.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(violations).toEqual([]);

  const injected = await planner.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.src = 'https://192.0.2.1/pixel.png';
    document.body.append(image);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(injected).toBe(false);
  await expect
    .poll(() => violations.map((violation) => violation.directive).sort())
    .toEqual(['img-src', 'script-src-elem']);
});

test('start-up, coverage, the district report and story mode run without a policy violation', async ({
  planner,
}) => {
  test.setTimeout(300_000);
  const violations = await planner.recordPolicyViolations();
  const district = new DistrictWorkflow(planner);
  await district.stubPrint();

  // Start-up and coverage, with the raster drawn (its tiles come from a custom protocol).
  const coverage = new CoverageDriver(planner);
  await coverage.open('#layers=districts,sites,metro&lang=zh');
  await coverage.setRasterVisible(true);
  expect(await coverage.cityPercentShown()).toBeGreaterThan(0);
  await expect(planner.page.locator('.maplibregl-ctrl-zoom-in')).toBeVisible();

  // The district report: its map image is a data: URL of the map canvas.
  await district.openTab('区县');
  await district.pick('district:310115');
  await district.whenFiguresReady();
  await planner.page.getByRole('button', { name: /生成报告/ }).click();
  const report = planner.page.getByTestId('district-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.locator('img')).toHaveJSProperty('complete', true);
  expect(
    await report.locator('img').evaluate((image) => (image as HTMLImageElement).naturalWidth),
  ).toBeGreaterThan(0);
  await expect.poll(() => district.printCalls()).toBe(1);
  await planner.page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);

  // Story mode through every chapter, then the PNG export.
  const story = new StoryWorkflow(planner);
  await planner.page.getByRole('button', { name: /演示/ }).click();
  await expect(story.overlay()).toBeVisible();
  for (const chapter of ['1', '2', '3', '0']) {
    await story.press(chapter);
    await expect(story.overlay()).toHaveAttribute('data-chapter', chapter);
    await planner.waitUntilReady();
  }
  await story.press('Escape');
  await expect(story.overlay()).toHaveCount(0);
  const png = await story.exportPng(/导出 PNG|Export PNG/);
  expect(png.deviation).toBeGreaterThan(8);

  expect(violations).toEqual([]);
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});
