/**
 * Where SINR lives: the interference sums per band and land cell, each covered cell's SINR (centi-dB,
 * Int16), and the per-band noise, load and threshold it is graded with. SINR = S / (η·(Σ_band − S) + N),
 * S the best server's received power (recomputed from its kernel, so it is exactly the value it added to
 * Σ). Rates come from the SINR by the server's efficiency table (throughput.ts).
 */
import { noisePerResourceElementDbm, SINR_STEPS_PER_DB, SINR_TABLE_MIN_DB } from '../propagation/throughput';
import { BANDS } from '../types';
import type { CityRaster } from './city-raster';
import { spatialOrder } from './full-compute';
import { InterferenceSums } from './interference';
import { fineTables } from './interference-kernels';
import type { CoverageSettings } from './settings';
import type { PlacedSite } from './site-model';

/** Stored where a cell has no SINR (not covered); readers check the cell state first anyway. */
export const NO_SINR = -32768;
/** SINR is kept between −100 and +100 dB (the grades and rates saturate long before). */
const SINR_LIMIT_CENTI_DB = 10_000;

export class RadioGrid {
  readonly sums: InterferenceSums;
  /** Per grid cell: SINR in 0.01 dB where the cell is covered (state ≥ CELL_COVERED), else stale. */
  readonly sinrCentiDb: Int16Array;
  /** Noise per resource element per band (BANDS order), mW. */
  readonly noiseMw = new Float64Array(BANDS.length);
  loadFraction = 0.5;
  /** Threshold of quality gaps, centi-dB. */
  thresholdCentiDb = -300;

  constructor(city: CityRaster) {
    this.sums = new InterferenceSums(city);
    this.sinrCentiDb = new Int16Array(city.grid.cellCount).fill(NO_SINR);
  }

  /**
   * Rebuild the interference sums from zero (a full compute's step), sites in the merges' spatial order
   * (consecutive sites then write the same rows: half the time of site order). With `landSweep` the fine
   * parts that the land sweep fuses into its first ring (InterferenceSums.mergeCore) are left to it.
   */
  *rebuildSums(
    slots: readonly (PlacedSite | undefined)[],
    landSweep: boolean,
    chunk: number,
  ): Generator<number> {
    const bands = new Set<PlacedSite['band']>();
    for (const slot of slots) if (slot) bands.add(slot.band);
    this.sums.reset(bands);
    const order = spatialOrder(slots);
    for (let step = 0; step < order.length; step++) {
      const site = slots[order[step]!]!;
      this.sums.add(site, 1, !(landSweep && InterferenceSums.fusesFine(site)));
      if (step % chunk === chunk - 1) yield 0.05;
    }
  }

  /** Take the load, noise figure and threshold from the settings. */
  configure(settings: CoverageSettings): void {
    this.loadFraction = settings.loadFraction;
    this.thresholdCentiDb = Math.round(settings.sinrThresholdDb * 100);
    BANDS.forEach((band, index) => {
      this.noiseMw[index] = 10 ** (noisePerResourceElementDbm(band, settings.noiseFigureDb) / 10);
    });
  }

  // The server the cursor fields below describe: a pass meets the same server cell after cell, so its
  // tables are looked up once per change (and the fields keep one shape: no allocation, no megamorphism).
  private cursor: PlacedSite | undefined;
  private cursorFine: Float32Array = new Float32Array(0);
  private cursorWhole: Float32Array = new Float32Array(0);
  private cursorRowStarts: Int32Array = new Int32Array(0);
  private cursorHalfWidths: Int32Array = new Int32Array(0);
  private cursorSums: Float64Array = new Float64Array(0);
  private cursorNoiseMw = 0;

  private bind(server: PlacedSite): void {
    if (server === this.cursor) return;
    const { kernel } = server;
    const fine = kernel.interference!.fine ?? fineTables(kernel, kernel.interference!.coreHalfWidths);
    this.cursor = server;
    this.cursorFine = fine.linear;
    this.cursorWhole = fine.whole;
    this.cursorRowStarts = kernel.rowStarts;
    this.cursorHalfWidths = kernel.halfWidths;
    this.cursorSums = this.sums.sums[server.bandIndex]!;
    this.cursorNoiseMw = this.noiseMw[server.bandIndex]!;
  }

  /**
   * SINR (linear) at a cell its server covers; `landIndex` is the cell's land index. S is the server's
   * whole power; the interference is the band's fine sum less what the server added there (the same
   * product, in the same order), plus the band's coarse sum interpolated at the cell less the server's
   * own coarse part.
   */
  sinrAt(server: PlacedSite, landIndex: number, row: number, column: number): number {
    this.bind(server);
    const rowIndex = row - server.row + server.kernel.reachRows;
    const k = this.cursorRowStarts[rowIndex]! + this.cursorHalfWidths[rowIndex]! + column - server.column;
    let ownFine = this.cursorFine[k]! * server.offsetLinear;
    let signal = this.cursorWhole[k]! * server.offsetLinear;
    const pattern = server.pattern;
    if (pattern) {
      const { kernel } = server;
      const gain = Math.max(pattern.linear[kernel.bearings![k]!]!, kernel.sectorFloorsLinear![k]!);
      ownFine *= gain;
      signal *= gain;
    }
    const total = this.cursorSums[landIndex]!;
    // The sum holds the server's own fine power; what rounding leaves below it is no interference.
    const fine = total > ownFine ? total - ownFine : 0;
    const coarse = this.sums.coarse.interferenceAt(server, row, column);
    return signal / (this.loadFraction * (fine + coarse) + this.cursorNoiseMw);
  }

  /** SINR at a covered cell in centi-dB (clamped to ±100 dB), stored for the cell and returned. */
  evaluate(server: PlacedSite, landIndex: number, row: number, column: number, cell: number): number {
    const sinrDb = 10 * Math.log10(this.sinrAt(server, landIndex, row, column));
    const centi = Math.max(-SINR_LIMIT_CENTI_DB, Math.min(SINR_LIMIT_CENTI_DB, Math.round(sinrDb * 100)));
    this.sinrCentiDb[cell] = centi;
    return centi;
  }

  /** A user's rate at load η from a cell's SINR (centi-dB) and its server's carrier, Mbit/s. */
  rateMbps(server: PlacedSite, centi: number): number {
    const table = server.efficiency!;
    const index = Math.min(table.length - 1, centi - SINR_TABLE_MIN_DB * SINR_STEPS_PER_DB);
    if (index < 0) return 0;
    return table[index]! * server.rateFactorMbps * (1 - this.loadFraction);
  }
}
