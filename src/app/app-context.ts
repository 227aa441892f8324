import type { Disposer } from '../domain/disposers';
import type { AppMap } from '../map/app-map';
import type { PointSources } from '../map/point-sources';
import type { AppStore } from '../state/store';
import type { DataLoader } from './data-loading';
import type { CoverageEngine } from './features/coverage-engine';
import type { ScenarioStorage } from './scenario-storage';

/**
 * What each feature's wiring gets at start-up step 6 (src/app/start-up.ts): the store (holding the
 * baseline and the open scenario by then), the map, the shared data loader, the scenario storage and
 * the coverage worker started at step 3.
 */
export interface AppContext {
  store: AppStore;
  map: AppMap;
  data: DataLoader;
  /** The one writer of the sites and poles sources (loaded data plus the open scenario's imports). */
  pointSources: PointSources;
  scenarioStorage: ScenarioStorage;
  coverageEngine: CoverageEngine;
  /** The URL hash the page opened with, before the app rewrote it (deep links, e.g. `&story=2`). */
  initialHash: string;
}

/**
 * Connects one feature (coverage, planner, import…) to the store, the map and its workers; returns the
 * disposer that undoes every subscription, listener and map module it set up.
 */
export type FeatureWiring = (context: AppContext) => Disposer;
