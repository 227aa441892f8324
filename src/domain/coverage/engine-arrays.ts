/**
 * Where an engine's per-cell arrays live: its own typed arrays, or, in a pool, arrays on a
 * SharedArrayBuffer that every thread computes its band of rows into (row-bands.ts), so no band's rows
 * are copied between threads and no helper keeps a full-size copy of the grid.
 */
import type { CoverageArrays } from './statistics';

export interface EngineOptions {
  /**
   * Makes the per-cell arrays (default: ordinary typed arrays, servers −1). A pool passes arrays on a
   * SharedArrayBuffer, or empty ones in a helper that will compute into the coordinator's (shareArrays).
   */
  allocateArrays?: (cellCount: number) => CoverageArrays;
}

/** Per-cell arrays of this thread's own. */
export function localArrays(cellCount: number): CoverageArrays {
  return {
    best: new Float32Array(cellCount),
    server: new Int32Array(cellCount).fill(-1),
    cellState: new Uint8Array(cellCount),
  };
}
