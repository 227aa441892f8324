/**
 * Where a full compute writes, as row intervals. When the sites' kernels together hold far fewer cells
 * than the land (a few thousand sites in radius mode), the full compute resets, reads and counts only
 * these intervals instead of sweeping millions of land cells: cells outside them keep the reset state
 * (no server, floor value, uncovered) and are counted as uncovered land by whole stretches.
 */
import type { CellWindow, GridGeometry } from './grid';
import type { PlacedSite } from './site-model';
import { CELL_COVERED, CELL_UNCOVERED, type CoverageArrays } from './statistics';

/** Disjoint, non-touching column intervals per row, columns ascending; row r's are rowStart[r]…rowStart[r+1]−1. */
export interface TouchedRows {
  rowStart: Int32Array;
  firsts: Int32Array;
  lasts: Int32Array;
}

/** Cells under the sites' kernels (a superset of the cells they can write), for choosing the sweep. */
export function kernelCellCount(slots: readonly (PlacedSite | undefined)[]): number {
  let cells = 0;
  for (const slot of slots) if (slot) cells += slot.kernel.values.length;
  return cells;
}

function spanInGrid(column: number, half: number, row: number, grid: GridGeometry): boolean {
  return half >= 0 && row >= 0 && row < grid.rows && column - half < grid.columns && column + half >= 0;
}

/**
 * The union of the sites' kernel extents, row by row (each kernel row is one span around the site's
 * column; in radius mode the kernel is half a cell diagonal wider than the disc, so it holds every cell the
 * disc writes). Spans are radix-sorted by first column, then by row (two counting sorts: sites crowd into
 * the centre's rows, where a comparison sort per row would not stay linear), then merged per row.
 */
export function touchedRowsOf(slots: readonly (PlacedSite | undefined)[], grid: GridGeometry): TouchedRows {
  const { rows, columns } = grid;
  let spanCount = 0;
  for (const site of slots) {
    if (!site) continue;
    const { halfWidths, reachRows } = site.kernel;
    for (let index = 0; index < halfWidths.length; index++)
      if (spanInGrid(site.column, halfWidths[index]!, site.row - reachRows + index, grid)) spanCount++;
  }
  const spanRow = new Int32Array(spanCount);
  const spanFirst = new Int32Array(spanCount);
  const spanLast = new Int32Array(spanCount);
  const firstCounts = new Int32Array(columns + 1);
  const rowCounts = new Int32Array(rows + 1);
  let span = 0;
  for (const site of slots) {
    if (!site) continue;
    const { halfWidths, reachRows } = site.kernel;
    for (let index = 0; index < halfWidths.length; index++) {
      const row = site.row - reachRows + index;
      const half = halfWidths[index]!;
      if (!spanInGrid(site.column, half, row, grid)) continue;
      const first = Math.max(0, site.column - half);
      spanRow[span] = row;
      spanFirst[span] = first;
      spanLast[span] = Math.min(columns - 1, site.column + half);
      firstCounts[first + 1]!++;
      rowCounts[row + 1]!++;
      span++;
    }
  }
  for (let column = 0; column < columns; column++) firstCounts[column + 1]! += firstCounts[column]!;
  for (let row = 0; row < rows; row++) rowCounts[row + 1]! += rowCounts[row]!;
  const byFirst = new Int32Array(spanCount);
  for (let index = 0; index < spanCount; index++) byFirst[firstCounts[spanFirst[index]!]!++] = index;
  const sorted = new Int32Array(spanCount);
  const nextInRow = rowCounts.slice(0, rows);
  for (const index of byFirst) sorted[nextInRow[spanRow[index]!]!++] = index;
  const rowStart = new Int32Array(rows + 1);
  const firsts = new Int32Array(spanCount);
  const lasts = new Int32Array(spanCount);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    rowStart[row] = count;
    for (let position = rowCounts[row]!, end = rowCounts[row + 1]!; position < end; position++) {
      const index = sorted[position]!;
      const first = spanFirst[index]!;
      const last = spanLast[index]!;
      if (count > rowStart[row]! && first <= lasts[count - 1]! + 1) {
        if (last > lasts[count - 1]!) lasts[count - 1] = last;
      } else {
        firsts[count] = first;
        lasts[count] = last;
        count++;
      }
    }
  }
  rowStart[rows] = count;
  return { rowStart, firsts: firsts.subarray(0, count), lasts: lasts.subarray(0, count) };
}

/** Back to the reset state (floor value, no server, covered land uncovered) over some cells of a row. */
function resetStretch(arrays: CoverageArrays, start: number, end: number, floor: number): void {
  // One loop, not three fill() calls: stretches average ~20 cells, where a call costs more.
  const { best, server, cellState } = arrays;
  for (let cell = start; cell <= end; cell++) {
    best[cell] = floor;
    server[cell] = -1;
    if (cellState[cell] === CELL_COVERED) cellState[cell] = CELL_UNCOVERED;
  }
}

/** Reset the touched intervals of rows rowFrom…rowTo − 1. */
export function resetRows(
  arrays: CoverageArrays,
  columns: number,
  floor: number,
  touched: TouchedRows,
  rowFrom: number,
  rowTo: number,
): void {
  for (let row = rowFrom; row < rowTo; row++) {
    const start = row * columns;
    for (let index = touched.rowStart[row]!, end = touched.rowStart[row + 1]!; index < end; index++)
      resetStretch(arrays, start + touched.firsts[index]!, start + touched.lasts[index]!, floor);
  }
}

/** Reset the cells of some windows. */
export function resetWindows(
  arrays: CoverageArrays,
  columns: number,
  floor: number,
  windows: readonly CellWindow[],
): void {
  for (const window of windows) {
    for (let row = window.row0; row <= window.row1; row++)
      resetStretch(arrays, row * columns + window.column0, row * columns + window.column1, floor);
  }
}
