/**
 * When the app is first ready: the features are wired, the map's first paint is done, no visible
 * layer's data is still loading and the map is idle again. The status line says "ready" from then on;
 * end-to-end tests wait for the same moment.
 */
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';
import { pendingSources } from './data-loading';

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

export async function whenAppReady(map: AppMap, store: AppStore, started: Promise<void>): Promise<void> {
  await started;
  await map.firstIdle;
  await untilNothingPending(store);
  await map.whenIdle();
}
