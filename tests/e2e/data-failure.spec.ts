import { expect, test } from './driver';

test('when one data file fails to load, the user is told and the other layers keep working', async ({
  planner,
}) => {
  await planner.breakDataFile('plan-zones');
  await planner.open('#layers=districts,newTowns,datacentres&lang=en');
  await expect(planner.page.getByRole('alert')).toContainText('Could not load');
  await expect(planner.page.getByRole('alert')).toContainText('Spatial layout');
  await expect(planner.page.locator('[data-layer-id="newTowns"] .badge--error')).toBeVisible();
  expect(await planner.renderedCount('newTowns')).toBe(0);
  expect(await planner.renderedCount('districts')).toBeGreaterThanOrEqual(32);
  expect(await planner.renderedCount('datacentres')).toBeGreaterThan(5);
  // The only console errors are the browser's own report of the 404.
  expect(planner.consoleErrors.filter((message) => !message.includes('404'))).toEqual([]);
});
