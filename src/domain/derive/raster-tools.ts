/**
 * Raster tools for deriving geodata on the coverage grid (grid.ts): burning polylines into cells, a
 * distance transform, 4-connected components, and tracing a cell mask back into simplified polygons.
 * Used by the derivation scripts (land mask, environment), never on the app's hot paths.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { traceComponentRings } from '../coverage/gap-outline';
import type { GridGeometry } from '../coverage/grid';
import { fillRuns, rasterisePolygon } from '../coverage/polygon-runs';
import { simplifyLine } from '../geo/simplify-line';

/** A mask (1 = in) of the cells whose centres lie inside any of the polygons. */
export function polygonMask(grid: GridGeometry, geometries: Iterable<Polygon | MultiPolygon>): Uint8Array {
  const mask = new Uint8Array(grid.cellCount);
  for (const geometry of geometries) fillRuns(mask, grid.columns, rasterisePolygon(grid, geometry), 1);
  return mask;
}

/** Sets to 1 every cell a polyline passes through (sampled at a third of a cell, so no cell is skipped). */
export function burnLines(
  grid: GridGeometry,
  lines: Iterable<readonly Position[]>,
  target: Uint8Array,
): void {
  for (const line of lines) {
    for (let index = 0; index + 1 < line.length; index++) {
      const [lonA, latA] = line[index] as [number, number];
      const [lonB, latB] = line[index + 1] as [number, number];
      const spanCells = Math.hypot((lonB - lonA) / grid.lonStepDeg, (latB - latA) / grid.latStepDeg);
      const steps = Math.ceil(spanCells * 3) + 1;
      for (let step = 0; step <= steps; step++) {
        const lon = lonA + ((lonB - lonA) * step) / steps;
        const lat = latA + ((latB - latA) * step) / steps;
        const column = Math.floor((lon - grid.west) / grid.lonStepDeg);
        const row = Math.floor((grid.north - lat) / grid.latStepDeg);
        if (column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)
          target[row * grid.columns + column] = 1;
      }
    }
  }
}

/**
 * Distance in metres from each cell centre to the nearest seed cell's centre: an 8-neighbour chamfer
 * (steps of one cell and one diagonal) in two passes. It overestimates true distance by at most 8 %
 * between the axis and diagonal directions, which is far below the rules' tolerances.
 */
export function chamferDistanceM(grid: GridGeometry, seeds: Uint8Array): Float32Array {
  const { columns, rows, cellM } = grid;
  const straight = cellM;
  const diagonal = cellM * Math.SQRT2;
  const distance = new Float32Array(grid.cellCount).fill(Number.POSITIVE_INFINITY);
  for (let cell = 0; cell < grid.cellCount; cell++) if (seeds[cell] === 1) distance[cell] = 0;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      let value = distance[cell]!;
      if (column > 0) value = Math.min(value, distance[cell - 1]! + straight);
      if (row > 0) {
        value = Math.min(value, distance[cell - columns]! + straight);
        if (column > 0) value = Math.min(value, distance[cell - columns - 1]! + diagonal);
        if (column < columns - 1) value = Math.min(value, distance[cell - columns + 1]! + diagonal);
      }
      distance[cell] = value;
    }
  }
  for (let row = rows - 1; row >= 0; row--) {
    for (let column = columns - 1; column >= 0; column--) {
      const cell = row * columns + column;
      let value = distance[cell]!;
      if (column < columns - 1) value = Math.min(value, distance[cell + 1]! + straight);
      if (row < rows - 1) {
        value = Math.min(value, distance[cell + columns]! + straight);
        if (column < columns - 1) value = Math.min(value, distance[cell + columns + 1]! + diagonal);
        if (column > 0) value = Math.min(value, distance[cell + columns - 1]! + diagonal);
      }
      distance[cell] = value;
    }
  }
  return distance;
}

/**
 * Grows a set of cells from its seeds through 4-connected cells that `passable` allows; returns the
 * reached cells (seeds included) as a mask.
 */
