/**
 * The coverage grid: equal-angle cells over a lon/lat box, row 0 at the north edge. Cells are square
 * (cellM × cellM) at the box's central latitude; each row keeps its true width and area, so areas are
 * exact on the sphere and distances use the row's own metres per degree of longitude.
 */

/** Mean Earth radius, metres (the same as Turf's distance functions). */
export const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

export interface GridGeometry {
  west: number;
  north: number;
  east: number;
  south: number;
  cellM: number;
  columns: number;
  rows: number;
  cellCount: number;
  lonStepDeg: number;
  latStepDeg: number;
  /** True area of one cell in each row, km². */
  rowCellAreaKm2: Float64Array;
  /** True east–west width of a cell in each row, metres. */
  rowCellWidthM: Float64Array;
}

/** Build a grid covering [west, south, east, north] with cells of cellM metres. */
export function createGrid(bounds: readonly [number, number, number, number], cellM: number): GridGeometry {
  const [west, south, east, northBound] = bounds;
  const referenceLat = ((south + northBound) / 2) * (Math.PI / 180);
  const latStepDeg = cellM / METRES_PER_DEGREE;
  const lonStepDeg = cellM / (METRES_PER_DEGREE * Math.cos(referenceLat));
  const columns = Math.ceil((east - west) / lonStepDeg);
  const rows = Math.ceil((northBound - south) / latStepDeg);
  const north = northBound;
  const rowCellAreaKm2 = new Float64Array(rows);
  const rowCellWidthM = new Float64Array(rows);
  const lonStepRad = lonStepDeg * (Math.PI / 180);
  for (let row = 0; row < rows; row++) {
    const top = (north - row * latStepDeg) * (Math.PI / 180);
    const bottom = (north - (row + 1) * latStepDeg) * (Math.PI / 180);
    rowCellAreaKm2[row] = (EARTH_RADIUS_M ** 2 * lonStepRad * (Math.sin(top) - Math.sin(bottom))) / 1e6;
    rowCellWidthM[row] = METRES_PER_DEGREE * lonStepDeg * Math.cos((top + bottom) / 2);
  }
  return {
    west,
    north,
    east: west + columns * lonStepDeg,
    south: north - rows * latStepDeg,
    cellM,
    columns,
    rows,
    cellCount: columns * rows,
    lonStepDeg,
    latStepDeg,
    rowCellAreaKm2,
    rowCellWidthM,
  };
}

/** Column of a longitude (may fall outside 0…columns−1). */
export function columnOf(grid: GridGeometry, lon: number): number {
  return Math.floor((lon - grid.west) / grid.lonStepDeg);
}

/** Row of a latitude (may fall outside 0…rows−1). */
export function rowOf(grid: GridGeometry, lat: number): number {
  return Math.floor((grid.north - lat) / grid.latStepDeg);
}

/** Longitude of a column's centre. */
export function columnCentreLon(grid: GridGeometry, column: number): number {
  return grid.west + (column + 0.5) * grid.lonStepDeg;
}

/** Latitude of a row's centre. */
export function rowCentreLat(grid: GridGeometry, row: number): number {
  return grid.north - (row + 0.5) * grid.latStepDeg;
}

/** An inclusive rectangle of cells. */
export interface CellWindow {
  column0: number;
  row0: number;
  column1: number;
  row1: number;
}

/** Clip a window to the grid; undefined when nothing remains. */
export function clipWindow(grid: GridGeometry, window: CellWindow): CellWindow | undefined {
  const column0 = Math.max(0, window.column0);
  const row0 = Math.max(0, window.row0);
  const column1 = Math.min(grid.columns - 1, window.column1);
  const row1 = Math.min(grid.rows - 1, window.row1);
  if (column0 > column1 || row0 > row1) return undefined;
  return { column0, row0, column1, row1 };
}

/** Merge overlapping windows into their bounding box so no cell is visited twice. */
export function mergeWindows(windows: CellWindow[]): CellWindow[] {
  if (windows.length < 2) return windows;
  const [a, b] = windows as [CellWindow, CellWindow];
  const overlap =
    a.column0 <= b.column1 + 1 && b.column0 <= a.column1 + 1 && a.row0 <= b.row1 + 1 && b.row0 <= a.row1 + 1;
  if (!overlap) return windows;
  return [
    {
      column0: Math.min(a.column0, b.column0),
      row0: Math.min(a.row0, b.row0),
      column1: Math.max(a.column1, b.column1),
      row1: Math.max(a.row1, b.row1),
    },
  ];
}
