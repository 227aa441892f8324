/**
 * What the district report names a weak spot's place by: the major-road centrelines
 * (data/sources/roads-major.geojson, OSM, ODbL — the file the sample poles are placed on) and the metro
 * stations. Both are fetched once, the first time a report is prepared (never at start-up), and kept.
 */

import type { FeatureCollection, Point } from 'geojson';
import roadsUrl from '../../data/sources/roads-major.geojson?url';
import { metroStationNameEn } from '../domain/layers/metro-names';
import type { WeakSpotSurroundings } from '../domain/report/area-report';
import type { NamedPlace } from '../domain/report/nearest-place';
import { type RoadFeature, RoadIndex } from '../domain/report/nearest-road';
import type { DataPort } from '../services/ports';

async function loadRoads(): Promise<RoadIndex> {
  const response = await fetch(roadsUrl);
  if (!response.ok) throw new Error(`roads-major.geojson: HTTP ${response.status}`);
  const collection = (await response.json()) as FeatureCollection;
  return new RoadIndex(
    collection.features.filter(
      (feature): feature is RoadFeature =>
        feature.geometry?.type === 'LineString' || feature.geometry?.type === 'MultiLineString',
    ),
  );
}

async function loadPlaces(data: DataPort): Promise<NamedPlace[]> {
  const stations = await data.ensure('metroStations');
  return stations.features.flatMap((feature) => {
    const name = feature.properties?.name;
    if (typeof name !== 'string' || feature.geometry?.type !== 'Point') return [];
    const [longitude = 0, latitude = 0] = (feature.geometry as Point).coordinates;
    const nameEn = metroStationNameEn(feature.properties?.pinyin);
    return [{ name, nameEn, coordinates: [longitude, latitude] as const }];
  });
}

/** Loads roads and places once; a layer that fails to load is left out (the report says "—"). */
export function reportSurroundingsSource(data: DataPort): () => Promise<WeakSpotSurroundings> {
  let loading: Promise<WeakSpotSurroundings> | undefined;
  return () => {
    loading ??= Promise.all([
      loadRoads().catch((error: unknown) => {
        console.warn('nearest roads unavailable:', error instanceof Error ? error.message : error);
        return null;
      }),
      loadPlaces(data).catch(() => undefined),
    ]).then(([roads, places]) => ({ roads, places }));
    return loading;
  };
}
