/**
 * Runs of cells along rows: land runs (one district each), precomputed once per cell size, and the
 * uncovered runs a full compute emits. Whole-city passes walk runs instead of 5.7 M cells with a land test,
 * and gap labelling unions runs instead of flood-filling cell by cell.
 */
import type { GridGeometry } from './grid';

/** Quadruples (row, firstColumn, lastColumn, 1-based district) of land cells, in row order. */
export function buildLandRuns(grid: GridGeometry, district: Uint8Array): Int32Array {
  const runs: number[] = [];
  for (let row = 0; row < grid.rows; row++) {
    const start = row * grid.columns;
    let column = 0;
    while (column < grid.columns) {
      const index = district[start + column]!;
      if (index === 0) {
        column++;
        continue;
      }
      const first = column;
      while (column + 1 < grid.columns && district[start + column + 1] === index) column++;
      runs.push(row, first, column, index);
      column++;
    }
  }
  return Int32Array.from(runs);
}

/** A growable list of runs (row, firstColumn, lastColumn, 1-based district). */
export class RunList {
  data = new Int32Array(4 * 4096);
  length = 0;

  /** Forget all runs (keeps the buffer). */
  clear(): void {
    this.length = 0;
  }

  /** Append one run. */
  push(row: number, first: number, last: number, district: number): void {
    if ((this.length + 1) * 4 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const offset = this.length * 4;
    this.data[offset] = row;
    this.data[offset + 1] = first;
    this.data[offset + 2] = last;
    this.data[offset + 3] = district;
    this.length++;
  }
}
