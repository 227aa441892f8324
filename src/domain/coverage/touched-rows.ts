/**
 * Where a full compute writes, as row intervals. When the sites' kernels together hold at most a few
 * times the land's cells (a few thousand sites), the full compute resets, reads and counts only these
 * intervals instead of sweeping millions of land cells: cells outside them keep the reset state (no
 * server, floor value, uncovered) and are counted as uncovered land by whole stretches.
 */
import type { CellWindow, GridGeometry } from './grid';
import { RunList } from './land-runs';
import { pushSiteSpans } from './merge';
import type { PlacedSite } from './site-model';
import { CELL_COVERED, CELL_UNCOVERED, type CoverageArrays } from './statistics';

/**
 * Disjoint, non-touching column intervals per row, columns ascending; row r's are
 * rowStart[r]…rowStart[r+1]−1. Each interval is the union of one or more sites' spans; where it is one
 * span, the cells have one possible server (soleSlot), so they need no reset and no comparison.
 */
export interface TouchedRows {
  rowStart: Int32Array;
  firsts: Int32Array;
  lasts: Int32Array;
  /** Per interval: the slot of its one span, or −1 where spans overlap or touch. */
  soleSlot: Int32Array;
  /** The spans as (row, first, last, slot) quadruples, slot by slot; slot s's are spanStart[s]…spanStart[s+1]−1. */
  spans: Int32Array;
  spanStart: Int32Array;
  /** Per span, the interval that holds it. */
  spanInterval: Int32Array;
}

/** Cells under the sites' kernels (a superset of the cells they can write), for choosing the sweep. */
export function kernelCellCount(slots: readonly (PlacedSite | undefined)[]): number {
  let cells = 0;
  for (const slot of slots) if (slot) cells += slot.servingCells;
  return cells;
}

/**
 * The union of the cells the sites' merges can write, row by row (pushSiteSpans: a disc's exact rows in
 * radius mode, a kernel's rows in path-loss mode). Spans are radix-sorted by first column, then by row
 * (two counting sorts: sites crowd into the centre's rows, where a comparison sort per row would not stay
 * linear), then merged per row. With `soleSpans` false no interval is marked sole (path-loss kernels do
 * not write every cell of their spans, so they always compare).
 */
export function touchedRowsOf(
  slots: readonly (PlacedSite | undefined)[],
  grid: GridGeometry,
  soleSpans: boolean,
): TouchedRows {
  const { rows, columns } = grid;
  const list = new RunList();
  const spanStart = new Int32Array(slots.length + 1);
  const whole = { column0: 0, row0: 0, column1: columns - 1, row1: rows - 1 };
  for (let slot = 0; slot < slots.length; slot++) {
    spanStart[slot] = list.length;
    const site = slots[slot];
    if (site) pushSiteSpans(site, whole, list, slot);
  }
  spanStart[slots.length] = list.length;
  const spanCount = list.length;
  const spans = list.data.subarray(0, spanCount * 4);
  const firstCounts = new Int32Array(columns + 1);
  const rowCounts = new Int32Array(rows + 1);
  for (let index = 0; index < spanCount; index++) {
    rowCounts[spans[index * 4]! + 1]!++;
    firstCounts[spans[index * 4 + 1]! + 1]!++;
  }
  for (let column = 0; column < columns; column++) firstCounts[column + 1]! += firstCounts[column]!;
  for (let row = 0; row < rows; row++) rowCounts[row + 1]! += rowCounts[row]!;
  const byFirst = new Int32Array(spanCount);
  for (let index = 0; index < spanCount; index++) byFirst[firstCounts[spans[index * 4 + 1]!]!++] = index;
  const sorted = new Int32Array(spanCount);
  const nextInRow = rowCounts.slice(0, rows);
  for (const index of byFirst) sorted[nextInRow[spans[index * 4]!]!++] = index;
  const rowStart = new Int32Array(rows + 1);
  const firsts = new Int32Array(spanCount);
  const lasts = new Int32Array(spanCount);
  const soleSlot = new Int32Array(spanCount);
  const spanInterval = new Int32Array(spanCount);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    rowStart[row] = count;
    for (let position = rowCounts[row]!, end = rowCounts[row + 1]!; position < end; position++) {
      const index = sorted[position]!;
      const first = spans[index * 4 + 1]!;
      const last = spans[index * 4 + 2]!;
      if (count > rowStart[row]! && first <= lasts[count - 1]! + 1) {
        if (last > lasts[count - 1]!) lasts[count - 1] = last;
        soleSlot[count - 1] = -1;
      } else {
        firsts[count] = first;
        lasts[count] = last;
        soleSlot[count] = soleSpans ? spans[index * 4 + 3]! : -1;
        count++;
      }
      spanInterval[index] = count - 1;
    }
  }
  rowStart[rows] = count;
  return {
    rowStart,
    firsts: firsts.subarray(0, count),
    lasts: lasts.subarray(0, count),
    soleSlot: soleSlot.subarray(0, count),
    spans,
    spanStart,
    spanInterval,
  };
}

/** Back to the reset state (floor value, no server, covered land uncovered) over some cells of a row. */
function resetStretch(arrays: CoverageArrays, start: number, end: number, floor: number): void {
  // One loop, not three fill() calls: stretches average ~20 cells, where a call costs more.
  const { best, server, cellState } = arrays;
  for (let cell = start; cell <= end; cell++) {
    best[cell] = floor;
    server[cell] = -1;
    if (cellState[cell]! >= CELL_COVERED) cellState[cell] = CELL_UNCOVERED;
  }
}

/**
 * Reset the cells of the previous sweep's intervals before a sweep over `next`: values and servers except
 * in next's sole-span intervals (written there without comparing), states outside all of next's (its land
 * pass sets the state of every land cell inside them).
 */
export function resetTouchedRows(
  arrays: CoverageArrays,
  columns: number,
  floor: number,
  previous: TouchedRows,
  next: TouchedRows,
): void {
  const { best, server, cellState } = arrays;
  const { firsts, lasts, soleSlot } = next;
  const rows = previous.rowStart.length - 1;
  for (let row = 0; row < rows; row++) {
    const start = row * columns;
    const nextFrom = next.rowStart[row]!;
    const nextTo = next.rowStart[row + 1]!;
    let interval = nextFrom;
    for (let index = previous.rowStart[row]!, end = previous.rowStart[row + 1]!; index < end; index++) {
      const first = previous.firsts[index]!;
      const last = previous.lasts[index]!;
      while (interval < nextTo && lasts[interval]! < first) interval++;
      // Walk first…last against next's intervals that meet it: `column` is where the uncovered part resumes.
      let column = first;
      for (let other = interval; column <= last; other++) {
        const meets = other < nextTo && firsts[other]! <= last;
        const to = meets ? Math.min(last, firsts[other]! - 1) : last;
        for (let cell = start + column, stop = start + to; cell <= stop; cell++) {
          best[cell] = floor;
          server[cell] = -1;
          if (cellState[cell]! >= CELL_COVERED) cellState[cell] = CELL_UNCOVERED;
        }
        if (!meets) break;
        const from = Math.max(first, firsts[other]!);
        const through = Math.min(last, lasts[other]!);
        if (soleSlot[other]! < 0) {
          for (let cell = start + from, stop = start + through; cell <= stop; cell++) {
            best[cell] = floor;
            server[cell] = -1;
          }
        }
        column = through + 1;
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
