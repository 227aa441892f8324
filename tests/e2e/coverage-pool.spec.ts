/**
 * The browser's coverage pool: on a machine the page sees as 3 cores, a full compute is split between the
 * coverage worker and one helper (navigator.hardwareConcurrency − 1 = 2 workers); on 2 cores it runs in
 * the coverage worker alone. Both give the same grid cell for cell (a digest of every land cell's value,
 * server and state) and the same figures, in radius mode on load and in path-loss mode after the switch.
 */
import type { Browser } from '@playwright/test';
import type {} from '../../src/app/coverage-test-hook';
import type { CoverageStats } from '../../src/domain/coverage/report';
import { expect, PlannerDriver, test } from './driver';
import { CoverageDriver } from './drivers/coverage-driver';

interface Computed {
  stats: CoverageStats;
  grid: { bandCount: number; digest: string };
}

/** Opens the app on a page that reports `cores` cores; the first compute (radius) and path loss. */
async function computeWith(browser: Browser, cores: number): Promise<Computed[]> {
  const { baseURL, viewport, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport, locale });
  try {
    const page = await context.newPage();
    await page.addInitScript((count) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => count });
    }, cores);
    const coverage = new CoverageDriver(new PlannerDriver(page));
    const grid = () => page.evaluate(() => window.__e2e!.coverage!.workerGrid());
    const radius = { stats: await coverage.open(), grid: await grid() };
    const pathLoss = { stats: await coverage.switchMode('pathloss'), grid: await grid() };
    return [radius, pathLoss];
  } finally {
    await context.close();
  }
}

test('a pool of two workers computes exactly what one worker does', async ({ browser }) => {
  test.setTimeout(600_000);
  const pooled = await computeWith(browser, 3);
  const single = await computeWith(browser, 2);
  for (const [index, mode] of (['radius', 'pathloss'] as const).entries()) {
    const [two, one] = [pooled[index]!, single[index]!];
    expect(two.stats.mode).toBe(mode);
    expect(one.grid.bandCount).toBe(1);
    expect(two.grid.bandCount).toBe(2);
    expect(two.grid.digest).toBe(one.grid.digest);
    expect(two.stats.sites.total).toBe(one.stats.sites.total);
    expect(two.stats.coveredFraction).toBeGreaterThan(0.1);
    expect(two.stats.coveredKm2).toBeCloseTo(one.stats.coveredKm2, 6);
    expect(two.stats.gaps).toEqual(one.stats.gaps);
    for (const [district, figures] of two.stats.districts.entries())
      expect(figures.coveredKm2).toBeCloseTo(one.stats.districts[district]!.coveredKm2, 6);
  }
});
