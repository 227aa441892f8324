/**
 * The baseline's sample network (示意数据) for the year the store asks for (2020 or 2025), read in a worker
 * from the file the build generated for it, or generated there when the build has none (the dev server):
 * it costs the first-load JavaScript nothing, and a year's 100,000–200,000 sectors arrive as transferred
 * columns (engine/sample-api.ts). Each year is generated once per session. When the
 * year changes, the new sample becomes the map's sites and the baseline; coverage follows the baseline.
 */

import prebuiltSampleUrls from 'virtual:prebuilt-samples';
import type { FeatureCollection } from 'geojson';
import { type SampleYear, SHIPPED_SITE_SEED } from '../domain/sample';
import { indexBaseline } from '../domain/scenario/baseline-sites';
import type { SiteCollection } from '../domain/types';
import type { SampleClient } from '../engine/sample-client';
import type { PointSources } from '../map/point-sources';
import type { AppStore } from '../state/store';
import { dataUrl } from './data-files';
import { markStartUp, START_UP_MARK_PREFIX, settledFirstFigure } from './start-up-marks';

/** The id scenarios record for a sample baseline. */
export const sampleBaselineId = (year: SampleYear): string => `sample-${year}`;

export interface SampleBaseline {
  /** The current year's sample (generated once per year). */
  sites(): Promise<FeatureCollection>;
  dispose(): void;
}

export function createSampleBaseline(store: AppStore, sources: PointSources): SampleBaseline {
  let worker: Worker | undefined;
  let client: Promise<SampleClient> | undefined;
  const samples = new Map<SampleYear, Promise<SiteCollection>>();
  const urls = (year: SampleYear) => {
    const land = dataUrl('landMask');
    const environment = dataUrl('environment');
    const zones = dataUrl('planZones');
    const poles = dataUrl('poles');
    if (!land || !environment || !zones || !poles)
      throw new Error('the sample inputs are not part of this build');
    // The worker resolves URLs against its own script: make them absolute.
    const absolute = (url: string) => new URL(url, window.location.href).href;
    const prebuilt = prebuiltSampleUrls[year];
    return {
      ...(prebuilt ? { prebuilt: absolute(prebuilt) } : {}),
      land: absolute(land),
      environment: absolute(environment),
      zones: absolute(zones),
      poles: absolute(poles),
    };
  };
  const generate = (year: SampleYear): Promise<SiteCollection> => {
    const known = samples.get(year);
    if (known) return known;
    worker ??= new Worker(new URL('../engine/sample-worker.ts', import.meta.url), { type: 'module' });
    const endpoint = worker;
    markStartUp('sample-requested');
    // The client (with Comlink and the column decoder) is its own small chunk, fetched while the worker
    // starts: it keeps the first-load JavaScript under its budget (scripts/check-bundle-size.mjs).
    client ??= import('../engine/sample-client').then(({ SampleClient }) => new SampleClient(endpoint));
    const inputs = urls(year);
    const started = client
      .then((ready) => ready.load(year, SHIPPED_SITE_SEED, inputs))
      .then((loaded) => {
        // The worker's own split (generation vs fetching its inputs) and the main thread's decoding.
        performance.mark(`${START_UP_MARK_PREFIX}sample-decoded`, {
          detail: { generationMs: loaded.generationMs, decodeMs: loaded.decodeMs, source: loaded.source },
        });
        return loaded.sites;
      });
    samples.set(year, started);
    // A failed year is tried again next time it is asked for.
    started.catch(() => samples.delete(year));
    return started;
  };
  // The year on the map: every reader of the sites source (coverage, planner, suggestions…) shares it, and
  // asking again must not hand the map 100,000 features again (the map would never settle).
  let shown: { year: SampleYear; sites: Promise<SiteCollection> } | undefined;
  const show = (year: SampleYear): Promise<SiteCollection> => {
    if (shown?.year === year) return shown.sites;
    const state = store.getState();
    state.setSampleStatus('loading');
    state.setDataStatus('sites', 'loading');
    const sites = generate(year).then(
      (collection) => {
        // A later choice wins: only the year still wanted is shown.
        if (store.getState().sampleYear === year) {
          const loaded = { year, baseStations: countMasts(collection), sectors: collection.features.length };
          store.getState().setSampleStatus('ready', loaded);
          // The first sample reaches the map after the first coverage figure (the 100,000 sectors would
          // hold the map's worker while the figure waits); the sites status says loading until then.
          void settledFirstFigure().then(() => {
            if (store.getState().sampleYear !== year) return;
            sources.showData('sites', collection);
            store.getState().setDataStatus('sites', 'loaded');
          });
        }
        return collection;
      },
      (error: unknown) => {
        store.getState().setSampleStatus('error');
        store.getState().setDataStatus('sites', 'error');
        console.warn(`sample ${year} failed:`, error instanceof Error ? error.message : error);
        if (shown?.year === year) shown = undefined;
        throw error;
      },
    );
    shown = { year, sites };
    return sites;
  };
  const unsubscribe = store.subscribe(
    (state) => state.sampleYear,
    (year) => {
      if (!store.getState().baseline) return; // the first baseline is set by whoever loads it
      show(year)
        .then((sites) => {
          if (store.getState().sampleYear !== year) return;
          store.getState().setBaseline(indexBaseline(sampleBaselineId(year), sites));
        })
        .catch(() => undefined);
    },
  );
  return {
    sites: () => show(store.getState().sampleYear),
    dispose() {
      unsubscribe();
      worker?.terminate();
    },
  };
}

/** Base stations of a sample: its sector ids end in -1, -2, -3 after the base station's id. */
function countMasts(sites: SiteCollection): number {
  const masts = new Set<string>();
  for (const site of sites.features) masts.add(site.properties.id.replace(/-\d+$/, ''));
  return masts.size;
}
