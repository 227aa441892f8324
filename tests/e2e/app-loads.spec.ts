import { expect, test } from './driver';

test('the built app shows Shanghai offline: only its own origin, no console errors, map idle', async ({
  planner,
}) => {
  await planner.open();
  await expect(planner.page.getByRole('heading', { level: 1 })).toContainText('上海');
  expect(await planner.renderedCount('districts')).toBeGreaterThan(16);
  await planner.saveScreenshot('planner-zh.png');
  expect(planner.foreignRequests).toEqual([]);
  expect(planner.consoleErrors).toEqual([]);
});
