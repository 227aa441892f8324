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
  await expect.poll(() => planner.page.evaluate(() => window.__planner!.suggest!.markerCount())).toBe(5);
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
