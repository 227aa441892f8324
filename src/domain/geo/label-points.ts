/**
 * One label point per area. A polygon labelled by MapLibre gets a label in every tile it spans (a new
 * town showed its name four times at district zoom); a point source labels it once. The point is the
 * area's centroid where it falls inside, else a point on its surface (a crescent's centroid lies out).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, GeoJsonProperties, Point } from 'geojson';

export function labelPoints(collection: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const feature of collection.features) {
    const { geometry } = feature;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const middle = centroid(feature).geometry;
    const point = booleanPointInPolygon(middle, { ...feature, geometry })
      ? middle
      : pointOnFeature(feature).geometry;
    features.push({ type: 'Feature', properties: feature.properties as GeoJsonProperties, geometry: point });
  }
  return { type: 'FeatureCollection', features };
}
