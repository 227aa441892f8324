/**
 * The sample networks in a worker: fetches the shipped land mask, environment, plan zones and poles once,
 * generates the 2020 or 2025 sample with the same code and seed as `npm run --silent cli -- sample`, and
 * hands it back as transferred columns (site-columns.ts), so neither the generation nor a clone of 200,000
 * objects runs on the main thread. Measured in docs/engine.md ("Sample networks").
 */
import * as Comlink from 'comlink';
import { generateSampleSites, type SampleSiteInput, type SampleYear } from '../domain/sample';
import { encodeSiteColumns, type SiteColumns, siteColumnBuffers } from '../domain/sample/site-columns';

/** Where the worker finds the shipped inputs (the app's data URLs). */
export interface SampleInputUrls {
  land: string;
  environment: string;
  zones: string;
  poles: string;
}

export interface GeneratedSample {
  year: SampleYear;
  seed: number;
  baseStations: number;
  columns: SiteColumns;
  generationMs: number;
}

type LoadJson = (url: string) => Promise<unknown>;

const fetchJson: LoadJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

/** The functions the sample worker exposes; `load` is injectable for tests. */
export function createSampleApi(load: LoadJson = fetchJson) {
  let inputs: Promise<SampleSiteInput> | undefined;
  let inputKey = '';
  return {
    /** Generates one year's sample; its columns' buffers are transferred to the caller. */
    async generate(year: SampleYear, seed: number, urls: SampleInputUrls): Promise<GeneratedSample> {
      const key = JSON.stringify(urls);
      if (!inputs || key !== inputKey) {
        inputKey = key;
        inputs = Promise.all([
          load(urls.land),
          load(urls.environment),
          load(urls.zones),
          load(urls.poles),
        ]).then(
          ([land, environment, zones, poles]) => ({ land, environment, zones, poles }) as SampleSiteInput,
        );
        // A failed load must not stick: the next call tries again.
        inputs.catch(() => {
          inputs = undefined;
        });
      }
      const input = await inputs;
      const started = performance.now();
      const sample = generateSampleSites(input, { seed, year });
      const columns = encodeSiteColumns(sample.features);
      const result: GeneratedSample = {
        year,
        seed,
        baseStations: sample.metadata.baseStations,
        columns,
        generationMs: performance.now() - started,
      };
      return Comlink.transfer(result, siteColumnBuffers(columns));
    },
  };
}

export type SampleApi = ReturnType<typeof createSampleApi>;
