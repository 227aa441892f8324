/**
 * The coverage feature: starts the engine's worker, initialises it with the city (districts, metro
 * stations, plan zones, land, sea), makes sure a baseline and a scenario exist, and keeps the worker,
 * the store and the map's coverage layers in step (see coverage-sync.ts for the job order).
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CityInput, ZoneCollection } from '../../domain/coverage/city-raster';
import { translate } from '../../domain/i18n/translate';
import { indexBaseline } from '../../domain/scenario/baseline';
import { createScenario } from '../../domain/scenario/scenario';
import type { DistrictCollection, SiteCollection } from '../../domain/types';
import { CoverageClient } from '../../engine/coverage-client';
import { shareCoverageEndpoint } from '../../engine/suggest-client';
import { CoverageLayers } from '../../map/coverage-layers';
import { FOOTPRINT_CSS, GAP_PRIORITY_CSS } from '../../ui/coverage/colours';
import type { AppContext } from '../app-context';
import { wireCoverageMap } from '../coverage-map-wiring';
import { CoverageSync } from '../coverage-sync';
import { installCoverageTestHook } from '../coverage-test-hook';
import { sampleBaselineId } from '../sample-baseline';

type Polygons = FeatureCollection<Polygon | MultiPolygon>;

/** Wires the coverage feature into the app. */
export function wireCoverage(context: AppContext): void {
  const { store, map, data } = context;
  const layers = new CoverageLayers(map, {
    gapHigh: GAP_PRIORITY_CSS.high,
    gapMedium: GAP_PRIORITY_CSS.medium,
    gapLow: GAP_PRIORITY_CSS.low,
    footprint: FOOTPRINT_CSS,
  });
  const worker = new Worker(new URL('../../engine/coverage-worker.ts', import.meta.url), { type: 'module' });
  const client = new CoverageClient(worker);
  // Site suggestions run in this worker too, on the engine's own grid (app/features/suggest.ts).
  shareCoverageEndpoint(worker);
  const initSettings = store.getState().coverageSettings;
  const mapWiring = wireCoverageMap(context, layers, client);
  const sync = new CoverageSync(
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

  const optional = (id: 'landMask' | 'environment' | 'sea' | 'planZones') =>
    data.ensure(id).then(
      (collection) => collection as Polygons,
      () => undefined,
    );
  const initialised = Promise.all([
    data.ensure('districts'),
    data.ensure('metroStations'),
    optional('planZones'),
    optional('landMask'),
    optional('environment'),
    optional('sea'),
  ]).then(([districts, metroStations, zones, land, environment, sea]) =>
    client.init({
      districts: districts as DistrictCollection,
      metroStations: metroStations as FeatureCollection<Point>,
      ...(zones ? { zones: zones as ZoneCollection } : {}),
      // The land mask (tidal flats and estuary water left out) and the environment classes; see SOURCES.md.
      ...(land ? { land } : {}),
      ...(environment ? { environment: environment as NonNullable<CityInput['environment']> } : {}),
      ...(sea ? { sea } : {}),
      settings: initSettings,
    }),
  );
  initialised.catch((error: unknown) =>
    store.getState().setCoverageError(error instanceof Error ? error.message : String(error)),
  );

  // The baseline: whoever loads the sites first indexes them (the planner's persistence may too).
  void map.firstIdle
    .then(() => data.ensure('sites'))
    .then((collection) => {
      if (!store.getState().baseline)
        store
          .getState()
          .setBaseline(
            indexBaseline(sampleBaselineId(store.getState().sampleYear), collection as SiteCollection),
          );
      const state = store.getState();
      // Only when nobody (the planner's stored scenarios) opened one already.
      if (!state.session && state.baseline) {
        state.openScenario(
          createScenario({
            id: `scenario-default-${Date.now().toString(36)}`,
            name: translate(state.language, 'coverage.defaultScenarioName'),
            baselineRef: state.baseline.ref,
            nowIso: new Date().toISOString(),
          }),
        );
      }
    })
    .catch(() => undefined);

  void initialised.then(() => {
    store.subscribe(
      (state) => state.baseline,
      () => sync.requestFull(),
    );
    store.subscribe(
      (state) => state.coverageSettings,
      () => sync.requestFull(),
    );
    store.subscribe(
      (state) => state.session?.scenario,
      () => sync.requestEdit(),
    );
    store.subscribe(
      (state) => state.coverageRasterStyle,
      () => sync.requestRaster(),
    );
    if (store.getState().baseline) sync.requestFull();
  });

  installCoverageTestHook(context, sync, layers, client);
}
