import { expect, test } from './driver';
import { SuggestWorkflow } from './drivers/suggest-driver';

const PUDONG = '310115';

test('suggest 5 pole sites in a district, accept them, coverage rises by the reported amount, undo', async ({
  planner,
}) => {
  const suggest = new SuggestWorkflow(planner);
  await planner.open('#layers=districts,sites');
  await suggest.openTab();
  const before = await suggest.districtCoveredKm2(PUDONG);
  await suggest.chooseDistrict(PUDONG, 5);
  const result = await suggest.run();

  // The panel lists five ranked picks on poles, each adding land, with a curve of six points.
  expect(result.picks).toHaveLength(5);
  await expect(planner.page.getByTestId('suggest-pick')).toHaveCount(5);
  await expect(planner.page.getByTestId('suggest-chart').locator('circle')).toHaveCount(6);
  expect(result.picks.every((pick) => pick.gainKm2 > 0 && pick.poleId)).toBe(true);
  expect(result.coveredKm2Before).toBeCloseTo(before, 6);
  await expect.poll(() => planner.page.evaluate(() => window.__e2e!.suggest!.markerCount())).toBe(5);
  await planner.saveScreenshot('suggest-result.png');

  // Accept: one undo step adds five candidate sites on their poles; coverage rises by the reported gain.
  await suggest.acceptAll();
  const sites = await suggest.scenarioSites();
  expect(sites.filter((site) => site.status === 'candidate' && site.poleId)).toHaveLength(5);
  const reported = result.picks.reduce((sum, pick) => sum + pick.gainKm2, 0);
  const after = await suggest.districtCoveredKm2(PUDONG);
  expect(after - before).toBeCloseTo(reported, 6);
  expect(after).toBeCloseTo(result.coveredKm2After, 6);
  await planner.saveScreenshot('suggest-accepted.png');

  // Undo once: the five sites go and the coverage is back where it was.
  await planner.page.keyboard.press('Control+z');
  await expect.poll(async () => (await suggest.scenarioSites()).length).toBe(0);
  expect(await suggest.districtCoveredKm2(PUDONG)).toBeCloseTo(before, 6);
  expect(planner.consoleErrors).toEqual([]);
});

