/**
 * The end-to-end tests' window hook (`window.__e2e`): readiness, rendered feature counts, pixel
 * positions, and the store for assertions; features add their own parts (coverage, planner, import,
 * suggest). Built only in end-to-end builds (`vite build --mode e2e`): every install is behind
 * `import.meta.env.MODE === 'e2e'`, so production bundles hold none of it (scripts/check-test-hooks.mjs
 * checks the built files).
 */
import type { LayerId } from '../domain/layers/catalogue';
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';
import { whenAppReady } from './app-ready';

export interface AppTestHook {
  /** Resolves once the first idle passed, no visible layer's data is loading and the map is idle again. */
  whenReady: () => Promise<void>;
  renderedFeatureCount: (layerId: LayerId) => number;
  project: (longitude: number, latitude: number) => { x: number; y: number };
  renderedPointNearCentre: (layerId: LayerId, featureId?: string) => { x: number; y: number } | null;
  labelExpression: (mapLayerId: string) => unknown;
  state: () => ReturnType<AppStore['getState']>;
  /** Undoes the whole start-up (features, workers, map, UI); resolves when done. */
  dispose: () => void;
}

declare global {
  interface Window {
    __e2e?: AppTestHook;
  }
}

/** Installs window.__e2e (call before the features are wired: they add their parts to it). */
export function installTestHook(app: {
  map: AppMap;
  store: AppStore;
  started: Promise<void>;
  dispose: () => void;
}): void {
  const { map, store } = app;
  window.__e2e = {
    whenReady: () => whenAppReady(map, store, app.started),
    renderedFeatureCount: (layerId) => map.renderedFeatureCount(layerId),
    project: (longitude, latitude) => map.project(longitude, latitude),
    renderedPointNearCentre: (layerId, featureId) => map.renderedPointNearCentre(layerId, featureId),
    labelExpression: (mapLayerId) => map.labelExpression(mapLayerId),
    state: () => store.getState(),
    dispose: () => app.dispose(),
  };
}
