/**
 * What an import needs from the app's data besides the file: the districts, land and water the worker
 * checks rows against, the ids already taken (the scenario's sites, or the sample and imported poles),
 * and the box the map fits to once the rows are in.
 */
import turfBbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ImportGeographyData } from '../domain/import/geography';
import type { ImportLayer } from '../domain/import/import-types';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import { scenarioSiteIds } from '../domain/scenario/import-into-scenario';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { PoleFeature } from '../domain/types';
import type { DataPort } from './ports';

type Polygons = FeatureCollection<Polygon | MultiPolygon>;

/** Districts, the administrative boundary, land and water for the worker's in-Shanghai and datum checks (what is available). */
export async function loadImportGeography(
  data: DataPort,
  loadBoundary?: () => Promise<FeatureCollection>,
): Promise<ImportGeographyData | undefined> {
  const optional = (id: 'land' | 'sea' | 'waterBodies') =>
    data.ensure(id).then(
      (collection) => collection as Polygons,
      () => undefined,
    );
  const [districts, land, sea, waterBodies, boundary] = await Promise.all([
    data.ensure('districts'),
    optional('land'),
    optional('sea'),
    optional('waterBodies'),
    loadBoundary?.().then(
      (collection) => collection as Polygons,
      () => undefined,
    ),
  ]);
  const water = [sea, waterBodies].filter((collection): collection is Polygons => collection !== undefined);
  return {
    districts: districts as ImportGeographyData['districts'],
    ...(boundary ? { boundary } : {}),
    ...(land ? { land } : {}),
    ...(water.length > 0 ? { water } : {}),
  };
}

/** Ids an import must not reuse: sites of the scenario, or the sample poles and the scenario's poles. */
export async function existingIdsFor(
  state: { baseline: Pick<BaselineSites, 'features'> | null; session: { scenario: Scenario } | null },
  layer: ImportLayer,
  data: DataPort,
): Promise<Set<string>> {
  const scenario = state.session?.scenario ?? null;
  if (layer === 'sites') return scenarioSiteIds(state.baseline, scenario);
  const ids = new Set<string>();
  const samplePoles = await data.ensure('poles').then(
    (collection) => collection.features as PoleFeature[],
    () => [] as PoleFeature[],
  );
  for (const pole of samplePoles) ids.add(pole.properties.id);
  for (const pole of scenario?.poles ?? []) ids.add(pole.properties.id);
  return ids;
}

/** [[west, south], [east, north]] of imported points; null when there are none. */
export function importedBounds(
  features: readonly Feature<Point>[],
): [[number, number], [number, number]] | null {
  if (features.length === 0) return null;
  const [west, south, east, north] = turfBbox({ type: 'FeatureCollection', features: [...features] });
  return [
    [west, south],
    [east, north],
  ];
}
