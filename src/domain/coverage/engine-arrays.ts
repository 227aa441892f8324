/**
 * Where an engine's per-cell arrays live: its own typed arrays, or, in a pool, arrays on a
 * SharedArrayBuffer that every thread computes its band of rows into (row-bands.ts), so no band's rows
 * are copied between threads and no helper keeps a full-size copy of the grid.
 */
import type { CityRaster } from './city-raster';
import type { CoverageArrays } from './statistics';

export interface EngineOptions {
  /**
   * Makes the per-cell arrays (default: ordinary typed arrays, servers −1). A pool passes arrays on a
   * SharedArrayBuffer, or empty ones in a helper that will compute into the coordinator's (shareArrays).
   */
  allocateArrays?: (cellCount: number) => CoverageArrays;
  /**
   * The city already rasterised for the engine's inputs and settings (a build's grid file,
   * city-grid-file.ts): the first build takes it instead of rasterising; a later rebuild (another cell
   * size) rasterises the inputs.
   */
  prebuiltCity?: CityRaster;
}

/** Per-cell arrays of this thread's own. */
export function localArrays(cellCount: number): CoverageArrays {
  return {
    best: new Float32Array(cellCount),
    server: new Int32Array(cellCount).fill(-1),
    cellState: new Uint8Array(cellCount),
  };
}
