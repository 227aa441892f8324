import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../scripts/sample-inputs';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../src/domain/sample';
import { createSampleApi } from '../../../src/engine/sample-api';
import { SampleClient } from '../../../src/engine/sample-client';

const urls = {
  land: 'data/geo/land-mask.geojson',
  environment: 'data/geo/environment.geojson',
  zones: 'data/geo/plan-zones.geojson',
  poles: 'data/geo/sample-poles.geojson',
};
const loadFile = async (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe('sample worker API', () => {
  it('hands the main thread the same 2020 sample the CLI writes, through a message port', async () => {
    const channel = new MessageChannel();
    Comlink.expose(createSampleApi(loadFile), channel.port1 as unknown as Comlink.Endpoint);
    const client = new SampleClient(channel.port2 as unknown as Comlink.Endpoint);
    const loaded = await client.load(2020, SHIPPED_SITE_SEED, urls);
    const expected = generateSampleSites(readSampleSiteInput(), { seed: SHIPPED_SITE_SEED, year: 2020 });
    expect(loaded.baseStations).toBe(32_000);
    expect(loaded.sites.features).toEqual(expected.features);
    channel.port1.close();
    channel.port2.close();
  }, 120_000);

  it('tries the inputs again after a failed load', async () => {
    let failures = 1;
    const api = createSampleApi(async (path) => {
      if (failures-- > 0) throw new Error('offline');
      return loadFile(path);
    });
    await expect(api.generate(2020, 1, urls)).rejects.toThrow('offline');
    const generated = await api.generate(2020, 1, urls);
    expect(generated.columns.count).toBe(96_000);
  }, 120_000);
});
