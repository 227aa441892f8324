/**
 * Which weak spot of a new gap list is the one the user had selected. A gap's id changes whenever its
 * cells do (and a full recompute after a mode switch numbers them afresh), so the id alone cannot say:
 * the same id with the same cells is the same gap; otherwise the successor is the largest new gap that
 * overlaps the old outline (a gap an added site shrank lies inside the old one, a gap a stricter
 * threshold grew holds it). No overlap means the gap is gone.
 */
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, MultiPolygon } from 'geojson';
import type { GapProperties } from './gaps';

export type GapFeature = Feature<MultiPolygon, GapProperties>;

type Box = [number, number, number, number];

const boxesOverlap = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

const isSameGap = (a: GapFeature, b: GapFeature) =>
  a.properties.id === b.properties.id &&
  a.properties.cellCount === b.properties.cellCount &&
  a.properties.centroid[0] === b.properties.centroid[0] &&
  a.properties.centroid[1] === b.properties.centroid[1];

/** A point inside each polygon of a gap (a gap's parts can lie apart). */
function interiorPoints(gap: GapFeature): [number, number][] {
  return gap.geometry.coordinates.map((polygon) => {
    const point = pointOnFeature({ type: 'Polygon', coordinates: polygon });
    return point.geometry.coordinates as [number, number];
  });
}

function overlaps(a: GapFeature, b: GapFeature): boolean {
  if (!boxesOverlap(bbox(a) as Box, bbox(b) as Box)) return false;
  return (
    interiorPoints(a).some((point) => booleanPointInPolygon(point, b)) ||
    interiorPoints(b).some((point) => booleanPointInPolygon(point, a))
  );
}

/** The gap in `gaps` that `previous` became, or null when it closed. */
export function followGap(previous: GapFeature, gaps: readonly GapFeature[]): GapFeature | null {
  const same = gaps.find((gap) => isSameGap(gap, previous));
  if (same) return same;
  let best: GapFeature | null = null;
  for (const gap of gaps) {
    if (best && gap.properties.areaKm2 <= best.properties.areaKm2) continue;
    if (overlaps(previous, gap)) best = gap;
  }
  return best;
}
