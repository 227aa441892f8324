/**
 * Per band, per land cell: the linear sum (mW) of every site's received power whose kernel reaches the cell
 * — out to the interference floor, farther than any site serves (settings.ts). SINR needs only this sum
 * and the server's own power: I = Σ_band − S. Sums are Float64 and kept by adding and subtracting a site's
 * contribution on every edit; the drift that leaves is bounded in docs/radio.md, and a full compute
 * rebuilds them from zero.
 */
import { BANDS, type Band } from '../types';
import type { CityRaster } from './city-raster';
import type { CellWindow } from './grid';
import { ensureLinear } from './kernels';
import { type LandIndex, landIndexOf } from './land-index';
import type { PlacedSite } from './site-model';

export const BAND_INDEX: Record<Band, number> = { n28: 0, n41: 1, n78: 2, n79: 3 };

export class InterferenceSums {
  /** Per band (BANDS order): the sums over land cells, allocated when a site of the band first adds. */
  readonly sums: (Float64Array | undefined)[] = BANDS.map(() => undefined);
  readonly land: LandIndex;

  constructor(private readonly city: CityRaster) {
    this.land = landIndexOf(city);
  }

  /** Zero every band's sums (before a full compute); bands without sites give their memory back. */
  reset(bandsInUse: ReadonlySet<Band>): void {
    BANDS.forEach((band, index) => {
      if (!bandsInUse.has(band)) this.sums[index] = undefined;
      else this.sums[index]?.fill(0);
    });
  }

  /** The sums of a band, allocated (zero) on first use. */
  private bandSums(band: Band): Float64Array {
    const index = BAND_INDEX[band];
    let sums = this.sums[index];
    if (!sums) {
      sums = new Float64Array(this.land.landCells);
      this.sums[index] = sums;
    }
    return sums;
  }

  /**
   * Add (sign 1) or subtract (−1) a site's received power over its whole kernel, clipped to a window
   * (undefined: the grid). The same doubles are added and subtracted, in the same per-cell expression.
   */
  add(site: PlacedSite, sign: 1 | -1, window?: CellWindow): void {
    const sums = this.bandSums(site.band);
    const { landRuns, grid } = this.city;
    const { rowRunStart, runLandStart } = this.land;
    const { kernel } = site;
    const linear = ensureLinear(kernel);
    const { halfWidths, rowStarts, reachRows } = kernel;
    const factor = sign * site.offsetLinear;
    const pattern = site.pattern;
    const bearings = kernel.bearings;
    const floors = kernel.sectorFloorsLinear;
    const rowFirst = Math.max(site.row - reachRows, window ? window.row0 : 0);
    const rowLast = Math.min(site.row + reachRows, window ? window.row1 : grid.rows - 1);
    for (let row = rowFirst; row <= rowLast; row++) {
      const rowIndex = row - site.row + reachRows;
      const half = halfWidths[rowIndex]!;
      if (half < 0) continue;
      let from = site.column - half;
      let to = site.column + half;
      if (window) {
        from = Math.max(from, window.column0);
        to = Math.min(to, window.column1);
      }
      // Kernel index of column c: kernelBase + c.
      const kernelBase = rowStarts[rowIndex]! - (site.column - half);
      for (let run = rowRunStart[row]!, end = rowRunStart[row + 1]!; run < end; run++) {
        const runFirst = landRuns[run * 4 + 1]!;
        if (runFirst > to) break;
        const first = Math.max(from, runFirst);
        const last = Math.min(to, landRuns[run * 4 + 2]!);
        if (first > last) continue;
        // Land index of column c: landBase + c.
        const landBase = runLandStart[run]! - runFirst;
        if (pattern) {
          const horizontal = pattern.linear;
          for (let column = first; column <= last; column++) {
            const k = kernelBase + column;
            sums[landBase + column]! +=
              linear[k]! * factor * Math.max(horizontal[bearings![k]!]!, floors![k]!);
          }
        } else {
          for (let column = first; column <= last; column++) {
            sums[landBase + column]! += linear[kernelBase + column]! * factor;
          }
        }
      }
    }
  }

  /**
   * A site's received power at a cell of its kernel, mW: the very value `add` summed there, so that the sum
   * minus the server's own power is exactly the others' (up to the sum's rounding).
   */
  receivedMw(site: PlacedSite, row: number, column: number): number {
    const { kernel } = site;
    const rowIndex = row - site.row + kernel.reachRows;
    const half = kernel.halfWidths[rowIndex]!;
    const k = kernel.rowStarts[rowIndex]! + half + (column - site.column);
    const value = kernel.linear![k]! * site.offsetLinear;
    if (!site.pattern) return value;
    return value * Math.max(site.pattern.linear[kernel.bearings![k]!]!, kernel.sectorFloorsLinear![k]!);
  }

  /** The sum of a band at a land index (0 when no site of the band exists). */
  sumAt(band: Band, landIndex: number): number {
    return this.sums[BAND_INDEX[band]]?.[landIndex] ?? 0;
  }
}