export function floodFill(
  grid: GridGeometry,
  seeds: Iterable<number>,
  passable: (cell: number) => boolean,
): Uint8Array {
  const { columns, cellCount } = grid;
  const reached = new Uint8Array(cellCount);
  const stack: number[] = [];
  for (const seed of seeds) {
    if (reached[seed] === 1) continue;
    reached[seed] = 1;
    stack.push(seed);
  }
  while (stack.length > 0) {
    const cell = stack.pop()!;
    const column = cell % columns;
    const neighbours = [
      column > 0 ? cell - 1 : -1,
      column < columns - 1 ? cell + 1 : -1,
      cell - columns,
      cell + columns,
    ];
    for (const next of neighbours) {
      if (next < 0 || next >= cellCount || reached[next] === 1 || !passable(next)) continue;
      reached[next] = 1;
      stack.push(next);
    }
  }
  return reached;
}

export interface MaskComponent {
  id: number;
  cellCount: number;
  areaKm2: number;
  column0: number;
  row0: number;
  column1: number;
  row1: number;
}

/** Labels the 4-connected components of a mask (labels from 1, in row-major order of first cell). */
export function labelComponents(
  grid: GridGeometry,
  mask: Uint8Array,
): { labels: Int32Array; components: MaskComponent[] } {
  const { columns, cellCount } = grid;
  const labels = new Int32Array(cellCount);
  const components: MaskComponent[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cellCount; start++) {
    if (mask[start] !== 1 || labels[start] !== 0) continue;
    const component: MaskComponent = {
      id: components.length + 1,
      cellCount: 0,
      areaKm2: 0,
      column0: Number.POSITIVE_INFINITY,
      row0: Number.POSITIVE_INFINITY,
      column1: -1,
      row1: -1,
    };
    components.push(component);
    labels[start] = component.id;
    stack.push(start);
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const column = cell % columns;
      const row = (cell - column) / columns;
      component.cellCount++;
      component.areaKm2 += grid.rowCellAreaKm2[row]!;
      component.column0 = Math.min(component.column0, column);
      component.column1 = Math.max(component.column1, column);
      component.row0 = Math.min(component.row0, row);
      component.row1 = Math.max(component.row1, row);
      const neighbours = [
        column > 0 ? cell - 1 : -1,
        column < columns - 1 ? cell + 1 : -1,
        cell - columns,
        cell + columns,
      ];
      for (const next of neighbours) {
        if (next < 0 || next >= cellCount || mask[next] !== 1 || labels[next] !== 0) continue;
        labels[next] = component.id;
        stack.push(next);
      }
    }
  }
  return { labels, components };
}

/** Rounds to 6 decimals (~0.1 m) so traced output is byte-stable. */
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * One polygon per 4-connected component of the mask at least `minAreaKm2` in size: the cells' outline
 * (cell edges), simplified by Douglas–Peucker at `simplifyM` metres, in lon/lat with 6 decimals.
 */
export function traceMaskPolygons(
  grid: GridGeometry,
  mask: Uint8Array,
  options: { simplifyM: number; minAreaKm2: number },
): { pieces: { polygon: Polygon; component: MaskComponent }[]; labels: Int32Array } {
  const { labels, components } = labelComponents(grid, mask);
  const pieces: { polygon: Polygon; component: MaskComponent }[] = [];
  for (const component of components) {
    if (component.areaKm2 < options.minAreaKm2) continue;
    const west = grid.west + (component.column0 - 1) * grid.lonStepDeg;
    const north = grid.north - (component.row0 - 1) * grid.latStepDeg;
    const corner = (x: number, y: number): number[] => [
      west + x * grid.lonStepDeg,
      north - y * grid.latStepDeg,
    ];
    const rings = traceComponentRings(labels, grid.columns, component.id, component, corner);
    const simplified = rings
      .map((ring) => simplifyRing(ring as [number, number][], options.simplifyM))
      .filter((ring) => ring.length >= 4);
    if (simplified.length === 0) continue;
    pieces.push({ polygon: { type: 'Polygon', coordinates: simplified }, component });
  }
  return { pieces, labels };
}

/** Simplifies a closed ring, keeping its first vertex fixed; rings that collapse come back short. */
function simplifyRing(ring: [number, number][], toleranceM: number): Position[] {
  const simplified = simplifyLine(ring, toleranceM);
  return simplified.map(([lon, lat]) => [round6(lon), round6(lat)]);
}
