import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type PreparedPolygon, preparePolygon } from './prepared-polygon';

/**
 * Point-in-feature lookup over polygon features (e.g. districts → adcode): each feature is prepared
 * once, then a lookup tests bounding boxes first and polygons only where the box matches.
 */
export function createFeatureLookup<Properties>(
  features: readonly Feature<Polygon | MultiPolygon, Properties>[],
): (lon: number, lat: number) => Feature<Polygon | MultiPolygon, Properties> | undefined {
  const prepared: { feature: Feature<Polygon | MultiPolygon, Properties>; polygon: PreparedPolygon }[] =
    features.map((feature) => ({ feature, polygon: preparePolygon(feature.geometry) }));
  return (lon, lat) => prepared.find((entry) => entry.polygon.contains(lon, lat))?.feature;
}
