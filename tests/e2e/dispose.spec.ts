import { expect, test } from './driver';

test('the whole app disposes cleanly: every feature, map module, worker and listener lets go without an error', async ({
  planner,
}) => {
  // Story and district open so their map modules hold layers; coverage has computed.
  await planner.open('#layers=districts,sites,newTowns&lang=en');
  await planner.page.evaluate(() => window.__e2e!.coverage!.whenComputed());
  const before = await planner.page.evaluate(() => document.querySelectorAll('#map canvas').length);
  expect(before).toBeGreaterThan(0);
  await planner.page.evaluate(() => window.__e2e!.dispose());
  // The map and the UI are gone; nothing threw while their parts were taken down.
  await expect(planner.page.locator('#map canvas')).toHaveCount(0);
  await expect(planner.page.locator('#root')).toBeEmpty();
  // Store changes after disposal reach no feature: a new site would be drawn by a disposed map module.
  await planner.page.evaluate(() => {
    const site = {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [121.47, 31.23] },
      properties: { id: 'after-dispose', status: 'candidate' as const },
    };
    window.__e2e!.state().editScenario({ kind: 'change', change: { type: 'putSites', sites: [site] } });
    window.__e2e!.state().setSelectedSiteIds(['after-dispose']);
  });
  await planner.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(planner.consoleErrors).toEqual([]);
});
