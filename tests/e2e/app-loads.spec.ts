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
  await expect(planner.page.locator('.status-line__state')).toContainText('地图已就绪');
  await expect(planner.page.locator('.status-line__sample')).toContainText('示意数据');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('© OpenStreetMap contributors');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('geoBoundaries');
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('metromancn');
  // The attribution links the licences of the code the build ships (maplibre-gl's and React's among them).
  const licencesLink = planner.page
    .locator('.maplibregl-ctrl-attrib')
    .getByRole('link', { name: /Licences/ });
  await expect(licencesLink).toBeVisible();
  const licences = await planner.page.request.get(
    new URL((await licencesLink.getAttribute('href')) ?? '', planner.page.url()).href,
  );
  expect(licences.status()).toBe(200);
  const licencesText = await licences.text();
  expect(licencesText).toMatch(/\nmaplibre-gl [\d.]+ — BSD-3-Clause\n/);
  expect(licencesText).toMatch(/\nreact [\d.]+ — MIT\n[\s\S]*Copyright \(c\) Meta Platforms/);
  await expect(planner.page.locator('.maplibregl-ctrl-attrib')).toContainText('WorldPop (CC BY 4.0)');
  await planner.saveScreenshot('planner-zh.png');
  expect(planner.foreignRequests).toEqual([]);
  expect(planner.consoleErrors).toEqual([]);
});
