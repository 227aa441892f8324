/**
 * A long site list crosses to the coverage worker packed (packed-points.ts): the worker must compute
 * exactly what it computes from the plain list.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCoverageApi } from '../../../src/engine/coverage-api';
import { CoverageClient } from '../../../src/engine/coverage-client';
import { city, islandZone, site } from '../support/coverage/synthetic-city';

const init = { ...city, zones: islandZone, settings: { cellM: 200, minGapAreaKm2: 0 } };
// 1,200 sites (packed from 1,000), a few of each kind and band, on a grid across the island.
const sites = Array.from({ length: 1_200 }, (_, index) =>
  site(`s${index}`, 121.3 + (index % 40) * 0.009, 31.1 + Math.floor(index / 40) * 0.008, {
    ...(index % 3 === 0 ? { kind: 'micro' as const } : {}),
    ...(index % 4 === 0 ? { band: 'n28' as const } : {}),
  }),
);

describe('coverage client: a long site list sent packed', () => {
  it('gives the same statistics and gaps as the plain list given to the worker API', async () => {
    const plain = createCoverageApi();
    await plain.init(init);
    const expected = await plain.compute(sites, { requestId: 1, raster: 'none' });

    const { port1, port2 } = new MessageChannel();
    Comlink.expose(createCoverageApi(), port1 as unknown as Comlink.Endpoint);
    const client = new CoverageClient(port2 as unknown as Comlink.Endpoint);
    await client.init(init);
    const packed = await client.compute(sites, { raster: 'none' });
    port1.close();
    port2.close();

    expect(packed!.stats.sites.total).toBe(1_200);
    expect(packed!.stats).toEqual(expected.stats);
    expect(packed!.gaps).toEqual(expected.gaps);
  });
});
