/**
 * A full compute over a pool: the grid's rows split into bands of about equal land (row-bands.ts), every
 * band but the first computed by `runBand` (a worker: worker_threads in the CLI) while this engine
 * computes the first, then the results adopted top to bottom. The engine ends as a whole compute leaves
 * it, cell for cell, with figures equal within rounding. With SINR on, its interference sums cover only its
 * own band: it answers statistics, gaps and rasters, not incremental edits (the CLI makes none).
 */
import type { SiteFeature } from '../types';
import type { CoverageEngine } from './coverage-engine';
import {
  adoptBand,
  type BandResult,
  finishBands,
  haloRows,
  type RowBand,
  sitesNearBand,
  splitRows,
  uniqueSites,
} from './row-bands';

/** Computes one band from the sites near it (`globalSlots[i]`: site i's slot in the whole list). */
export type BandRunner = (
  band: RowBand,
  sites: SiteFeature[],
  globalSlots: Int32Array,
) => Promise<BandResult>;

/** Full compute of `sites` split into `bandCount` bands; resolves when the engine holds the whole result. */
export async function pooledCompute(
  engine: CoverageEngine,
  sites: readonly SiteFeature[],
  bandCount: number,
  runBand: BandRunner,
): Promise<void> {
  const unique = uniqueSites(sites);
  const bands = splitRows(engine.city, Math.max(1, bandCount));
  const halo = haloRows(unique, engine.settings);
  // Start the other bands first, so they run while this thread computes its own.
  const pending = bands.slice(1).map((band) => {
    const globalSlots = sitesNearBand(unique, engine.city.grid, band, halo);
    return runBand(
      band,
      Array.from(globalSlots, (slot) => unique[slot]!),
      globalSlots,
    );
  });
  for (const _ of engine.computeSteps(unique, Number.MAX_SAFE_INTEGER, bands[0])) {
    // run to completion
  }
  const results = await Promise.all(pending);
  for (const result of results) adoptBand(engine, result);
  finishBands(engine);
}
