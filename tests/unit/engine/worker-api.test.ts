import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, createCoverageApi } from '../../../src/engine/coverage-api';
import { CoverageClient } from '../../../src/engine/coverage-client';
import { city, islandZone, site } from '../support/coverage/synthetic-city';

const sites = [
  site('a', 121.42, 31.22),
  site('b', 121.48, 31.24, { kind: 'micro' }),
  site('c', 121.61, 31.31),
];
const init = { ...city, zones: islandZone, settings: { cellM: 100, minGapAreaKm2: 0 } };

describe('coverage worker API (the functions the worker exposes)', () => {
  it('computes stats, gaps and a raster whose corners frame the grid', async () => {
    const api = createCoverageApi();
    const grid = await api.init(init);
    const progress: number[] = [];
    const result = await api.compute(sites, { requestId: 1 }, (fraction) => progress.push(fraction));
    expect(result.requestId).toBe(1);
    expect(result.stats.sites.total).toBe(3);
    expect(result.stats.coveredFraction).toBeGreaterThan(0.02);
    expect(result.stats.coveredFraction).toBeLessThan(1);
    expect(result.gaps.features.length).toBe(result.stats.gaps.count);
    expect(result.raster!.width).toBe(grid.columns);
    expect(result.raster!.rgba.length).toBe(grid.columns * grid.rows * 4);
    expect(result.raster!.coordinates[0]).toEqual([grid.bounds[0], grid.bounds[3]]);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it('edits return patches and the same statistics as a fresh compute', async () => {
    const api = createCoverageApi();
    await api.init(init);
    await api.compute(sites, { requestId: 1 });
    const moved = await api.moveSite('a', 121.44, 31.23, { requestId: 2 });
    await api.upsertSite(site('d', 121.5, 31.25, { band: 'n28' }), { requestId: 3 });
    const removed = await api.removeSite('b', { requestId: 4 });
    expect(moved.rasterPatches.length).toBeGreaterThan(0);
    expect(moved.rasterPatches[0]!.rgba.length).toBe(
      moved.rasterPatches[0]!.width * moved.rasterPatches[0]!.height * 4,
    );
    const fresh = createCoverageApi();
    await fresh.init(init);
    const expected = await fresh.compute(
      [site('a', 121.44, 31.23), site('c', 121.61, 31.31), site('d', 121.5, 31.25, { band: 'n28' })],
      { requestId: 1, raster: 'none' },
    );
    expect(removed.stats.coveredKm2).toBeCloseTo(expected.stats.coveredKm2, 9);
    expect(removed.stats.gaps.count).toBe(expected.stats.gaps.count);
  });

  it('cancels a running compute, and a newer compute supersedes an older one', async () => {
    const api = createCoverageApi();
    await api.init(init);
    const many = Array.from({ length: 9000 }, (_, index) =>
      site(`m${index}`, 121.4 + (index % 90) * 0.0013, 31.2 + Math.floor(index / 90) * 0.0006),
    );
    const first = api.compute(many, { requestId: 1 });
    api.cancel(1);
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const older = api.compute(many, { requestId: 2 });
    const newer = api.compute(sites, { requestId: 3 });
    await expect(older).rejects.toBeInstanceOf(CancelledError);
    expect((await newer).stats.sites.total).toBe(3);
    // An edit after a cancelled compute still sees a whole grid.
    const update = await api.upsertSite(site('z', 121.45, 31.21), { requestId: 4 });
    expect(update.stats.sites.total).toBe(4);
  });

  it('changes settings and recomputes the same sites', async () => {
    const api = createCoverageApi();
    await api.init(init);
    const radius = await api.compute(sites, { requestId: 1 });
    const pathloss = await api.setSettings({ mode: 'pathloss', cellM: 50 }, { requestId: 2 });
    expect(pathloss.stats.mode).toBe('pathloss');
    expect(pathloss.stats.cellM).toBe(50);
    expect(pathloss.stats.rsrpClassesKm2).toBeDefined();
    expect(pathloss.stats.coveredKm2).not.toBeCloseTo(radius.stats.coveredKm2, 3);
    const footprint = await api.siteFootprint('a');
    expect(footprint!.servedKm2).toBeGreaterThan(0);
    expect(footprint!.buffer!.geometry.type).toBe('Polygon');
  });
});

describe('CoverageClient over a real message channel', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });
  const connect = (): CoverageClient => {
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose(createCoverageApi(), channel.port1 as unknown as Comlink.Endpoint);
    return new CoverageClient(channel.port2 as unknown as Comlink.Endpoint);
  };

  it('drops a stale compute, reports progress and transfers the raster', async () => {
    const client = connect();
    await client.init(init);
    const progress: number[] = [];
    const stale = client.compute(sites.slice(0, 1));
    const latest = client.compute(sites, { onProgress: (fraction) => progress.push(fraction) });
    expect(await stale).toBeUndefined();
    const result = await latest;
    expect(result!.stats.sites.total).toBe(3);
    expect(result!.raster!.rgba).toBeInstanceOf(Uint8ClampedArray);
    // Progress arrives through a proxy; give the last message a turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.at(-1)).toBe(1);
  });

  it('carries the patches of a dropped edit into the next delivered one', async () => {
    const client = connect();
    await client.init(init);
    await client.compute(sites);
    const first = client.moveSite('a', 121.45, 31.21);
    const second = client.moveSite('c', 121.605, 31.305);
    expect(await first).toBeUndefined();
    const update = await second;
    expect(update!.stats.sites.total).toBe(3);
    // a moved across the mainland (two windows or one merged) and c on the island (one window).
    expect(update!.rasterPatches.length).toBeGreaterThanOrEqual(2);
  });

  it('edits send only changed gaps, yet every delivered update holds the same gaps as a fresh compute', async () => {
    const client = connect();
    await client.init(init);
    await client.compute(sites);
    // Two dropped edits and a stale compute in between: their gap changes still count.
    void client.moveSite('a', 121.45, 31.21);
    void client.compute(sites.slice(0, 2));
    void client.upsertSite(site('e', 121.52, 31.27));
    const update = await client.removeSite('b');
    const reference = connect();
    await reference.init(init);
    // The compute replaced every site (a back where it was, no c); then e came and b went.
    const expected = await reference.compute([sites[0]!, site('e', 121.52, 31.27)]);
    const shape = (gaps: NonNullable<typeof update>['gaps']) =>
      gaps.features.map((gap) => `${gap.properties.cellCount}:${gap.properties.areaKm2.toFixed(9)}`).sort();
    expect(update!.stats.sites.total).toBe(2);
    expect(update!.gaps.features.length).toBe(update!.stats.gaps.count);
    expect(shape(update!.gaps)).toEqual(shape(expected!.gaps));
  });

  it("with SINR on, edits ship only the quality gaps they changed, yet the client holds a fresh compute's", async () => {
    // Twelve co-channel macro masts: at a 20 dB threshold, ~100 quality gaps between them.
    const lattice = Array.from({ length: 12 }, (_, index) =>
      site(`q${index}`, 121.41 + (index % 4) * 0.025, 31.21 + Math.floor(index / 4) * 0.018, {
        kind: 'macro',
        band: 'n78',
      }),
    );
    const settings = { cellM: 100, minGapAreaKm2: 0.05, mode: 'pathloss', sinr: true, sinrThresholdDb: 20 };
    const radioInit = { ...init, settings } as typeof init;
    const api = createCoverageApi();
    await api.init(radioInit);
    const first = await api.compute(lattice, { requestId: 1, raster: 'none' });
    const held = new Map(first.qualityGaps.features.map((gap) => [gap.properties.id, gap]));
    let shippedAdded = 0;
    const apply = (reply: Awaited<ReturnType<typeof api.removeSite>>) => {
      for (const id of reply.qualityGapChanges.removedIds) expect(held.delete(id)).toBe(true);
      for (const gap of reply.qualityGapChanges.added) held.set(gap.properties.id, gap);
      shippedAdded += reply.qualityGapChanges.added.length;
    };
    apply(await api.moveSite('q5', 121.437, 31.232, { requestId: 2, raster: 'none' }));
    // A suggestion takes its excluded sites out and back (gaps relabelled without a reply).
    await api.suggestSites(3, {
      area: { kind: 'city' },
      candidates: [{ id: 'c', lon: 121.45, lat: 31.22, source: 'pole', poleId: 'P' }],
      template: { kind: 'micro', band: 'n78', heightM: 10 },
      budget: { kind: 'count', count: 1 },
      excludeSiteIds: ['q6'],
    });
    apply(await api.removeSite('q2', { requestId: 4, raster: 'none' }));
    apply(await api.upsertSite(site('q12', 121.45, 31.22, { kind: 'micro', band: 'n78' }), { requestId: 5 }));
    const final = await api.moveSite('q9', 121.44, 31.249, { requestId: 6, raster: 'none' });
    apply(final);
    const fresh = createCoverageApi();
    await fresh.init(radioInit);
    const expected = await fresh.compute(
      [
        ...lattice.filter((item) => !['q2', 'q5', 'q9'].includes(item.properties.id)),
        site('q5', 121.437, 31.232, { kind: 'macro', band: 'n78' }),
        site('q12', 121.45, 31.22, { kind: 'micro', band: 'n78' }),
        site('q9', 121.44, 31.249, { kind: 'macro', band: 'n78' }),
      ],
      { requestId: 1, raster: 'none' },
    );
    const shape = (gaps: { properties: { cellCount: number; areaKm2: number } }[]) =>
      gaps.map((gap) => `${gap.properties.cellCount}:${gap.properties.areaKm2.toFixed(9)}`).sort();
    expect(expected.qualityGaps.features.length).toBeGreaterThan(20);
    expect(held.size).toBe(final.stats.sinr!.qualityGaps.count);
    expect(shape([...held.values()])).toEqual(shape(expected.qualityGaps.features));
    // Only changes were shipped: far fewer than the gaps held.
    expect(shippedAdded).toBeGreaterThan(0);
    expect(shippedAdded).toBeLessThan(4 * held.size);
  });

  it('cancel() resolves the running compute to undefined', async () => {
    const client = connect();
    await client.init(init);
    const many = Array.from({ length: 9000 }, (_, index) =>
      site(`m${index}`, 121.4 + (index % 90) * 0.0013, 31.2 + Math.floor(index / 90) * 0.0006),
    );
    const running = client.compute(many, { onProgress: () => client.cancel() });
    expect(await running).toBeUndefined();
    const after = await client.compute(sites);
    expect(after!.stats.sites.total).toBe(3);
  });
});
