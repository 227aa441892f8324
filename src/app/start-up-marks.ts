/**
 * Start-up milestones as User Timing marks (`performance.mark('start-up:<stage>')`), and the moment the
 * first coverage figure is on screen: `<html data-coverage-ready="true">`, which end-to-end tests and the
 * first-screen benchmark (tests/e2e/first-screen-benchmark.spec.ts) wait on. The marks cost a few
 * microseconds each and let the benchmark split navigation → first figure into its stages
 * (docs/first-screen.md).
 */
import type { DataSourceId } from '../domain/layers/catalogue';
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';

export const START_UP_MARK_PREFIX = 'start-up:';

/** Records one milestone (the first time only: a stage that repeats later is not start-up). */
export function markStartUp(stage: string): void {
  const name = `${START_UP_MARK_PREFIX}${stage}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}

/** Sources whose first load the benchmark reports on its own line. */
const WATCHED_SOURCES: readonly DataSourceId[] = ['districts', 'landMask', 'poles', 'sites'];

/**
 * Marks the store's start-up transitions (sample generated, sites on the map, first compute started and
 * delivered) and sets `data-coverage-ready` once the first figure is delivered and drawn (the map idle
 * after it). Returns a disposer.
 */
export function watchStartUp(map: AppMap, store: AppStore): () => void {
  void map.firstIdle.then(() => markStartUp('map-first-idle'));
  let ready = false;
  const unsubscribe = store.subscribe((state) => {
    for (const id of WATCHED_SOURCES) {
      const status = state.dataStatus[id];
      if (status === 'loading') markStartUp(`${id}-loading`);
      if (status === 'loaded') markStartUp(`${id}-loaded`);
    }
    if (state.baseline) markStartUp('baseline-set');
    if (state.coverageStatus === 'computing') markStartUp('coverage-computing');
    if (!ready && (state.coverageStatus === 'error' || state.coverageStatus === 'cancelled')) {
      // No figure this time: heavy layers waiting on the first figure (settledFirstFigure) go ahead.
      ready = true;
      document.documentElement.dataset.coverageReady = 'false';
    }
    if (!ready && state.coverageStats && state.coverageStatus === 'ready') {
      ready = true;
      markStartUp('coverage-delivered');
      void map.whenIdle().then(() => {
        markStartUp('coverage-ready');
        document.documentElement.dataset.coverageReady = 'true';
      });
    }
  });
  return () => {
    unsubscribe();
    delete document.documentElement.dataset.coverageReady;
  };
}

/**
 * Resolves once the first coverage figure is drawn, or the first compute failed or was cancelled
 * (`data-coverage-ready` set either way): heavy map layers and data no figure needs wait for it, so they
 * never compete with the first figure for the map's worker and the main thread.
 */
export function settledFirstFigure(): Promise<void> {
  const root = document.documentElement;
  return new Promise((resolve) => {
    if (root.dataset.coverageReady !== undefined) return resolve();
    const observer = new MutationObserver(() => {
      if (root.dataset.coverageReady === undefined) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-coverage-ready'] });
  });
}