test('draw a candidate area in a weak spot, suggest from its grid, accept, undo; exact is at least as good as greedy', async ({
  planner,
}) => {
  test.setTimeout(240_000);
  const suggest = new SuggestWorkflow(planner);
  const page = planner.page;
  await planner.open('#layers=districts,sites');
  await suggest.openTab();
  const gap = await suggest.topGap(0.5);
  const [lon, lat] = gap.centroid;
  await suggest.goTo(14, lon, lat);
  // A square of about 1 km around the weak spot's centre.
  const dLat = 500 / 111_195;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const square: [number, number][] = [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
  ];
  const sitesBefore = (await suggest.scenarioSites()).length;

  // With the planner's add tool on, drawing holds the map: Esc cancels, and no click adds a site.
  await page.locator('body').press('a');
  await suggest.startDrawing();
  const corner = await suggest.pagePixel(...square[0]!);
  await page.mouse.click(corner.x, corner.y);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('suggest-draw-hint')).toBeHidden();
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(0);
  await suggest.drawArea(square);
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(1);
  // The double-click that finished the outline did not zoom the map.
  await planner.waitUntilReady();
  expect((await planner.view())?.zoom).toBeCloseTo(14, 3);
  expect((await suggest.scenarioSites()).length).toBe(sitesBefore);
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);

  // The panel counts the grid points before anything runs: ~ (1000 m / 100 m)² = 100.
  const count = await suggest.gridCount();
  expect(count).toBeGreaterThan(80);
  expect(count).toBeLessThan(125);
  await expect(page.getByTestId('suggest-use-grid')).toBeChecked();
  // A second area, closed on its first corner, shows with its own count; deleting it restores the total.
  // Drawn with the select tool this time, starting inside the weak spot: a click there would open the
  // weak spot's popup, but drawing holds the map.
  await page.locator('body').press('s');
  const [inLon, inLat] = await suggest.pointInGap(gap.id, lon, lat);
  await suggest.drawAreaClosingOnFirst([
    [inLon, inLat],
    [inLon + dLon / 2, inLat],
    [inLon + dLon / 4, inLat + dLat / 2],
  ]);
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(2);
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  expect(await suggest.gridCount()).toBeGreaterThan(count);
  await page.getByRole('button', { name: /删除区域 2|Delete area 2/ }).click();
  await expect(page.getByTestId('suggest-area-item')).toHaveCount(1);
  expect(await suggest.gridCount()).toBe(count);

  await page.getByTestId('suggest-grid-spacing').fill('5');
  await expect(page.getByTestId('suggest-grid-spacing-error')).toBeVisible();
  await page.getByTestId('suggest-grid-spacing').fill('100');
  await expect(page.getByTestId('suggest-grid-spacing-error')).toBeHidden();
  await planner.saveScreenshot('suggest-area-drawn.png');

  // The whole city's poles are far too many for exact mode: it is offered only with a reason why not.
  await expect(page.getByTestId('suggest-exact-reason')).toBeVisible();
  await expect(page.getByTestId('suggest-exact')).toBeDisabled();

  // Suggest 3 sites on the grid alone, in the weak spot's district.
  await page.getByTestId('suggest-use-poles').uncheck();
  await page.getByTestId('suggest-area-kind').selectOption('district');
  await page.getByTestId('suggest-district').selectOption(gap.adcode);
  await page.getByTestId('suggest-count').fill('3');
  await expect(page.getByTestId('suggest-exact-reason')).toBeHidden();
  const inArea = Number((await page.getByTestId('suggest-candidate-count').innerText()).replace(/\D/g, ''));
  expect(inArea).toBeGreaterThan(0);
  expect(inArea).toBeLessThanOrEqual(count);
  const before = await suggest.districtCoveredKm2(gap.adcode);
  const greedy = await suggest.run();
  expect(greedy.method).toBe('lazy-greedy');
  expect(greedy.candidateCount).toBe(count);
  expect(greedy.picks).toHaveLength(3);
  expect(greedy.picks.every((pick) => pick.source === 'grid' && pick.gainKm2 > 0)).toBe(true);

  // Accept: coverage rises by the reported gain; one undo restores it.
  await suggest.acceptAll();
  const reported = greedy.picks.reduce((sum, pick) => sum + pick.gainKm2, 0);
  expect((await suggest.districtCoveredKm2(gap.adcode)) - before).toBeCloseTo(reported, 6);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await suggest.scenarioSites()).length).toBe(sitesBefore);
  expect(await suggest.districtCoveredKm2(gap.adcode)).toBeCloseTo(before, 6);

  // Exact (HiGHS, wasm in the coverage worker) on the same instance: never worse than greedy.
  await expect(page.getByTestId('suggest-exact')).toBeEnabled();
  await page.getByTestId('suggest-exact').check();
  const exact = await suggest.run();
  expect(exact.method).toBe('exact');
  expect(exact.usefulCandidateCount).toBe(greedy.usefulCandidateCount);
  const weightOf = (result: typeof exact) => result.picks.reduce((sum, pick) => sum + pick.gainWeight, 0);
  expect(weightOf(exact)).toBeGreaterThanOrEqual(weightOf(greedy) * (1 - 1e-9));
  expect(exact.picks.length).toBeLessThanOrEqual(3);
  expect(planner.consoleErrors).toEqual([]);
  // HiGHS's wasm came from the app's own origin (the app asks no other host).
  expect(planner.requests.some((url) => /\/assets\/highs-[\w-]+\.wasm$/.test(url))).toBe(true);
  expect(planner.foreignRequests).toEqual([]);
});
