/**
 * Whether a point lies in a district or plan zone. Apart from the report model (area-report.ts) because
 * the story's zone figures need only this on the first screen, and the report's weak-spot placement
 * (polygon clipping) would otherwise weigh on the first-load JavaScript.
 */
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ReportArea } from './area-report';

/** A containment test for an area: district by adcode where the feature carries one, else point-in-polygon. */
export function areaContains(area: ReportArea): (coordinates: number[], adcode?: string) => boolean {
  const [west, south, east, north] = bbox(area.geometry);
  const feature: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: area.geometry,
  };
  const inPolygon = (coordinates: number[]) => {
    const [longitude = 0, latitude = 0] = coordinates;
    if (longitude < west || longitude > east || latitude < south || latitude > north) return false;
    return booleanPointInPolygon([longitude, latitude], feature);
  };
  const { target } = area;
  if (target.kind === 'district') {
    return (coordinates, adcode) =>
      adcode !== undefined ? adcode === target.adcode : inPolygon(coordinates);
  }
  return (coordinates) => inPolygon(coordinates);
}
