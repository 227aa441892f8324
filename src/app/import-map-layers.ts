/**
 * Shows what the open scenario imported on the map: its existing sites in the sites layer (drawn and
 * styled like the baseline, so the planner layer's hiding of modified and removed ids applies to them
 * too) and its poles in the pole layer. The point sources (src/map/point-sources.ts) put them beside the
 * loaded data, whichever of the two arrives first.
 */
import type { Feature } from 'geojson';
import type { AppContext } from './app-context';

const NONE: readonly Feature[] = [];

/** Keeps the sites and pole layers showing the open scenario's imported existing sites and poles. */
export function followScenarioImports({ store, pointSources }: AppContext): () => void {
  // fireImmediately: a scenario restored from storage may have been opened before this feature loaded.
  const stopSites = store.subscribe(
    (state) => state.session?.scenario.existingSites ?? NONE,
    (sites) => pointSources.showImported('sites', sites),
    { fireImmediately: true },
  );
  const stopPoles = store.subscribe(
    (state) => state.session?.scenario.poles ?? NONE,
    (poles) => pointSources.showImported('poles', poles),
    { fireImmediately: true },
  );
  return () => {
    stopSites();
    stopPoles();
  };
}
