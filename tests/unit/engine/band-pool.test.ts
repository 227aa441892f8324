/**
 * The browser's coverage pool (band-pool.ts, band-api.ts) over real MessageChannels: a full compute split
 * between the coverage API and a helper gives the single worker's grid cell for cell, its figures, gaps
 * and image; edits after it stay in the coverage API and still agree; a pooled compute can be cancelled.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createBandApi } from '../../../src/engine/band-api';
import { POOL_MIN_SITES } from '../../../src/engine/band-pool';
import { CancelledError, createCoverageApi } from '../../../src/engine/coverage-api';
import { city, islandZone, site } from '../support/coverage/synthetic-city';

const init = { ...city, zones: islandZone, settings: { cellM: 100, minGapAreaKm2: 0 } };
const kinds = ['macro', 'micro', 'indoor'] as const;
// A deterministic scatter over the synthetic districts, sectors and omnis of every kind.
const sites = Array.from({ length: POOL_MIN_SITES.pathloss + 500 }, (_, index) =>
  site(`s${index}`, 121.4 + ((index * 7919) % 1200) / 10_000, 31.2 + ((index * 104_729) % 600) / 10_000, {
    kind: kinds[index % 3],
    ...(index % 4 === 0 ? {} : { azimuthDeg: (index * 37) % 360 }),
  }),
);

/** A coverage API with `helpers` pool helpers, each on its own channel, as the page connects them. */
async function pooledApi(helpers: number) {
  const api = createCoverageApi();
  const ports = Array.from({ length: helpers }, () => {
    const channel = new MessageChannel();
    Comlink.expose(createBandApi(), channel.port1 as unknown as Comlink.Endpoint);
    return channel.port2 as unknown as MessagePort;
  });
  if (helpers > 0) api.attachPool(ports);
  await api.init({ ...init, settings: { ...init.settings, mode: 'pathloss' } });
  return api;
}

describe('coverage pool in the worker API', () => {
  it('gives the single worker result cell for cell, and edits afterwards agree too', async () => {
    const single = await pooledApi(0);
    const pooled = await pooledApi(1);
    const progress: number[] = [];
    const one = await single.compute(sites, { requestId: 1 });
    const two = await pooled.compute(sites, { requestId: 1 }, (fraction) => progress.push(fraction));
    const [gridOne, gridTwo] = [await single.gridReport(), await pooled.gridReport()];
    expect(gridOne.bandCount).toBe(1);
    expect(gridTwo.bandCount).toBe(2);
    expect(gridTwo.digest).toBe(gridOne.digest);
    expect(Buffer.from(two.raster!.rgba).equals(Buffer.from(one.raster!.rgba))).toBe(true);
    expect(two.stats.coveredKm2).toBeCloseTo(one.stats.coveredKm2, 9);
    expect(two.stats.coveredFraction).toBeGreaterThan(0.05);
    for (const [index, district] of two.stats.districts.entries())
      expect(district.coveredKm2).toBeCloseTo(one.stats.districts[index]!.coveredKm2, 9);
    expect(two.gaps).toEqual(one.gaps);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);

    // Edits run in the coverage API on its whole state: a move and a removal agree cell for cell.
    for (const api of [single, pooled]) {
      await api.moveSite('s10', 121.45, 31.23, { requestId: 2 });
      await api.removeSite('s11', { requestId: 3 });
    }
    expect((await pooled.gridReport()).digest).toBe((await single.gridReport()).digest);
    expect((await pooled.getStats()).coveredKm2).toBeCloseTo((await single.getStats()).coveredKm2, 9);
  });

  it('stays in one worker below the pool size of sites and with SINR on', async () => {
    const pooled = await pooledApi(1);
    await pooled.compute(sites.slice(0, POOL_MIN_SITES.pathloss - 1), { requestId: 1, raster: 'none' });
    expect((await pooled.gridReport()).bandCount).toBe(1);
    await pooled.setSettings({ sinr: true }, { requestId: 2, raster: 'none' });
    await pooled.compute(sites, { requestId: 3, raster: 'none' });
    expect((await pooled.gridReport()).bandCount).toBe(1);
  });

  it('cancels a pooled compute, and the next one is whole', async () => {
    const single = await pooledApi(0);
    const pooled = await pooledApi(1);
    const running = pooled.compute(sites, { requestId: 1, raster: 'none' });
    pooled.cancel(1);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await pooled.compute(sites, { requestId: 2, raster: 'none' });
    await single.compute(sites, { requestId: 1, raster: 'none' });
    expect((await pooled.gridReport()).digest).toBe((await single.gridReport()).digest);
  });
});
