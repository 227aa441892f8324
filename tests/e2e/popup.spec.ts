import { expect, test } from './driver';

test('clicking a district opens a popup with its Chinese and English names, code and area', async ({
  planner,
}) => {
  await planner.open('#layers=districts&lang=zh');
  await planner.clickMapAt(121.291, 30.824); // inside 金山区
  const popup = planner.popup();
  await expect(popup).toBeVisible();
  await expect(popup.locator('h3')).toHaveText('金山区');
  await expect(popup).toContainText('Jinshan District');
  await expect(popup).toContainText('310116');
  await expect(popup).toContainText('平方公里');
  await expect(planner.page).toHaveURL(/layers=districts/);
  await planner.saveScreenshot('planner-district-popup.png');
  expect(planner.consoleErrors).toEqual([]);
});

test('a data-centre popup states its precision and source; a site popup says sample data', async ({
  planner,
}) => {
  // Centred west of Jinshan so that the Zhejiang side of the border is on the map beside the side panels.
  await planner.open('#map=10/30.95/121.15&layers=datacentres,sites&lang=en');
  // The pointer cursor says what can be clicked: a data centre yes, a point outside Shanghai no.
  await planner.hover({ layerId: 'datacentres', featureId: 'dc_jinshan' });
  await expect.poll(() => planner.mapCursor()).toBe('pointer');
  await planner.hover({ longitude: 120.97, latitude: 30.85 }); // Jiashan, Zhejiang: nothing of ours
  await expect.poll(() => planner.mapCursor()).toBe('');
  // Jinshan hub cluster: a placeholder location, which the popup must say.
  await planner.clickFeature('datacentres', 'dc_jinshan');
  await expect(planner.popup().locator('h3')).toHaveText('Jinshan DC cluster');
  await expect(planner.popup()).toContainText('Hub cluster');
  await expect(planner.popup()).toContainText('Placeholder location, not verified');
  await expect(planner.popup()).toContainText('Source');

  await planner.page.keyboard.press('Escape');
  await expect(planner.popup()).toHaveCount(0);
  await planner.clickFeature('sites');
  await expect(planner.popup()).toContainText('Sample data');
  expect(planner.consoleErrors).toEqual([]);
});
