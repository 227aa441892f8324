/**
 * A fingerprint of an engine's grid (every cell's value, serving site and state), to compare two engines
 * cell for cell without moving 5.7 M cells between threads: a pooled compute in the browser and a
 * single-worker one must give the same digest (tests/e2e/coverage-pool.spec.ts).
 */
import { CELL_NOT_LAND, type CoverageArrays } from './statistics';

/** FNV-1a (32 bit) over the arrays' bytes, value by value; hex. */
export function gridDigest(arrays: CoverageArrays): string {
  let hash = 0x811c9dc5;
  const mix = (word: number): void => {
    hash = Math.imul(hash ^ word, 0x01000193) >>> 0;
  };
  const bestBits = new Uint32Array(arrays.best.buffer, arrays.best.byteOffset, arrays.best.length);
  for (let cell = 0; cell < bestBits.length; cell++) {
    // Only land cells are ever read; a cell's value is part of the result where its state says land.
    if (arrays.cellState[cell] === CELL_NOT_LAND) continue;
    mix(cell);
    mix(bestBits[cell]!);
    mix(arrays.server[cell]!);
    mix(arrays.cellState[cell]!);
  }
  return hash.toString(16).padStart(8, '0');
}
