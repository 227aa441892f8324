import { expect, test } from './driver';

test('the built app shows Shanghai offline: only its own origin, no console errors, map idle', async ({
  planner,
}) => {
  await planner.open();
  await expect(planner.page.getByRole('heading', { level: 1 })).toContainText('上海');
  // 16 districts: their boundaries and one label each are on screen.
  expect(await planner.renderedCount('districts')).toBeGreaterThanOrEqual(16 * 2);
  // The 32,000 sample sites loaded after first paint and are drawn.
  expect(await planner.renderedCount('sites')).toBeGreaterThan(20_000);
  await expect(planner.page.getByRole('status')).toContainText('地图已就绪');
  await expect(planner.page.locator('.status-line__sample')).toContainText('示意数据');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('© OpenStreetMap contributors');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('geoBoundaries');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('metromancn');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('WorldPop (CC BY 4.0)');
  await planner.saveScreenshot('planner-zh.png');
  expect(planner.foreignRequests).toEqual([]);
  expect(planner.consoleErrors).toEqual([]);
});
