/**
 * A full compute over a pool: the grid's rows split into bands of about equal estimated work
 * (band-work.ts, row-bands.ts), every band but the first computed by `runBand` (a helper: worker_threads
 * in the CLI, Web Workers in the browser) while this engine computes the first, then the results adopted
 * top to bottom. The engine ends as a whole compute leaves it, cell for cell, with figures equal within
 * rounding. It places every site itself, so it can make edits afterwards, except with SINR on: its
 * interference sums then cover only its own band (it answers statistics, gaps and rasters).
 */
import type { SiteFeature } from '../types';
import { estimatedRowWork } from './band-work';
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

/** The bands a pool of `bandCount` splits the sites' compute into (the helpers find the same ones). */
export function poolBands(
  engine: CoverageEngine,
  sites: readonly SiteFeature[],
  bandCount: number,
): RowBand[] {
  return splitRows(
    engine.city,
    Math.max(1, bandCount),
    estimatedRowWork(engine.city, sites, engine.settings),
  );
}

/**
 * The pooled compute as steps, yielding progress 0–1 (this engine's own band, then the others' adoption)
 * every `chunk` sites, so a worker can report it and stop between steps. Stopping early leaves the engine
 * half computed (compute again); the helpers' results are then dropped.
 */
export async function* pooledSteps(
  engine: CoverageEngine,
  sites: readonly SiteFeature[],
  bandCount: number,
  runBand: BandRunner,
  chunk = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<number> {
  const unique = uniqueSites(sites);
  const bands = poolBands(engine, unique, bandCount);
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
  // A compute stopped early never awaits them: their failures must not go unhandled.
  for (const band of pending) band.catch(() => undefined);
  for (const fraction of engine.computeSteps(unique, chunk, bands[0])) yield fraction * 0.85;
  const results = await Promise.all(pending);
  yield 0.9;
  for (const result of results) adoptBand(engine, result);
  finishBands(engine);
  yield 1;
}

/** Full compute of `sites` split into `bandCount` bands; resolves when the engine holds the whole result. */
export async function pooledCompute(
  engine: CoverageEngine,
  sites: readonly SiteFeature[],
  bandCount: number,
  runBand: BandRunner,
): Promise<void> {
  for await (const _ of pooledSteps(engine, sites, bandCount, runBand)) {
    // run to completion
  }
}
