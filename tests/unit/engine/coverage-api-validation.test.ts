/**
 * The coverage worker's messages are a door for sites too: a compute, an upsert or a move that breaks
 * the attribute panel's rules is refused with the reason, before the grid is touched, and the worker
 * keeps its previous state and answers the next call.
 */
import { describe, expect, it } from 'vitest';
import { createCoverageApi } from '../../../src/engine/coverage-api';
import { city, site } from '../support/coverage/synthetic-city';

const init = { ...city, settings: { cellM: 100, minGapAreaKm2: 0 } };

describe('coverage worker: site validation', () => {
  it('refuses a compute with a 10⁶ m radius or a 10 km mast, naming the site', async () => {
    const api = createCoverageApi();
    await api.init(init);
    const good = await api.compute([site('a', 121.42, 31.22)], { requestId: 1, raster: 'none' });
    await expect(
      api.compute([site('a', 121.42, 31.22), site('wide', 121.45, 31.23, { radiusM: 1e6 })], {
        requestId: 2,
        raster: 'none',
      }),
    ).rejects.toThrow('site "wide": radiusM must be between 1 and 50000 m');
    await expect(
      api.upsertSite(site('tall', 121.45, 31.23, { heightM: 10_000 }), { requestId: 3, raster: 'none' }),
    ).rejects.toThrow('site "tall": heightM must be between 1 and 300 m');
    await expect(api.moveSite('a', Number.NaN, 31.2, { requestId: 4, raster: 'none' })).rejects.toThrow(
      'not a WGS84 position',
    );
    // Nothing was half applied: the statistics are those of the last good compute.
    expect((await api.getStats()).coveredKm2).toBeCloseTo(good.stats.coveredKm2, 9);
    const next = await api.upsertSite(site('b', 121.48, 31.24), { requestId: 5, raster: 'none' });
    expect(next.stats.sites.total).toBe(2);
  });
});
