/**
 * Test hooks of the coverage feature on window.__e2e.coverage (end-to-end builds only): wait for a computed result, read
 * the statistics and settings the panel shows, and ask the worker directly for comparison.
 */
import type { CoverageStats } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageClient } from '../engine/coverage-client';
import type { CoverageLayers } from '../map/coverage-layers';
import type { CoverageScheduler } from '../services/coverage-scheduler';
import type { AppContext } from './app-context';

export interface CoverageTestHook {
  /**
   * Resolves with the statistics once nothing is computing or queued, the figures are current and every
   * raster tile of the new image is on the map.
   */
  whenComputed: () => Promise<CoverageStats>;
  stats: () => CoverageStats | null;
  baselineStats: () => CoverageStats | null;
  settings: () => CoverageSettings;
  status: () => string;
  /** How the worker split its last full compute (bands) and a digest of every land cell. */
  workerGrid: () => Promise<{ bandCount: number; digest: string }>;
  /** The worker's own current statistics (not the store's copy). */
  workerStats: () => Promise<CoverageStats>;
  rasterTileCount: () => number;
  gapCount: () => number;
  renderedGapCount: () => number;
  /** Quality-gap polygons drawn in the viewport. */
  renderedQualityGapCount: () => number;
  /** performance.now() when the last full recompute left 'computing' (its result reached the page). */
  computeFinishedAt: () => number;
}

declare module './test-hooks' {
  interface AppTestHook {
    coverage?: CoverageTestHook;
  }
}

export function installCoverageTestHook(
  { store }: AppContext,
  sync: CoverageScheduler,
  layers: CoverageLayers,
  client: CoverageClient,
): () => void {
  const settled = () => {
    const state = store.getState();
    return !sync.hasPendingWork && state.coverageStats !== null && state.coverageStatus === 'ready';
  };
  const whenComputed = () =>
    new Promise<CoverageStats>((resolve, reject) => {
      const check = () => {
        const state = store.getState();
        if (state.coverageStatus === 'error') {
          reject(new Error(state.coverageError ?? 'coverage failed'));
          return true;
        }
        if (settled()) {
          const waitForTiles = () => {
            if (layers.pendingTileCount() === 0) resolve(store.getState().coverageStats!);
            else window.setTimeout(waitForTiles, 50);
          };
          // The image is handed over asynchronously after the result: give it a moment to be queued.
          window.setTimeout(waitForTiles, 50);
          return true;
        }
        return false;
      };
      if (check()) return;
      const unsubscribe = store.subscribe(() => {
        if (check()) unsubscribe();
      });
    });
  let computeFinishedAt = Number.NaN;
  const stop = store.subscribe(
    (state) => state.coverageStatus,
    (status, previous) => {
      if (previous === 'computing' && status !== 'computing') computeFinishedAt = performance.now();
    },
  );
  if (!window.__e2e) return stop;
  window.__e2e.coverage = {
    whenComputed,
    stats: () => store.getState().coverageStats,
    baselineStats: () => store.getState().baselineCoverageStats,
    settings: () => store.getState().coverageSettings,
    status: () => store.getState().coverageStatus,
    workerStats: () => client.getStats(),
    workerGrid: () => client.gridReport(),
    rasterTileCount: () => layers.rasterTileCount(),
    gapCount: () => store.getState().coverageGaps?.features.length ?? 0,
    renderedGapCount: () => layers.renderedGapCount(),
    renderedQualityGapCount: () => layers.renderedQualityGapCount(),
    computeFinishedAt: () => computeFinishedAt,
  };
  return stop;
}
