import type { MultiPolygon, Polygon, Position } from 'geojson';
import { localMetresFrame } from './geodesy';
import { preparePolygon } from './prepared-polygon';

/** Signed planar area of a ring in squared degrees (shoelace); only its magnitude is used. */
function ringAreaDegrees(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    sum += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
  }
  return Math.abs(sum) / 2;
}

/** The largest part (outer ring area) of a Polygon or MultiPolygon, as a Polygon. */
export function largestPart(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best = geometry.coordinates[0]!;
  for (const part of geometry.coordinates) {
    if (ringAreaDegrees(part[0]!) > ringAreaDegrees(best[0]!)) best = part;
  }
  return { type: 'Polygon', coordinates: best };
}

function distanceToEdgesM(
  polygon: Polygon,
  lon: number,
  lat: number,
  frame: ReturnType<typeof localMetresFrame>,
) {
  let best = Infinity;
  for (const ring of polygon.coordinates) {
    for (let index = 0; index + 1 < ring.length; index++) {
      const ax = (ring[index]![0]! - lon) * frame.metresPerDegreeLon;
      const ay = (ring[index]![1]! - lat) * frame.metresPerDegreeLat;
      const bx = (ring[index + 1]![0]! - lon) * frame.metresPerDegreeLon;
      const by = (ring[index + 1]![1]! - lat) * frame.metresPerDegreeLat;
      const dx = bx - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/**
 * A label point inside the largest part of a (Multi)Polygon: an approximate pole of inaccessibility
 * (the inside point farthest from any edge), found by a coarse grid search refined three times
 * around the best cell. Deterministic; good to ~1% of the part's size, plenty for a label.
 */
export function labelPoint(geometry: Polygon | MultiPolygon, gridSize = 24): [number, number] {
  const part = largestPart(geometry);
  const prepared = preparePolygon(part);
  let [west, south, east, north] = prepared.bbox;
  const frame = localMetresFrame((south + north) / 2);
  let bestLon = part.coordinates[0]![0]![0]!;
  let bestLat = part.coordinates[0]![0]![1]!;
  let bestDistance = -1;
  for (let round = 0; round < 4; round++) {
    const stepLon = (east - west) / gridSize;
    const stepLat = (north - south) / gridSize;
    for (let row = 0; row <= gridSize; row++) {
      for (let column = 0; column <= gridSize; column++) {
        const lon = west + column * stepLon;
        const lat = south + row * stepLat;
        if (!prepared.contains(lon, lat)) continue;
        const distance = distanceToEdgesM(part, lon, lat, frame);
        if (distance > bestDistance) {
          bestDistance = distance;
          bestLon = lon;
          bestLat = lat;
        }
      }
    }
    west = bestLon - 2 * stepLon;
    east = bestLon + 2 * stepLon;
    south = bestLat - 2 * stepLat;
    north = bestLat + 2 * stepLat;
  }
  return [bestLon, bestLat];
}
