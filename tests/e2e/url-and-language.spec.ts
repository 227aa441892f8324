import { expect, PlannerDriver, test } from './driver';

test('a link reopens the same view, layers and language', async ({ planner, browser }) => {
  await planner.open('#map=11.5/31.23/121.47&layers=districts,metro&lang=en');
  const opened = await planner.view();
  expect(opened?.zoom).toBeCloseTo(11.5, 2);
  expect(opened?.latitude).toBeCloseTo(31.23, 3);
  expect(opened?.longitude).toBeCloseTo(121.47, 3);
  await expect(planner.layerToggle('metro')).toBeChecked();
  await expect(planner.layerToggle('sites')).not.toBeChecked();

  await planner.panMap(200, 120);
  const hash = await planner.settledHash();
  const moved = await planner.view();
  expect(moved?.longitude).not.toBeCloseTo(121.47, 2);

  const second = new PlannerDriver(await browser.newPage());
  await second.open(hash);
  const reopened = await second.view();
  expect(reopened?.zoom).toBeCloseTo(moved?.zoom ?? 0, 1);
  expect(reopened?.latitude).toBeCloseTo(moved?.latitude ?? 0, 3);
  expect(reopened?.longitude).toBeCloseTo(moved?.longitude ?? 0, 3);
  await expect(second.layerToggle('metro')).toBeChecked();
  await expect(second.layerToggle('sites')).not.toBeChecked();
  await expect(second.page.getByRole('heading', { level: 1 })).toContainText('Shanghai');
  expect([...planner.consoleErrors, ...second.consoleErrors]).toEqual([]);
  await second.page.close();
});

test('the English switch changes the panel, the legend and the map labels', async ({ planner }) => {
  await planner.open('#map=10/31.2/121.45&layers=districts,newTowns&lang=zh');
  await expect(planner.page.locator('.layer-panel').getByRole('heading', { level: 2 })).toHaveText('图层');
  const chinesePixels = await planner.mapPixels();

  await planner.switchLanguage();
  await expect(planner.page.getByRole('heading', { level: 1 })).toContainText('Shanghai');
  await expect(planner.page.locator('.layer-panel').getByRole('heading', { level: 2 })).toHaveText('Layers');
  await expect(planner.page.getByText('New town (approximate extent)')).toBeVisible();
  expect(await planner.labelExpression('districts-label')).toContain('name_en');
  expect((await planner.mapPixels()).equals(chinesePixels)).toBe(false);
  await expect(planner.page).toHaveURL(/lang=en/);
  await expect(planner.page.locator('html')).toHaveAttribute('lang', 'en');
  await planner.saveScreenshot('planner-en.png');
  expect(planner.consoleErrors).toEqual([]);
});
