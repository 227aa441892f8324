import type { LayerId } from '../../src/domain/layers/catalogue';
import { expect, test } from './driver';

// The light layers, each switched off and on again from the keyboard. The 32,000 sites are left
// off here (each SwiftShader frame with them costs ~1 s) and switched in a test of their own.
const LIGHT_LAYERS: LayerId[] = [
  'districts',
  'newTowns',
  'wings',
  'keyAreas',
  'datacentres',
  'cableLandings',
  'internetExchange',
  'metro',
];

test('each layer switch hides and shows what the map draws', async ({ planner }) => {
  await planner.open(`#layers=${LIGHT_LAYERS.join(',')}`);
  for (const layerId of LIGHT_LAYERS) {
    const shownCount = await planner.renderedCount(layerId);
    expect(shownCount, `${layerId} drawn at start`).toBeGreaterThan(0);
    const shownPixels = await planner.mapPixels();

    await planner.toggleLayer(layerId);
    await expect(planner.layerToggle(layerId)).not.toBeChecked();
    expect(await planner.renderedCount(layerId), `${layerId} hidden`).toBe(0);
    expect((await planner.mapPixels()).equals(shownPixels), `${layerId}: canvas changed when hidden`).toBe(
      false,
    );

    await planner.toggleLayer(layerId);
    expect(await planner.renderedCount(layerId), `${layerId} shown again`).toBe(shownCount);
  }
  expect(planner.consoleErrors).toEqual([]);
});

test('the 5G sample sites switch on and off', async ({ planner }) => {
  await planner.open('#layers=districts');
  expect(await planner.renderedCount('sites')).toBe(0);
  await planner.toggleLayer('sites');
  expect(await planner.renderedCount('sites')).toBeGreaterThan(20_000);
  await planner.toggleLayer('sites');
  expect(await planner.renderedCount('sites')).toBe(0);
  expect(planner.consoleErrors).toEqual([]);
});

test('comprehensive poles load when switched on and show from zoom 12', async ({ planner }) => {
  await planner.open('#map=13.5/31.23/121.47&layers=districts,poles&lang=zh');
  await expect(planner.layerToggle('poles')).toBeChecked();
  expect(await planner.renderedCount('poles')).toBeGreaterThan(100);
  await planner.saveScreenshot('planner-poles-z13.png');
  await planner.toggleLayer('poles');
  expect(await planner.renderedCount('poles')).toBe(0);
  expect(planner.consoleErrors).toEqual([]);
});

test('a new town is named once at district zoom, however many tiles it spans', async ({ planner }) => {
  // Zoom 12 on 嘉定新城 (the other new towns are out of view).
  await planner.open('#map=12/31.336/121.228&layers=districts,newTowns');
  await planner.waitUntilReady();
  await expect
    .poll(() => planner.page.evaluate(() => window.__e2e!.renderedOnMapLayers(['newTowns-label'])))
    .toBe(1);
  expect(planner.consoleErrors).toEqual([]);
});
