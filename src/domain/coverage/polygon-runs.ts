/**
 * Scanline polygon fill onto the grid: one pass over the edges per polygon, crossings sorted per row,
 * cells whose centres lie inside (even–odd rule, so holes and multipolygons work) are filled.
 * Far cheaper than a point-in-polygon test per cell.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { type GridGeometry, rowCentreLat } from './grid';

/** Runs of filled cells: triples (row, firstColumn, lastColumn), inclusive. */
export type CellRuns = Int32Array;

/** Rasterise a polygon or multipolygon into runs of cells whose centres lie inside it. */
export function rasterisePolygon(grid: GridGeometry, geometry: Polygon | MultiPolygon): CellRuns {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const crossings: number[][] = [];
  for (const ring of rings) {
    for (let index = 0; index + 1 < ring.length; index++) {
      const [lonA, latA] = ring[index] as [number, number];
      const [lonB, latB] = ring[index + 1] as [number, number];
      if (latA === latB) continue;
      const latLow = Math.min(latA, latB);
      const latHigh = Math.max(latA, latB);
      // Rows whose centre latitude c satisfies latLow <= c < latHigh (half-open avoids double vertices).
      const rowFirst = Math.max(0, Math.ceil((grid.north - latHigh) / grid.latStepDeg - 0.5));
      const rowLast = Math.min(grid.rows - 1, Math.floor((grid.north - latLow) / grid.latStepDeg - 0.5));
      for (let row = rowFirst; row <= rowLast; row++) {
        const lat = rowCentreLat(grid, row);
        if (lat < latLow || lat >= latHigh) continue;
        const lon = lonA + ((lat - latA) / (latB - latA)) * (lonB - lonA);
        let list = crossings[row];
        if (!list) {
          list = [];
          crossings[row] = list;
        }
        list.push(lon);
      }
    }
  }
  const runs: number[] = [];
  for (let row = 0; row < crossings.length; row++) {
    const list = crossings[row];
    if (!list) continue;
    list.sort((a, b) => a - b);
    for (let index = 0; index + 1 < list.length; index += 2) {
      const first = Math.max(0, Math.ceil((list[index]! - grid.west) / grid.lonStepDeg - 0.5));
      const last = Math.min(
        grid.columns - 1,
        Math.ceil((list[index + 1]! - grid.west) / grid.lonStepDeg - 0.5) - 1,
      );
      if (first <= last) runs.push(row, first, last);
    }
  }
  return Int32Array.from(runs);
}

/** Write a value into every cell of some runs. */
export function fillRuns(
  target: Uint8Array | Float32Array,
  columns: number,
  runs: CellRuns,
  value: number,
): void {
  for (let index = 0; index < runs.length; index += 3) {
    const start = runs[index]! * columns;
    target.fill(value, start + runs[index + 1]!, start + runs[index + 2]! + 1);
  }
}

/** Bounding rows and columns of some runs, or undefined when empty. */
export function runsBounds(
  runs: CellRuns,
): { row0: number; row1: number; column0: number; column1: number } | undefined {
  if (runs.length === 0) return undefined;
  let row0 = Number.POSITIVE_INFINITY;
  let row1 = -1;
  let column0 = Number.POSITIVE_INFINITY;
  let column1 = -1;
  for (let index = 0; index < runs.length; index += 3) {
    row0 = Math.min(row0, runs[index]!);
    row1 = Math.max(row1, runs[index]!);
    column0 = Math.min(column0, runs[index + 1]!);
    column1 = Math.max(column1, runs[index + 2]!);
  }
  return { row0, row1, column0, column1 };
}
