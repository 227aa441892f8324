/**
 * The planner workflow: the planner layer and tools on the map, pole snapping, services for the panel
 * (scenario management over the storage opened at start-up, files) and test hooks.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type Disposer, Disposers } from '../../domain/disposers';
import { createFeatureLookup } from '../../domain/geo/feature-lookup';
import { PoleSnapIndex, scenarioPoleSnap } from '../../domain/planner/pole-snap-index';
import type { PoleFeature } from '../../domain/types';
import type { AppContext } from '../app-context';
import { wirePlannerMap } from '../planner-map-wiring';
import { createPlannerServices } from '../planner-services';
import { installPlannerTestHooks } from '../planner-test-hooks';
import { settledFirstFigure } from '../start-up-marks';
import { trackedSubscribe } from '../subscriptions';

const COVERAGE_CACHE_KEY = 'shanghai-infra-planner/scenario-coverage';

/** Wires the planner feature into the app. */
export function wirePlanner(context: AppContext): Disposer {
  const { store, data } = context;
  const disposers = new Disposers();
  store.getState().setPlannerServices(createPlannerServices(context));

  let sampleIndex: PoleSnapIndex | null = null;
  // The 40,000 sample poles (5 MB) are read after the first coverage figure: snapping needs them only
  // once the planner edits, and reading them earlier delays the figure.
  const snapReady = settledFirstFigure()
    .then(() => data.ensure('poles'))
    .then((poles) => {
      sampleIndex = PoleSnapIndex.fromFeatures(poles.features as PoleFeature[]);
    })
    .catch(() => undefined);
  // Sites snap to the sample poles and to the poles imported into the open scenario.
  const snap = scenarioPoleSnap(
    () => sampleIndex,
    () => store.getState().session?.scenario.poles ?? [],
  );
  const snapIndex = () => snap;
  // A pole-mounted site sits exactly on its pole: the attribute panel checks the antenna against it.
  store.getState().setPoleAt((longitude, latitude) => snap.nearest(longitude, latitude, 0.5)?.pole ?? null);

  // The comparison counts added sites per district with the district outlines.
  void data.ensure('districts').then(
    (districts) => {
      const lookup = createFeatureLookup(
        districts.features as Feature<Polygon | MultiPolygon, { adcode?: string | number }>[],
      );
      store.getState().setDistrictOfPoint((lon, lat) => {
        const adcode = lookup(lon, lat)?.properties.adcode;
        return adcode === undefined ? undefined : String(adcode);
      });
    },
    () => undefined,
  );

  const mapWiring = wirePlannerMap(context, snapIndex, disposers);
  keepScenarioCoverage(context, disposers);
  if (import.meta.env.MODE === 'e2e') installPlannerTestHooks(context, { snapReady, snapIndex, mapWiring });
  return disposers.disposer;
}

/** Caches each scenario's coverage figures (also across reloads) for the side-by-side comparison. */
function keepScenarioCoverage({ store }: AppContext, disposers: Disposers): void {
  const subscribe = trackedSubscribe(store, disposers);
  try {
    const stored = localStorage.getItem(COVERAGE_CACHE_KEY);
    if (stored) store.setState({ scenarioCoverageCache: JSON.parse(stored) });
  } catch {
    // A broken cache only costs the comparison its figures for scenarios not open since.
  }
  subscribe(
    (state) => state.coverageStats,
    (stats) => {
      const state = store.getState();
      if (stats && state.session && state.coverageStatus === 'ready' && !state.siteDragActive) {
        state.cacheScenarioCoverage(state.session.scenario, stats);
      }
    },
  );
  subscribe(
    (state) => state.scenarioCoverageCache,
    (cache) => {
      try {
        localStorage.setItem(COVERAGE_CACHE_KEY, JSON.stringify(cache));
      } catch {
        // Storage full or blocked: the in-memory cache still serves this session.
      }
    },
  );
}
