/**
 * Coverage in the app: computed on load in the worker, shown in the panel to the panel's precision,
 * mode switch recomputes, raster and gaps render, the map keeps panning while the city is
 * recomputed at 25 m, and a district's figures equal the worker's.
 */

import { expect, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';

const round1 = (value: number): number => Math.round(value * 10) / 10;

test('coverage computes on load, follows the mode switch and keeps the map responsive', async ({
  planner,
  page,
}) => {
  test.setTimeout(240_000);
  const coverage = new CoverageDriver(planner);
  const timings: Record<string, number> = {};
  let started = Date.now();
  const loaded = await coverage.open();
  timings.loadToFirstResultMs = Date.now() - started;

  // City figure on load: within (0, 1], and the panel shows the hook's value to its precision.
  expect(loaded.mode).toBe('radius');
  expect(loaded.coveredFraction).toBeGreaterThan(0);
  expect(loaded.coveredFraction).toBeLessThanOrEqual(1);
  expect(loaded.sites.total).toBeGreaterThan(30_000);
  expect(await coverage.cityPercentShown()).toBe(round1(loaded.coveredFraction * 100));
  await planner.saveScreenshot('coverage-radius.png');

  // The raster draws: hiding it changes a good share of the map's pixels.
  await planner.waitUntilReady();
  const withRaster = await planner.mapPixels();
  await coverage.setRasterVisible(false);
  const withoutRaster = await planner.mapPixels();
  await coverage.setRasterVisible(true);
  expect(withRaster.equals(withoutRaster)).toBe(false);
  const changed = await page.evaluate(
    async ([a, b]) => {
      const decode = async (base64: string) => {
        // From bytes, not fetched from a data: URL, which the page's connect-src refuses.
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [one, two] = [await decode(a), await decode(b)];
      let differing = 0;
      for (let index = 0; index < one.length; index += 4) {
        const delta =
          Math.abs(one[index]! - two[index]!) +
          Math.abs(one[index + 1]! - two[index + 1]!) +
          Math.abs(one[index + 2]! - two[index + 2]!);
        if (delta > 30) differing++;
      }
      return differing / (one.length / 4);
    },
    [withRaster.toString('base64'), withoutRaster.toString('base64')] as const,
  );
  expect(changed).toBeGreaterThan(0.2);

  // Gaps render as polygons on the map.
  expect(await page.evaluate(() => window.__e2e!.coverage!.gapCount())).toBe(loaded.gaps.count);
  expect(await coverage.renderedGapCount()).toBeGreaterThan(10);

  // Path-loss mode recomputes and the figure changes.
  started = Date.now();
  const pathloss = await coverage.switchMode('pathloss');
  timings.switchToPathlossMs = Date.now() - started;
  expect(pathloss.mode).toBe('pathloss');
  expect(pathloss.rsrpClassesKm2).toBeDefined();
  expect(Math.abs(pathloss.coveredFraction - loaded.coveredFraction)).toBeGreaterThan(0.005);
  expect(await coverage.cityPercentShown()).toBe(round1(pathloss.coveredFraction * 100));
  await planner.saveScreenshot('coverage-pathloss.png');
  started = Date.now();
  const back = await coverage.switchMode('radius');
  timings.switchToRadiusMs = Date.now() - started;
  expect(back.coveredFraction).toBeCloseTo(loaded.coveredFraction, 6);

  // The district figures equal the worker's own numbers.
  await coverage.pickDistrict('310115');
  const worker = await coverage.workerStats();
  const pudong = worker.districts.find((district) => district.adcode === '310115')!;
  expect(await coverage.districtPercentShown()).toBe(round1(pudong.coveredFraction * 100));
  await expect(page.getByTestId('coverage-district')).toContainText(
    new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      pudong.coveredKm2,
    ),
  );

  // Responsiveness: recompute the whole city at 25 m and pan the map meanwhile.
  const probe = [121.47, 31.23] as const;
  const pixelBefore = await page.evaluate(([lon, lat]) => window.__e2e!.project(lon, lat), probe);
  await coverage.startFrameMeter();
  started = Date.now();
  await coverage.applyCellSize(25);
  await expect.poll(() => coverage.status()).toBe('computing');
  const box = await planner.mapCanvas().boundingBox();
  if (!box) throw new Error('map canvas not visible');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // A drag while the worker computes: the status is read once the drag has begun (on a loaded machine
  // each step can wait a second for a frame, and the compute may end before the whole drag does), the
  // map position mid-drag, before the release.
  const panStarted = Date.now();
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 40, centre.y + 15);
  const statusWhilePanning = await coverage.status();
  await page.mouse.move(centre.x - 160, centre.y + 60, { steps: 3 });
  const pixelWhileComputing = await page.evaluate(([lon, lat]) => window.__e2e!.project(lon, lat), probe);
  await page.mouse.up();
  timings.panMs = Date.now() - panStarted;
  const fine = await coverage.whenComputed();
  timings.recompute25mMs = Date.now() - started;
  const frames = await coverage.stopFrameMeter();
  console.log(JSON.stringify({ timings, frameMeter: frames, statusWhilePanning }));
  expect(statusWhilePanning).toBe('computing');
  // The map moved with the drag (a fixed place moved left on screen) while the worker computed.
  expect(pixelWhileComputing.x).toBeLessThan(pixelBefore.x - 50);
  // The main thread kept drawing frames through the recompute: were the compute on it, one frame gap
  // would span the whole compute. On a quiet machine the gaps stay far below 200 ms; on this shared,
  // oversubscribed 2-core VM the compositor itself waits for CPU, so the bound is relative: the longest
  // gap under half the compute (main at 22125e3 measured 1,483 ms of 4,361 ms here at load 1, and
  // 650 ms of 3,930 ms in an earlier run), with frames all through it.
  expect(Number.isFinite(frames.whileComputing.durationMs)).toBe(true);
  expect(frames.whileComputing.durationMs).toBeGreaterThan(500);
  expect(frames.whileComputing.frames).toBeGreaterThan(5);
  expect(frames.whileComputing.maxFrameGapMs).toBeLessThan(frames.whileComputing.durationMs / 2);
  expect(fine.cellM).toBe(25);
  await planner.saveScreenshot('coverage-25m.png');
  expect(planner.consoleErrors).toEqual([]);
  expect(planner.foreignRequests).toEqual([]);
});
