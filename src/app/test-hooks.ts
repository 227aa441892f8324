/**
 * A small window hook the end-to-end tests read instead of sleeping: readiness, rendered feature
 * counts and pixel positions. It exposes reads only (plus the store for assertions), no test-only logic.
 */
import type { LayerId } from '../domain/layers/catalogue';
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';
import { pendingSources } from './data-loading';

export interface PlannerTestHook {
  /** Resolves once the first idle passed, no visible layer's data is loading and the map is idle again. */
  whenReady: () => Promise<void>;
  renderedFeatureCount: (layerId: LayerId) => number;
  project: (longitude: number, latitude: number) => { x: number; y: number };
  renderedPointNearCentre: (layerId: LayerId, featureId?: string) => { x: number; y: number } | null;
  labelExpression: (mapLayerId: string) => unknown;
  state: () => ReturnType<AppStore['getState']>;
}

declare global {
  interface Window {
    __planner?: PlannerTestHook;
    __plannerReady?: boolean;
  }
}

function untilNothingPending(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (pendingSources(store).length === 0) return resolve();
    const unsubscribe = store.subscribe(() => {
      if (pendingSources(store).length === 0) {
        unsubscribe();
        resolve();
      }
    });
  });
}

/** Installs window.__planner and sets window.__plannerReady / data-planner-ready once first ready. */
export function installTestHook(map: AppMap, store: AppStore, featuresStarted?: Promise<void>): void {
  const whenReady = async () => {
    await featuresStarted;
    await map.firstIdle;
    await untilNothingPending(store);
    await map.whenIdle();
  };
  window.__planner = {
    whenReady,
    renderedFeatureCount: (layerId) => map.renderedFeatureCount(layerId),
    project: (longitude, latitude) => map.project(longitude, latitude),
    renderedPointNearCentre: (layerId, featureId) => map.renderedPointNearCentre(layerId, featureId),
    labelExpression: (mapLayerId) => map.labelExpression(mapLayerId),
    state: () => store.getState(),
  };
  void whenReady().then(() => {
    window.__plannerReady = true;
    document.documentElement.dataset.plannerReady = 'true';
    store.getState().setMapIdle(true);
  });
}
