import { writeFileSync } from 'node:fs';
import { expect, test } from './driver';
import { PlannerWorkflow } from './drivers/planner-driver';

// Xujiahui at zoom 15: dense baseline, poles along the streets.
const PLACE = { longitude: 121.437, latitude: 31.195 };
const TARGET_SITES = 70_000;

// Reports the figure (annotation + log) against the 50 ms rather than asserting it: a timing
// depends on what else the 2 cores are doing. A browser benchmark, not a test: run it with
// `npm run bench:browser` (MEASURE=1); PROFILE=1 also writes a CPU profile of the drag.
test.skip(!process.env.MEASURE, 'browser benchmark: run with npm run bench:browser');

test('long tasks while dragging a site with 70,000 sites in the scenario', async ({ planner }) => {
  test.setTimeout(420_000);
  const workflow = new PlannerWorkflow(planner);
  await workflow.open(15, PLACE.latitude, PLACE.longitude);
  const baselineCount = await workflow.page.evaluate(() => window.__e2e!.state().baseline!.features.length);
  const generated = await workflow.page.evaluate(
    (count) => window.__e2e!.planner!.addGeneratedCandidates(count),
    TARGET_SITES - baselineCount,
  );
  expect(baselineCount + generated).toBe(TARGET_SITES);
  const coverage = await workflow.waitForCoverage(240_000);
  await workflow.planner.waitUntilReady();

  await workflow.press('a');
  const id = await workflow.addSiteAt(PLACE.longitude, PLACE.latitude, true);
  await workflow.press('s');
  await workflow.planner.waitUntilReady();

  await workflow.page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // PROFILE=1 also records a CPU profile of the drag (test-results/drag.cpuprofile, for DevTools).
  const profiler = process.env.PROFILE ? await workflow.page.context().newCDPSession(workflow.page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const before = (await workflow.scenario()).added.at(-1)!.coordinates;
  const undoBefore = (await workflow.scenario()).undoSteps;
  const start = (await workflow.page.evaluate((siteId) => window.__e2e!.planner!.sitePixel(siteId), id))!;
  const box = await workflow.canvasBox();
  await workflow.page.mouse.move(box.x + start.x, box.y + start.y);
  await workflow.page.mouse.down();
  const startedAt = Date.now();
  // Two seconds of dragging at ~30 moves a second, as a hand would.
  for (let step = 1; step <= 60; step++) {
    await workflow.page.mouse.move(box.x + start.x + step * 3, box.y + start.y + step * 1.5);
    await workflow.page.waitForTimeout(33);
  }
  await workflow.page.mouse.up();
  const dragMs = Date.now() - startedAt;
  await workflow.page.waitForTimeout(500);
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync('test-results/drag.cpuprofile', JSON.stringify(profile));
  }
  const longTasks = await workflow.page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  const maxMs = Math.max(0, ...longTasks);
  const report = `${TARGET_SITES} sites, drag ${dragMs} ms: ${longTasks.length} long tasks, max ${maxMs.toFixed(0)} ms [${longTasks
    .map((duration) => duration.toFixed(0))
    .join(', ')}]; coverage ready (${coverage.toFixed(0)} km²)`;
  console.log(report);
  test.info().annotations.push({ type: 'long tasks during drag', description: report });

  // The site followed the mouse (180 px east at zoom 15 ≈ 370 m ≈ 0.0039°) as one undo step.
  const scenario = await workflow.scenario();
  expect(scenario.added.at(-1)!.coordinates[0]! - before[0]!).toBeGreaterThan(0.003);
  expect(scenario.undoSteps).toBe(undoBefore + 1);
  expect(planner.consoleErrors).toEqual([]);
});
