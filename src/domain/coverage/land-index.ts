/**
 * A numbering of the land cells (row order, columns ascending): arrays that only land needs — the
 * interference sums — hold 2.8 M entries at 50 m instead of the grid's 5.7 M. A cell's land index is its
 * land run's first index plus its offset in the run; each row's runs are found from `rowRunStart`.
 */
import type { CityRaster } from './city-raster';

export interface LandIndex {
  /** Row r's land runs are runs rowRunStart[r] … rowRunStart[r + 1] − 1 (run n at landRuns[4n]). */
  rowRunStart: Int32Array;
  /** Land index of each run's first cell; runLandStart[runCount] = landCells. */
  runLandStart: Int32Array;
  landCells: number;
}

const indexes = new WeakMap<CityRaster, LandIndex>();

/** The land numbering of a city (built once per city raster). */
export function landIndexOf(city: CityRaster): LandIndex {
  const cached = indexes.get(city);
  if (cached) return cached;
  const { landRuns, grid } = city;
  const runCount = landRuns.length / 4;
  const rowRunStart = new Int32Array(grid.rows + 1);
  const runLandStart = new Int32Array(runCount + 1);
  let landCells = 0;
  let run = 0;
  for (let row = 0; row < grid.rows; row++) {
    rowRunStart[row] = run;
    while (run < runCount && landRuns[run * 4] === row) {
      runLandStart[run] = landCells;
      landCells += landRuns[run * 4 + 2]! - landRuns[run * 4 + 1]! + 1;
      run++;
    }
  }
  rowRunStart[grid.rows] = run;
  runLandStart[runCount] = landCells;
  const index = { rowRunStart, runLandStart, landCells };
  indexes.set(city, index);
  return index;
}

/** Land index of a grid cell (row, column), or −1 when it is not land. */
export function landIndexAt(city: CityRaster, index: LandIndex, row: number, column: number): number {
  const { landRuns } = city;
  for (let run = index.rowRunStart[row]!, end = index.rowRunStart[row + 1]!; run < end; run++) {
    const first = landRuns[run * 4 + 1]!;
    if (column < first) return -1;
    if (column <= landRuns[run * 4 + 2]!) return index.runLandStart[run]! + column - first;
  }
  return -1;
}
