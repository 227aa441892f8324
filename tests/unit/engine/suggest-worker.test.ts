/** The suggestion through the coverage worker API over a real MessageChannel: result, progress, cancel. */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestCandidate, SuggestProgress } from '../../../src/domain/suggest/suggest';
import { createCoverageApi } from '../../../src/engine/coverage-api';
import { CoverageClient } from '../../../src/engine/coverage-client';
import { SuggestClient } from '../../../src/engine/suggest-client';
import { city, site } from '../support/coverage/synthetic-city';

const candidates: SuggestCandidate[] = [];
for (let lon = 121.401; lon < 121.52; lon += 0.0015) {
  for (let lat = 31.201; lat < 31.26; lat += 0.0015) {
    candidates.push({
      id: `c${candidates.length}`,
      lon,
      lat,
      source: 'pole',
      poleId: `P${candidates.length}`,
    });
  }
}
const request = {
  area: { kind: 'city' as const },
  candidates,
  template: { kind: 'micro' as const, band: 'n78' as const, heightM: 10 },
  budget: { kind: 'count' as const, count: 20 },
};

describe('suggestion in the coverage worker', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });
  const connect = () => {
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose(createCoverageApi(), channel.port1 as unknown as Comlink.Endpoint);
    const endpoint = channel.port2 as unknown as Comlink.Endpoint;
    return { coverage: new CoverageClient(endpoint), suggestions: new SuggestClient(endpoint) };
  };

  it('runs on the engine the coverage client computed, with progress, and adds up', async () => {
    const { coverage, suggestions } = connect();
    await coverage.init({ ...city, settings: { cellM: 50 } });
    const computed = await coverage.compute([site('a', 121.42, 31.22), site('b', 121.49, 31.24)], {
      raster: 'none',
    });
    const progress: SuggestProgress[] = [];
    const result = await suggestions.run(request, (update) => progress.push(update));
    expect(result).toBeDefined();
    expect(result!.picks).toHaveLength(20);
    expect(result!.coveredKm2Before).toBeCloseTo(computed!.stats.coveredKm2, 9);
    const gains = result!.picks.reduce((sum, pick) => sum + pick.gainKm2, 0);
    expect(result!.coveredKm2After - result!.coveredKm2Before).toBeCloseTo(gains, 9);
    // Accepting the picks (as the app does) raises the worker's figure by the reported amount.
    for (const pick of result!.picks) {
      await coverage.upsertSite(site(`s${pick.rank}`, pick.lon, pick.lat, { ...request.template }), 'none');
    }
    expect((await coverage.getStats()).coveredKm2).toBeCloseTo(result!.coveredKm2After, 9);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.map((update) => update.phase)).toContain('selecting');
  });

  it('cancel stops a run: it resolves undefined and the worker takes the next call', async () => {
    const { coverage, suggestions } = connect();
    await coverage.init({ ...city, settings: { cellM: 25 } });
    await coverage.compute([site('a', 121.42, 31.22)], { raster: 'none' });
    const running = suggestions.run({ ...request, budget: { kind: 'count', count: 200 } });
    setTimeout(() => suggestions.cancel(), 5);
    expect(await running).toBeUndefined();
    expect((await suggestions.run(request))?.picks).toHaveLength(20);
  });
});
