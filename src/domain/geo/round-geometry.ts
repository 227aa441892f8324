import type { MultiPolygon, Polygon, Position } from 'geojson';
import { roundCoordinate } from './geodesy';

function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const position of ring) {
    const next: Position = [roundCoordinate(position[0]!), roundCoordinate(position[1]!)];
    const previous = rounded[rounded.length - 1];
    // Rounding can merge neighbours; a repeated vertex would be a zero-length edge.
    if (previous && previous[0] === next[0] && previous[1] === next[1]) continue;
    rounded.push(next);
  }
  return rounded;
}

/** Rounds every coordinate of a (Multi)Polygon to 6 decimals, dropping rings that collapse. */
export function roundPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const roundPolygon = (rings: Position[][]) => rings.map(roundRing).filter((ring) => ring.length >= 4);
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: roundPolygon(geometry.coordinates) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map(roundPolygon).filter((rings) => rings.length > 0),
  };
}
