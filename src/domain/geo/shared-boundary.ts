import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringsOf } from './prepared-polygon';

const keyOf = (position: Position) => `${position[0]},${position[1]}`;

/**
 * The edges of `subject` whose both ends are also vertices of any of `neighbours`, joined into
 * polylines: the common boundary of polygons that share their edges exactly (as the shipped
 * districts do). Useful where a boundary follows a river's centre line, e.g. the Huangpu.
 */
export function sharedBoundary(
  subject: Polygon | MultiPolygon,
  neighbours: readonly (Polygon | MultiPolygon)[],
): Position[][] {
  const neighbourVertices = new Set(neighbours.flatMap(ringsOf).flat().map(keyOf));
  const lines: Position[][] = [];
  for (const ring of ringsOf(subject)) {
    let current: Position[] = [];
    for (let index = 0; index + 1 < ring.length; index++) {
      const start = ring[index]!;
      const end = ring[index + 1]!;
      if (neighbourVertices.has(keyOf(start)) && neighbourVertices.has(keyOf(end))) {
        if (current.length === 0) current.push(start);
        current.push(end);
      } else if (current.length > 0) {
        lines.push(current);
        current = [];
      }
    }
    if (current.length > 0) {
      // A run that wraps past the ring's closing vertex continues the first run.
      const first = lines.find((line) => keyOf(line[0]!) === keyOf(current[current.length - 1]!));
      if (first) first.unshift(...current.slice(0, -1));
      else lines.push(current);
    }
  }
  return lines;
}
