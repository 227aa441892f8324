/**
 * Where a full compute writes, as row intervals. When the sites' kernels together hold far fewer cells
 * than the land (a few thousand sites in radius mode), the full compute resets, reads and counts only
 * these intervals instead of sweeping millions of land cells: cells outside them keep the reset state
 * (no server, floor value, uncovered) and are counted as uncovered land by whole stretches.
 */
import type { CellWindow, GridGeometry } from './grid';
import { RunList } from './land-runs';
import { siteSpans } from './merge';
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

/**
 * The union of the cells the sites' merges can write, row by row (siteSpans: a disc's exact rows in
 * radius mode, a kernel's rows in path-loss mode). Spans are radix-sorted by first column, then by row
 * (two counting sorts: sites crowd into the centre's rows, where a comparison sort per row would not stay
 * linear), then merged per row.
 */
export function touchedRowsOf(slots: readonly (PlacedSite | undefined)[], grid: GridGeometry): TouchedRows {
  const { rows, columns } = grid;
  const spans = new RunList();
  const whole = { column0: 0, row0: 0, column1: columns - 1, row1: rows - 1 };
  const push = (row: number, first: number, last: number): void => spans.push(row, first, last, 0);
  for (const site of slots) if (site) siteSpans(site, whole, push);
  const spanCount = spans.length;
  const data = spans.data;
  const firstCounts = new Int32Array(columns + 1);
  const rowCounts = new Int32Array(rows + 1);
  for (let index = 0; index < spanCount; index++) {
    rowCounts[data[index * 4]! + 1]!++;
    firstCounts[data[index * 4 + 1]! + 1]!++;
  }
  for (let column = 0; column < columns; column++) firstCounts[column + 1]! += firstCounts[column]!;
  for (let row = 0; row < rows; row++) rowCounts[row + 1]! += rowCounts[row]!;
  const byFirst = new Int32Array(spanCount);
  for (let index = 0; index < spanCount; index++) byFirst[firstCounts[data[index * 4 + 1]!]!++] = index;
  const sorted = new Int32Array(spanCount);
  const nextInRow = rowCounts.slice(0, rows);
  for (const index of byFirst) sorted[nextInRow[data[index * 4]!]!++] = index;
  const rowStart = new Int32Array(rows + 1);
  const firsts = new Int32Array(spanCount);
  const lasts = new Int32Array(spanCount);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    rowStart[row] = count;
    for (let position = rowCounts[row]!, end = rowCounts[row + 1]!; position < end; position++) {
      const index = sorted[position]!;
      const first = data[index * 4 + 1]!;
      const last = data[index * 4 + 2]!;
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

function uncoverStretch(cellState: Uint8Array, start: number, end: number): void {
  for (let cell = start; cell <= end; cell++) {
    if (cellState[cell] === CELL_COVERED) cellState[cell] = CELL_UNCOVERED;
  }
}

/**
 * Reset the cells of the previous sweep's intervals before a sweep over `next`: values and servers
 * everywhere, states only outside `next` (its land pass sets the state of every land cell inside it).
 */
export function resetTouchedRows(
  arrays: CoverageArrays,
  columns: number,
  floor: number,
  previous: TouchedRows,
  next: TouchedRows,
): void {
  const { best, server, cellState } = arrays;
  const rows = previous.rowStart.length - 1;
  for (let row = 0; row < rows; row++) {
    const start = row * columns;
    let other = next.rowStart[row]!;
    const otherEnd = next.rowStart[row + 1]!;
    for (let index = previous.rowStart[row]!, end = previous.rowStart[row + 1]!; index < end; index++) {
      const first = previous.firsts[index]!;
      const last = previous.lasts[index]!;
      for (let cell = start + first, cellEnd = start + last; cell <= cellEnd; cell++) {
        best[cell] = floor;
        server[cell] = -1;
      }
      // States of first…last outside next's intervals.
      while (other < otherEnd && next.lasts[other]! < first) other++;
      let column = first;
      for (let scan = other; column <= last; scan++) {
        const blockedFrom = scan < otherEnd ? next.firsts[scan]! : last + 1;
        if (column < blockedFrom)
          uncoverStretch(cellState, start + column, start + Math.min(last, blockedFrom - 1));
        if (scan >= otherEnd) break;
        column = next.lasts[scan]! + 1;
      }
    }
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
