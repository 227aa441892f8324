/** Bucket index of site slots by grid cell, for finding the sites whose kernels reach a window. */
import type { CellWindow } from './grid';

/** Buckets are keyed with an offset so sites outside the grid (negative cells) are indexed too. */
const KEY_OFFSET = 10_000;
const KEY_STRIDE = 100_000;

export class SpatialIndex {
  private buckets = new Map<number, Set<number>>();

  constructor(private readonly bucketCells: number) {}

  private bucket(cell: number): number {
    return Math.floor(cell / this.bucketCells) + KEY_OFFSET;
  }

  /** Forget every site. */
  clear(): void {
    this.buckets.clear();
  }

  /** Index a site slot at a cell. */
  add(slot: number, column: number, row: number): void {
    const key = this.bucket(row) * KEY_STRIDE + this.bucket(column);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Set();
      this.buckets.set(key, bucket);
    }
    bucket.add(slot);
  }

  /** Remove a site slot from its cell's bucket. */
  remove(slot: number, column: number, row: number): void {
    this.buckets.get(this.bucket(row) * KEY_STRIDE + this.bucket(column))?.delete(slot);
  }

  /** Slots whose cell lies within `reach` cells of the window. */
  query(window: CellWindow, reach: number): number[] {
    const result: number[] = [];
    const rowLast = this.bucket(window.row1 + reach);
    const columnLast = this.bucket(window.column1 + reach);
    for (let row = this.bucket(window.row0 - reach); row <= rowLast; row++) {
      for (let column = this.bucket(window.column0 - reach); column <= columnLast; column++) {
        const bucket = this.buckets.get(row * KEY_STRIDE + column);
        if (bucket) for (const slot of bucket) result.push(slot);
      }
    }
    return result;
  }
}
