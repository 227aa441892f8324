import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../scripts/sample-inputs';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../src/domain/sample';
import { decodeSiteColumns, encodeSiteColumns } from '../../../src/domain/sample/site-columns';
import { encodeSiteColumnsFile } from '../../../src/domain/sample/site-columns-file';
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
  }, 300_000);

  it('tries the inputs again after a failed load', async () => {
    let failures = 1;
    const api = createSampleApi(async (path) => {
      if (failures-- > 0) throw new Error('offline');
      return loadFile(path);
    });
    await expect(api.generate(2020, 1, urls)).rejects.toThrow('offline');
    const generated = await api.generate(2020, 1, urls);
    expect(generated.columns.count).toBe(96_000);
  }, 300_000);

  it('reads the build’s file of the sample when it holds the year and seed asked for, and generates otherwise', async () => {
    const expected = generateSampleSites(readSampleSiteInput(), { seed: SHIPPED_SITE_SEED, year: 2020 });
    const bytes = encodeSiteColumnsFile({
      year: 2020,
      seed: SHIPPED_SITE_SEED,
      baseStations: expected.metadata.baseStations,
      columns: encodeSiteColumns(expected.features),
    });
    const files = new Map([['sample-2020.bin', bytes.buffer as ArrayBuffer]]);
    const jsonLoads: string[] = [];
    const api = createSampleApi(
      async (path) => {
        jsonLoads.push(path);
        return loadFile(path);
      },
      async (url) => {
        const file = files.get(url);
        if (!file) throw new Error(`${url}: HTTP 404`);
        return file;
      },
    );
    const read = await api.generate(2020, SHIPPED_SITE_SEED, { ...urls, prebuilt: 'sample-2020.bin' });
    expect(read.source).toBe('prebuilt');
    expect(read.baseStations).toBe(32_000);
    expect(decodeSiteColumns(read.columns)).toEqual(expected.features);
    // Nothing was generated, so none of the generator's inputs was fetched.
    expect(jsonLoads).toEqual([]);
    // The file holds 2020 for the shipped seed: another seed, or a missing file, is generated.
    const otherSeed = await api.generate(2020, 1, { ...urls, prebuilt: 'sample-2020.bin' });
    expect(otherSeed.source).toBe('generated');
    const missing = await api.generate(2020, SHIPPED_SITE_SEED, { ...urls, prebuilt: 'gone.bin' });
    expect(missing.source).toBe('generated');
    expect(decodeSiteColumns(missing.columns)).toEqual(expected.features);
    expect(jsonLoads).toHaveLength(4);
  }, 300_000);
});
