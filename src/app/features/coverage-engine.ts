/**
 * The coverage worker, started at start-up step 3 (src/app/start-up.tsx) as soon as the features' code
 * has loaded: it is handed the city (districts, metro stations, plan zones, the land mask, environment
 * classes, sea) and the build's grid file of that city, which spares it the rasterisation; the coverage
 * feature wires it at step 6. Site suggestions run in this worker too, on the engine's own grid.
 */
import prebuiltCityGrid from 'virtual:prebuilt-city-grid';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CityInput, ZoneCollection } from '../../domain/coverage/city-raster';
import type { CoverageSettings } from '../../domain/coverage/settings';
import type { DistrictCollection } from '../../domain/types';
import type { CoverageInit, GridInfo } from '../../engine/coverage-api';
import { CoverageClient } from '../../engine/coverage-client';
import { shareCoverageEndpoint } from '../../engine/suggest-client';
import type { AppStore } from '../../state/store';
import type { DataLoader } from '../data-loading';
import { START_UP_MARK_PREFIX } from '../start-up-marks';

type Polygons = FeatureCollection<Polygon | MultiPolygon>;

export interface CoverageEngine {
  client: CoverageClient;
  /** The settings the worker was initialised with. */
  initSettings: CoverageSettings;
  /** Resolves once the worker holds the city's grid; rejects with the reason it could not. */
  initialised: Promise<GridInfo>;
  dispose(): void;
}

/**
 * Workers a full compute is split across: the page keeps a core, the coverage worker is one of the rest
 * (docs/engine.md, "Worker pool"), so navigator.hardwareConcurrency − 2 helpers, none on two cores.
 */
export function poolHelperCount(hardwareConcurrency = navigator.hardwareConcurrency || 1): number {
  return Math.max(1, hardwareConcurrency - 1) - 1;
}

/** Start the helpers and connect each to the coverage worker by a channel of its own. */
function startPoolHelpers(client: CoverageClient): Worker[] {
  const helpers: Worker[] = [];
  const ports: MessagePort[] = [];
  for (let index = 0; index < poolHelperCount(); index++) {
    const helper = new Worker(new URL('../../engine/band-worker.ts', import.meta.url), { type: 'module' });
    const channel = new MessageChannel();
    helper.postMessage({ port: channel.port1 }, [channel.port1]);
    helpers.push(helper);
    ports.push(channel.port2);
  }
  if (ports.length > 0) client.attachPool(ports);
  return helpers;
}

/**
 * The build's grid file of the shipped city (none on the dev server), fetched beside the city's files;
 * any failure leaves the worker to rasterise the city, as it does for a file it refuses.
 */
async function fetchCityGrid(): Promise<CoverageInit['cityGrid']> {
  if (!prebuiltCityGrid) return undefined;
  try {
    const response = await fetch(prebuiltCityGrid.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { bytes: await response.arrayBuffer(), inputDigest: prebuiltCityGrid.inputDigest };
  } catch (error) {
    console.warn('city grid file not loaded, the coverage worker rasterises the city:', error);
    return undefined;
  }
}

/** Starts the worker and initialises it with the city; a failure is reported in the store. */
export function startCoverageEngine({ store, data }: { store: AppStore; data: DataLoader }): CoverageEngine {
  const worker = new Worker(new URL('../../engine/coverage-worker.ts', import.meta.url), { type: 'module' });
  const client = new CoverageClient(worker);
  shareCoverageEndpoint(worker);
  const helpers = startPoolHelpers(client);
  const initSettings = store.getState().coverageSettings;
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
    fetchCityGrid(),
  ]).then(([districts, metroStations, zones, land, environment, sea, cityGrid]) =>
    client.init({
      districts: districts as DistrictCollection,
      metroStations: metroStations as FeatureCollection<Point>,
      ...(zones ? { zones: zones as ZoneCollection } : {}),
      // The land mask (tidal flats and estuary water left out) and the environment classes; see SOURCES.md.
      ...(land ? { land } : {}),
      ...(environment ? { environment: environment as NonNullable<CityInput['environment']> } : {}),
      ...(sea ? { sea } : {}),
      // Made by this build from these six files for the default settings (the worker checks the settings
      // and the digest); not when a file failed, so the grid never stands for other inputs.
      ...(cityGrid && zones && land && environment && sea ? { cityGrid } : {}),
      settings: initSettings,
    }),
  );
  // Where the grid came from (the build's file, or rasterised) goes with the benchmark's stage.
  initialised.then(
    (grid) =>
      performance.mark(`${START_UP_MARK_PREFIX}coverage-grid-built`, { detail: { source: grid.gridSource } }),
    () => undefined,
  );
  initialised.catch((error: unknown) =>
    store.getState().setCoverageError(error instanceof Error ? error.message : String(error)),
  );
  return {
    client,
    initSettings,
    initialised,
    dispose: () => {
      client.dispose();
      worker.terminate();
      for (const helper of helpers) helper.terminate();
    },
  };
}
