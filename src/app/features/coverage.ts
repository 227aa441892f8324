/**
 * The coverage feature: keeps the coverage worker (started at start-up step 3, coverage-engine.ts), the
 * store and the map's coverage layers in step (services/coverage-scheduler.ts orders the jobs).
 */
import { type Disposer, Disposers } from '../../domain/disposers';
import { CoverageLayers } from '../../map/coverage-layers';
import { CoverageScheduler } from '../../services/coverage-scheduler';
import { FOOTPRINT_CSS, GAP_PRIORITY_CSS } from '../../ui/coverage/colours';
import type { AppContext } from '../app-context';
import { wireCoverageMap } from '../coverage-map-wiring';
import { installCoverageTestHook } from '../coverage-test-hook';
import { trackedSubscribe } from '../subscriptions';

/** Wires the coverage feature into the app. */
export function wireCoverage(context: AppContext): Disposer {
  const { store, map, coverageEngine } = context;
  const { client, initSettings, initialised } = coverageEngine;
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const layers = new CoverageLayers(map, {
    gapHigh: GAP_PRIORITY_CSS.high,
    gapMedium: GAP_PRIORITY_CSS.medium,
    gapLow: GAP_PRIORITY_CSS.low,
    footprint: FOOTPRINT_CSS,
  });
  disposers.add(layers);
  const mapWiring = wireCoverageMap(context, layers, client);
  disposers.add(mapWiring.dispose);
  const sync = new CoverageScheduler(
    client,
    store,
    {
      raster: (image) => layers.setRaster(image),
      patches: (patches) => layers.applyPatches(patches),
      delivered: () => mapWiring.refreshFootprint(),
    },
    initSettings,
  );
  store.getState().setCoverageServices({
    cancel: () => sync.cancel(),
    recompute: () => sync.requestFull(),
    flyToGap: (gap) => mapWiring.flyToGap(gap),
  });

  let disposed = false;
  disposers.add(() => {
    disposed = true;
  });
  void initialised.then(() => {
    if (disposed) return;
    subscribe(
      (state) => state.baseline,
      () => sync.requestFull(),
    );
    subscribe(
      (state) => state.coverageSettings,
      () => sync.requestFull(),
    );
    subscribe(
      (state) => state.session?.scenario,
      () => sync.requestEdit(),
    );
    subscribe(
      (state) => state.coverageRasterStyle,
      () => sync.requestRaster(),
    );
    if (store.getState().baseline) sync.requestFull();
  });

  if (import.meta.env.MODE === 'e2e') disposers.add(installCoverageTestHook(context, sync, layers, client));
  return disposers.disposer;
}
