/**
 * Where a weak spot is marked and measured from in an area's report: the gap's centroid when it lies in
 * the area, else a point of the gap's part inside the area (that part's centroid when it falls inside
 * the part, else a point on its surface). A gap across a district border whose centroid lies in the
 * neighbour would otherwise be numbered outside the district it is listed for.
 */

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export function weakSpotPoint(
  gap: Feature<MultiPolygon | Polygon, { centroid: [number, number] }>,
  areaGeometry: Polygon | MultiPolygon,
  contains: (coordinates: number[]) => boolean,
): [number, number] {
  const gapCentroid = gap.properties.centroid;
  if (contains(gapCentroid)) return gapCentroid;
  const area: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: areaGeometry };
  const part = intersect(featureCollection([{ ...gap, properties: {} }, area]));
  if (!part) return gapCentroid;
  const middle = centroid(part).geometry.coordinates as [number, number];
  if (booleanPointInPolygon(middle, part)) return middle;
  return pointOnFeature(part).geometry.coordinates as [number, number];
}
