/**
 * The polygon way, as the issue defines the baseline: turf.circle (32 steps) per site → union of the
 * collection → area; gaps = land minus the union.
 */
import area from '@turf/area';
import circle from '@turf/circle';
import difference from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import union from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface TurfBaselineResult {
  coveredKm2: number;
  gapCount: number;
  gapKm2: number;
  unionMs: number;
  gapsMs: number;
  totalMs: number;
}

/** Run the baseline for site positions and one radius. */
export function turfBaseline(
  positions: [number, number][],
  radiusM: number,
  land: Feature<Polygon | MultiPolygon>,
): TurfBaselineResult {
  const started = performance.now();
  const circles = positions.map((position) =>
    circle(position, radiusM / 1000, { steps: 32, units: 'kilometers' }),
  );
  const covered = union(featureCollection(circles));
  const coveredKm2 = covered ? area(covered) / 1e6 : 0;
  const unionDone = performance.now();
  const gaps = covered ? difference(featureCollection([land, covered])) : land;
  const gapPolygons = !gaps ? 0 : gaps.geometry.type === 'Polygon' ? 1 : gaps.geometry.coordinates.length;
  const gapKm2 = gaps ? area(gaps) / 1e6 : 0;
  const finished = performance.now();
  return {
    coveredKm2,
    gapCount: gapPolygons,
    gapKm2,
    unionMs: unionDone - started,
    gapsMs: finished - unionDone,
    totalMs: finished - started,
  };
}

/** Area of one 32-step Turf circle, km² (the grid radius is matched to it). */
export function turfCircleAreaKm2(position: [number, number], radiusM: number): number {
  return area(circle(position, radiusM / 1000, { steps: 32, units: 'kilometers' })) / 1e6;
}

/** The land outline as one feature. */
export function landFeature(
  land: FeatureCollection<Polygon | MultiPolygon>,
): Feature<Polygon | MultiPolygon> {
  // The land mask holds one feature per district (they do not overlap): one MultiPolygon of all parts.
  const coordinates = land.features.flatMap((feature) =>
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
  );
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } };
}
