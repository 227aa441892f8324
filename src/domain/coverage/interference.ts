/**
 * Per band, per land cell: the linear sum (mW) of the fine parts of every site's received power
 * (interference-kernels.ts) — exact where a site can serve — beside the coarse block sums that carry the
 * rest out to the interference floor. SINR needs only these and the server's own power: I = Σ_band − S.
 * Sums are Float64 and kept by adding and subtracting a site's contribution on every edit; the drift that
 * leaves is bounded in docs/radio.md, and a full compute rebuilds them from zero.
 */
import { BANDS, type Band } from '../types';
import { BlockSums } from './block-sums';
import type { CityRaster } from './city-raster';
import { BAND_INDEX, fineTables } from './interference-kernels';
import type { Kernel } from './kernels';
import { type LandIndex, landIndexOf } from './land-index';
import type { PlacedSite } from './site-model';

export { BAND_INDEX } from './interference-kernels';

/** 10^(floor/10) of a sector kernel's combined-pattern floors, built once. */
function sectorFloorsLinear(kernel: Kernel): Float32Array {
  if (kernel.sectorFloorsLinear) return kernel.sectorFloorsLinear;
  const floors = kernel.sectorFloors!;
  const linear = new Float32Array(floors.length);
  for (let index = 0; index < floors.length; index++) linear[index] = 10 ** (floors[index]! / 10);
  kernel.sectorFloorsLinear = linear;
  return linear;
}

export class InterferenceSums {
  /** Per band (BANDS order): the sums over land cells, allocated when a site of the band first adds. */
  readonly sums: (Float64Array | undefined)[] = BANDS.map(() => undefined);
  readonly land: LandIndex;
  readonly coarse: BlockSums;

  constructor(private readonly city: CityRaster) {
    this.land = landIndexOf(city);
    this.coarse = new BlockSums(city.grid);
  }

  /** Zero every band's sums (before a full compute); bands without sites give their memory back. */
  reset(bandsInUse: ReadonlySet<Band>): void {
    BANDS.forEach((band, index) => {
      if (!bandsInUse.has(band)) this.sums[index] = undefined;
      else this.sums[index]?.fill(0);
    });
    this.coarse.reset(new Set([...bandsInUse].map((band) => BAND_INDEX[band])));
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
   * Add (sign 1) or subtract (−1) a site's received power: its fine part per land cell and its coarse part
   * per block. The same doubles are added and subtracted, in the same per-cell expression.
   */
  add(site: PlacedSite, sign: 1 | -1, fine = true): void {
    this.coarse.add(site, sign);
    if (fine) this.addFine(site, sign);
  }

  /** Whether a site's fine part is summed while its core is merged (mergeCore) in a land sweep. */
  static fusesFine(site: PlacedSite): boolean {
    const tables = site.kernel.interference;
    return tables !== undefined && !tables.taper.fineOnly;
  }

  private addFine(site: PlacedSite, sign: 1 | -1): void {
    const sums = this.bandSums(site.band);
    const { landRuns, grid } = this.city;
    const { rowRunStart, runLandStart } = this.land;
    const { kernel } = site;
    const { linear, sumHalfWidths: halfWidths } = fineTables(kernel, kernel.interference!.coreHalfWidths);
    const { rowStarts, reachRows } = kernel;
    const factor = sign * site.offsetLinear;
    const pattern = site.pattern;
    const bearings = kernel.bearings;
    const floors = pattern ? sectorFloorsLinear(kernel) : undefined;
    const rowFirst = Math.max(site.row - reachRows, 0);
    const rowLast = Math.min(site.row + reachRows, grid.rows - 1);
    for (let row = rowFirst; row <= rowLast; row++) {
      const rowIndex = row - site.row + reachRows;
      const half = halfWidths[rowIndex]!;
      if (half < 0) continue;
      const from = site.column - half;
      const to = site.column + half;
      // Kernel index of column c: kernelBase + c (the kernel row is wider than its fine part).
      const kernelBase = rowStarts[rowIndex]! + kernel.halfWidths[rowIndex]! - site.column;
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
   * A land sweep's first ring with the fine sums fused in: merge the site's core (the first level's spans)
   * into best/server over land cells only, and add its fine power to the sums in the same loop — the core
   * is exactly where a site's fine part lives (interference-kernels.ts), so this costs one add per pair the
   * merge visits anyway. Sea cells are skipped: nothing reads their best value.
   */
  mergeCore(
    best: Float32Array,
    server: Int32Array,
    site: PlacedSite,
    slot: number,
    writeRow0 = 0,
    writeRow1 = Number.MAX_SAFE_INTEGER,
  ): void {
    const sums = this.bandSums(site.band);
    const { landRuns, grid } = this.city;
    const { rowRunStart, runLandStart } = this.land;
    const { kernel, offset, offsetLinear } = site;
    const { linear, sumHalfWidths } = fineTables(kernel, kernel.interference!.coreHalfWidths);
    const { rowStarts, reachRows, values, halfWidths } = kernel;
    const pattern = site.pattern;
    const bearings = kernel.bearings;
    const floors = kernel.sectorFloors;
    const floorsLinear = pattern ? sectorFloorsLinear(kernel) : undefined;
    const { columns } = grid;
    const rowFirst = Math.max(site.row - reachRows, 0);
    const rowLast = Math.min(site.row + reachRows, grid.rows - 1);
    for (let row = rowFirst; row <= rowLast; row++) {
      const rowIndex = row - site.row + reachRows;
      const half = sumHalfWidths[rowIndex]!;
      if (half < 0) continue;
      const from = site.column - half;
      const to = site.column + half;
      const kernelBase = rowStarts[rowIndex]! + halfWidths[rowIndex]! - site.column;
      const rowStart = row * columns;
      // A pooled band writes values and servers only in its own rows (the arrays may be shared with the
      // threads computing the others); the interference sums still take the whole reach.
      const writes = row >= writeRow0 && row <= writeRow1;
      for (let run = rowRunStart[row]!, end = rowRunStart[row + 1]!; run < end; run++) {
        const runFirst = landRuns[run * 4 + 1]!;
        if (runFirst > to) break;
        const first = Math.max(from, runFirst);
        const last = Math.min(to, landRuns[run * 4 + 2]!);
        if (first > last) continue;
        const landBase = runLandStart[run]! - runFirst;
        for (let column = first; column <= last; column++) {
          const k = kernelBase + column;
          let value: number;
          let power = linear[k]! * offsetLinear;
          if (pattern) {
            const bearing = bearings![k]!;
            value = Math.fround(values[k]! + offset + Math.max(pattern.db[bearing]!, floors![k]!));
            power *= Math.max(pattern.linear[bearing]!, floorsLinear![k]!);
          } else value = Math.fround(values[k]! + offset);
          sums[landBase + column]! += power;
          if (!writes) continue;
          const cell = rowStart + column;
          const current = best[cell]!;
          if (value > current || (value === current && slot < server[cell]!)) {
            best[cell] = value;
            server[cell] = slot;
          }
        }
      }
    }
  }

  /** The sum of a band at a land index (0 when no site of the band exists). */
  sumAt(band: Band, landIndex: number): number {
    return this.sums[BAND_INDEX[band]]?.[landIndex] ?? 0;
  }
}
