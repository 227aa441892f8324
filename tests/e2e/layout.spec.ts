/**
 * The layout from a 360 px phone to a 1024 × 700 projector: the page never scrolls sideways, and the
 * controls a user needs are on screen and not covered by another overlay (the toolbar once covered the
 * zoom button, and on phones the panels covered the map).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './driver';

const horizontalOverflowPx = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The control is inside the viewport and what is drawn at its centre is the control itself. */
async function expectReachable(page: Page, control: Locator, name: string): Promise<void> {
  await expect(control, name).toBeVisible();
  const box = await control.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.x, name).toBeGreaterThanOrEqual(0);
  expect(box!.y, name).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, name).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height, name).toBeLessThanOrEqual(viewport.height + 0.5);
  const onTop = await control.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return top !== null && (element === top || element.contains(top));
  });
  expect(onTop, `${name} is covered by another element`).toBe(true);
}

const mapControls = (page: Page) => ({
  'zoom in': page.locator('.maplibregl-ctrl-zoom-in'),
  'zoom out': page.locator('.maplibregl-ctrl-zoom-out'),
  'add-site tool': page.getByRole('toolbar').getByRole('button').nth(1),
  present: page.locator('.story-toolbar__button--present'),
  'export PNG': page.locator('.story-toolbar__button').nth(1),
  import: page.locator('.import-entry__button'),
});

test('1024 × 700 with a panel open: no sideways scroll, the toolbar clear of the zoom buttons', async ({
  planner,
}) => {
  await planner.page.setViewportSize({ width: 1024, height: 700 });
  await planner.open('#layers=districts');
  const page = planner.page;
  await page.getByRole('tab', { name: '覆盖' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  expect(await horizontalOverflowPx(page)).toBe(0);
  for (const [name, control] of Object.entries(mapControls(page))) await expectReachable(page, control, name);
  // The side panel's figure is readable beside the map.
  await expectReachable(page, page.getByRole('tab', { name: '规划' }), 'planner tab');
  expect(planner.consoleErrors).toEqual([]);
});

for (const viewport of [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
]) {
  test(`a ${viewport.width} px phone: panels open as sheets under a map that stays usable`, async ({
    planner,
  }) => {
    await planner.page.setViewportSize(viewport);
    await planner.open('#layers=districts');
    const page = planner.page;
    const map = page.locator('#map');
    expect(await horizontalOverflowPx(page)).toBe(0);
    // Closed: the map takes most of the screen, every feature tab and the layer sheet's tab in reach.
    expect((await map.boundingBox())!.height).toBeGreaterThan(viewport.height * 0.6);
    for (const name of ['覆盖', '规划', '区县', '指标', '选址', '校准', '团队']) {
      await expectReachable(page, page.getByRole('tab', { name }), `${name} tab`);
    }
    const layersTab = page.getByRole('button', { name: '图层', exact: true });
    await expectReachable(page, layersTab, 'layers tab');
    await expect(page.getByRole('navigation', { name: '图层与图例' })).toBeHidden();

    // A feature tab opens a sheet under the map; the map keeps a usable height and its controls.
    await page.getByRole('tab', { name: '区县' }).click();
    const sheet = page.getByRole('tabpanel');
    await expect(sheet).toBeVisible();
    expect(await horizontalOverflowPx(page)).toBe(0);
    const mapBox = (await map.boundingBox())!;
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height - 0.5);
    expect(mapBox.height).toBeGreaterThan(viewport.height * 0.3);
    for (const [name, control] of Object.entries(mapControls(page))) {
      await expectReachable(page, control, name);
    }

    // The layer list is a sheet too: its switches work, and the tab closes it again.
    await layersTab.click();
    const layers = page.getByRole('navigation', { name: '图层与图例' });
    await expect(layers).toBeVisible();
    await expect(sheet).toHaveCount(0);
    expect(await horizontalOverflowPx(page)).toBe(0);
    const districts = page.locator('[data-layer-id="districts"] input[type="checkbox"]');
    await districts.scrollIntoViewIfNeeded();
    await expectReachable(page, districts, 'districts switch');
    await layersTab.click();
    await expect(layers).toBeHidden();
    expect(planner.consoleErrors).toEqual([]);
  });
}
