import type { PlannerMap } from '../map/planner-map';
import type { PlannerStore } from '../state/store';
import type { DataLoader } from './data-loading';

/** What each feature's wiring gets: the store, the map, and the shared data loader. */
export interface AppContext {
  store: PlannerStore;
  map: PlannerMap;
  data: DataLoader;
}

/** Connects one feature (coverage, planner, import…) to the store, the map and its workers. */
export type FeatureWiring = (context: AppContext) => void;
