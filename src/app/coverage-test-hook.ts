/**
 * Test hooks of the coverage feature on window.__planner.coverage: wait for a computed result, read
 * the statistics and settings the panel shows, and ask the worker directly for comparison.
 */
import type { CoverageStats } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageClient } from '../engine/coverage-client';
import type { CoverageLayers } from '../map/coverage-layers';
import type { AppContext } from './app-context';
import type { CoverageSync } from './coverage-sync';

export interface CoverageTestHook {
  /** Resolves with the statistics once nothing is computing or queued and the figures are current. */
  whenComputed: () => Promise<CoverageStats>;
  stats: () => CoverageStats | null;
  baselineStats: () => CoverageStats | null;
  settings: () => CoverageSettings;
  status: () => string;
  /** The worker's own current statistics (not the store's copy). */
  workerStats: () => Promise<CoverageStats>;
  rasterTileCount: () => number;
  gapCount: () => number;
  renderedGapCount: () => number;
}

declare module './test-hooks' {
  interface PlannerTestHook {
    coverage?: CoverageTestHook;
  }
}

export function installCoverageTestHook(
  { store }: AppContext,
  sync: CoverageSync,
  layers: CoverageLayers,
  client: CoverageClient,
): void {
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
          resolve(state.coverageStats!);
          return true;
        }
        return false;
      };
      if (check()) return;
      const unsubscribe = store.subscribe(() => {
        if (check()) unsubscribe();
      });
    });
  if (!window.__planner) return;
  window.__planner.coverage = {
    whenComputed,
    stats: () => store.getState().coverageStats,
    baselineStats: () => store.getState().baselineCoverageStats,
    settings: () => store.getState().coverageSettings,
    status: () => store.getState().coverageStatus,
    workerStats: () => client.getStats(),
    rasterTileCount: () => layers.rasterTileCount(),
    gapCount: () => store.getState().coverageGaps?.features.length ?? 0,
    renderedGapCount: () => layers.renderedGapCount(),
  };
}
