/**
 * Typed main-thread client for the sample worker: asks for a year's sample and decodes the transferred
 * columns into site features (the only main-thread work: building the objects).
 */
import * as Comlink from 'comlink';
import type { SampleYear } from '../domain/sample';
import { decodeSiteColumns } from '../domain/sample/site-columns';
import type { SiteCollection } from '../domain/types';
import type { SampleApi, SampleInputUrls } from './sample-api';

export interface LoadedSample {
  year: SampleYear;
  seed: number;
  baseStations: number;
  sites: SiteCollection;
  generationMs: number;
  /** Whether the worker read the build's file of the sample or generated it. */
  source: 'prebuilt' | 'generated';
  decodeMs: number;
}

export class SampleClient {
  private readonly remote: Comlink.Remote<SampleApi>;

  /** Wrap a Worker (or any Comlink endpoint, e.g. a MessagePort in tests). */
  constructor(endpoint: Comlink.Endpoint) {
    this.remote = Comlink.wrap<SampleApi>(endpoint);
  }

  /** The year's sample as a site collection. */
  async load(year: SampleYear, seed: number, urls: SampleInputUrls): Promise<LoadedSample> {
    const generated = await this.remote.generate(year, seed, urls);
    const started = performance.now();
    const features = decodeSiteColumns(generated.columns);
    return {
      year,
      seed,
      baseStations: generated.baseStations,
      sites: { type: 'FeatureCollection', features },
      generationMs: generated.generationMs,
      source: generated.source,
      decodeMs: performance.now() - started,
    };
  }
}
