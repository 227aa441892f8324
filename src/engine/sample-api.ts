/**
 * The sample networks in a worker. A production build carries each year's sample for the shipped seed as a
 * file the build generated (site-columns-file.ts, scripts/vite-prebuilt-samples.ts): the worker fetches it
 * and hands its columns over. Without one (the dev server, another seed, a file that fails to load or
 * check) it fetches the shipped land mask, environment, plan zones and poles once and generates the
 * sample with the same code and seed as `npm run --silent cli -- sample`. Either way the sample comes back
 * as transferred columns (site-columns.ts), so neither the work nor a clone of 200,000 objects runs on the
 * main thread. Measured in docs/engine.md ("Sample networks") and docs/first-screen.md.
 */
import * as Comlink from 'comlink';
import { generateSampleSites, type SampleSiteInput, type SampleYear } from '../domain/sample';
import { encodeSiteColumns, type SiteColumns, siteColumnBuffers } from '../domain/sample/site-columns';
import { decodeSiteColumnsFile } from '../domain/sample/site-columns-file';

/** Where the worker finds the shipped inputs (the app's data URLs). */
export interface SampleInputUrls {
  land: string;
  environment: string;
  zones: string;
  poles: string;
  /** The build's generated file of this year's sample for the shipped seed, when it has one. */
  prebuilt?: string;
}

export interface GeneratedSample {
  year: SampleYear;
  seed: number;
  baseStations: number;
  columns: SiteColumns;
  /** Time to generate the sample, or to read the build's file of it. */
  generationMs: number;
  source: 'prebuilt' | 'generated';
}

type LoadJson = (url: string) => Promise<unknown>;
type LoadBinary = (url: string) => Promise<ArrayBuffer>;

const fetchJson: LoadJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

const fetchBinary: LoadBinary = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

/** Each buffer once: a file's columns are views on one buffer, and a transfer list must not repeat one. */
const distinctBuffers = (columns: SiteColumns) => [...new Set(siteColumnBuffers(columns))];

/** The build's file of the sample, or undefined (with the reason logged) when it cannot be used. */
async function readPrebuilt(
  loadBinary: LoadBinary,
  url: string,
  year: SampleYear,
  seed: number,
): Promise<GeneratedSample | undefined> {
  const started = performance.now();
  try {
    const file = decodeSiteColumnsFile(await loadBinary(url));
    if (file.year !== year || file.seed !== seed) throw new Error(`it holds ${file.year}/${file.seed}`);
    return {
      year,
      seed,
      baseStations: file.baseStations,
      columns: file.columns,
      generationMs: performance.now() - started,
      source: 'prebuilt',
    };
  } catch (error) {
    console.warn(`sample ${year}: the build's file is not usable, generating instead:`, error);
    return undefined;
  }
}

/** The functions the sample worker exposes; the loaders are injectable for tests. */
export function createSampleApi(load: LoadJson = fetchJson, loadBinary: LoadBinary = fetchBinary) {
  let inputs: Promise<SampleSiteInput> | undefined;
  let inputKey = '';
  return {
    /** Generates one year's sample; its columns' buffers are transferred to the caller. */
    async generate(year: SampleYear, seed: number, urls: SampleInputUrls): Promise<GeneratedSample> {
      const prebuilt = urls.prebuilt && (await readPrebuilt(loadBinary, urls.prebuilt, year, seed));
      if (prebuilt) return Comlink.transfer(prebuilt, distinctBuffers(prebuilt.columns));
      const key = JSON.stringify({ ...urls, prebuilt: undefined });
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
        source: 'generated',
      };
      return Comlink.transfer(result, distinctBuffers(columns));
    },
  };
}

export type SampleApi = ReturnType<typeof createSampleApi>;
