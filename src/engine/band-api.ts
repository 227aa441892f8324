/**
 * A pool helper of the browser's coverage worker (band-worker.ts): it holds its own engine on the same
 * city and computes the row bands of full computes the coverage worker hands it (docs/engine.md, "Worker
 * pool"), posting the band's rows and partial figures back with their buffers transferred. Its kernels
 * stay cached between computes. Edits never come here: the coverage worker keeps the whole state.
 */
import * as Comlink from 'comlink';
import type { CoverageEngine } from '../domain/coverage/coverage-engine';
import { type BandResult, computeBand, type RowBand } from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { SiteFeature } from '../domain/types';
import type { CoverageInit } from './coverage-api-types';
import { engineFromInit } from './engine-from-init';

export function createBandApi() {
  let engine: CoverageEngine | undefined;
  let settingsKey = '';
  return {
    /** Rasterise the city as the coverage worker does (the same input gives the same grid). */
    init(input: CoverageInit): void {
      engine = engineFromInit(input).engine;
      settingsKey = JSON.stringify(engine.settings);
    },
    /** One band of a full compute with the coverage worker's current settings. */
    computeBand(
      settings: CoverageSettings,
      band: RowBand,
      sites: SiteFeature[],
      globalSlots: Int32Array,
    ): BandResult {
      if (!engine) throw new Error('band helper not initialised: call init first');
      const key = JSON.stringify(settings);
      if (key !== settingsKey) {
        engine.setSettings(settings, false);
        settingsKey = key;
      }
      const result = computeBand(engine, sites, globalSlots, band);
      const buffers = Object.values(result)
        .filter((value): value is ArrayBufferView => ArrayBuffer.isView(value))
        .map((view) => view.buffer as ArrayBuffer);
      return Comlink.transfer(result, buffers);
    },
  };
}

export type BandApi = ReturnType<typeof createBandApi>;
