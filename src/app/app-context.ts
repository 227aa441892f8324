import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';
import type { DataLoader } from './data-loading';

/** What each feature's wiring gets: the store, the map, and the shared data loader. */
export interface AppContext {
  store: AppStore;
  map: AppMap;
  data: DataLoader;
  /** The URL hash the page opened with, before the app rewrote it (deep links, e.g. `&story=2`). */
  initialHash: string;
}

/** Connects one feature (coverage, planner, import…) to the store, the map and its workers. */
export type FeatureWiring = (context: AppContext) => void;
