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
  thresholdCentiDb = 300;

  constructor(city: CityRaster) {
    this.sums = new InterferenceSums(city);
    this.sinrCentiDb = new Int16Array(city.grid.cellCount).fill(NO_SINR);
  }

  /**
   * Rebuild the interference sums from zero (a full compute's step), sites in the merges' spatial order
   * (consecutive sites then write the same rows: half the time of site order). With `landSweep` the fine
   * parts that the land sweep fuses into its first ring (InterferenceSums.mergeCore) are left to it.
   * With `bandOrder` (row-bands.ts) only those sites are added.
   */
  *rebuildSums(
    slots: readonly (PlacedSite | undefined)[],
    landSweep: boolean,
    chunk: number,
    bandOrder?: Int32Array,
  ): Generator<number> {
    const bands = new Set<PlacedSite['band']>();
    for (const slot of slots) if (slot) bands.add(slot.band);
    this.sums.reset(bands);
    this.cursor = undefined;
    // A band of a pooled compute adds only the sites reaching it, in the same relative order.
    const order = bandOrder ?? spatialOrder(slots);
    for (let step = 0; step < order.length; step++) {
      const site = slots[order[step]!]!;
      this.sums.add(site, 1, !(landSweep && InterferenceSums.fusesFine(site)));
      if (step % chunk === chunk - 1) yield 0.05;
    }
  }

  /** Take the load, noise figure and threshold from the settings. */
  configure(settings: CoverageSettings): void {
    // A placed site may be kept across computes: its cached noise and band sums must not be.
    this.cursor = undefined;
    this.loadFraction = settings.loadFraction;
    this.thresholdCentiDb = Math.round(settings.sinrThresholdDb * 100);
    BANDS.forEach((band, index) => {
      this.noiseMw[index] = 10 ** (noisePerResourceElementDbm(band, settings.noiseFigureDb) / 10);
    });
  }

  // The server and row the cursor fields below describe: a pass meets the same server cell after cell
  // along a row, so its tables and its kernel row are looked up once per change (the fields keep one
  // shape: no allocation, no megamorphism).
  private cursor: PlacedSite | undefined;
  private cursorFine: Float32Array = new Float32Array(0);
  private cursorWhole: Float32Array = new Float32Array(0);
  private cursorSums: Float64Array = new Float64Array(0);
  private cursorNoiseMw = 0;
  private cursorOffsetLinear = 0;
  /** Sectors: the horizontal pattern (linear) by bearing, the kernel's bearings and combined floors. */
  private cursorSector = false;
  private cursorHorizontal: Float32Array | Float64Array = new Float32Array(0);
  private cursorBearings: Uint16Array = new Uint16Array(0);
  private cursorFloors: Float32Array = new Float32Array(0);
  /** Kernel index of column c on the bound row: cursorKernelBase + c. */
  private cursorKernelBase = 0;
  private cursorRateTable: Float64Array = new Float64Array(0);
  private cursorRateFactorMbps = 0;

  /** Bind a server and the row of the cells `evaluateBound` is asked about next. */
  bindRow(server: PlacedSite, row: number): void {
    const { kernel } = server;
    if (server !== this.cursor) {
      const fine = kernel.interference!.fine ?? fineTables(kernel, kernel.interference!.coreHalfWidths);
      this.cursor = server;
      this.cursorFine = fine.linear;
      this.cursorWhole = fine.whole;
      this.cursorSums = this.sums.sums[server.bandIndex]!;
      this.cursorNoiseMw = this.noiseMw[server.bandIndex]!;
      this.cursorOffsetLinear = server.offsetLinear;
      const pattern = server.pattern;
      this.cursorSector = pattern !== undefined;
      if (pattern) {
        this.cursorHorizontal = pattern.linear;
        this.cursorBearings = kernel.bearings!;
        this.cursorFloors = kernel.sectorFloorsLinear!;
      }
      this.cursorRateTable = server.efficiency!;
      this.cursorRateFactorMbps = server.rateFactorMbps;
    }
    const rowIndex = row - server.row + kernel.reachRows;
    this.cursorKernelBase = kernel.rowStarts[rowIndex]! + kernel.halfWidths[rowIndex]! - server.column;
    this.sums.coarse.bindServer(server, row);
  }

  /**
   * SINR (linear) at a covered cell of the bound server and row; `landIndex` is the cell's land index. S
   * is the server's whole power; the interference is the band's fine sum less what the server added there
   * (the same product, in the same order), plus the band's coarse sum interpolated at the cell less the
   * server's own coarse part.
   */
  sinrBound(landIndex: number, column: number): number {
    const k = this.cursorKernelBase + column;
    let ownFine = this.cursorFine[k]! * this.cursorOffsetLinear;
    let signal = this.cursorWhole[k]! * this.cursorOffsetLinear;
    if (this.cursorSector) {
      const gain = Math.max(this.cursorHorizontal[this.cursorBearings[k]!]!, this.cursorFloors[k]!);
      ownFine *= gain;
      signal *= gain;
    }
    const total = this.cursorSums[landIndex]!;
    // The sum holds the server's own fine power; what rounding leaves below it is no interference.
    const fine = total > ownFine ? total - ownFine : 0;
    const coarse = this.sums.coarse.interferenceBound(column);
    return signal / (this.loadFraction * (fine + coarse) + this.cursorNoiseMw);
  }

  /** SINR (linear) at one covered cell served by `server` (binds it and the row). */
  sinrAt(server: PlacedSite, landIndex: number, row: number, column: number): number {
    this.bindRow(server, row);
    return this.sinrBound(landIndex, column);
  }

  /** SINR at a covered cell of the bound server and row in centi-dB (clamped to ±100 dB), stored and returned. */
  evaluateBound(landIndex: number, column: number, cell: number): number {
    const sinrDb = 10 * Math.log10(this.sinrBound(landIndex, column));
    const centi = Math.max(-SINR_LIMIT_CENTI_DB, Math.min(SINR_LIMIT_CENTI_DB, Math.round(sinrDb * 100)));
    this.sinrCentiDb[cell] = centi;
    return centi;
  }

  /** The bound server's rate at a SINR (centi-dB), as rateMbps. */
  rateBound(centi: number): number {
    const table = this.cursorRateTable;
    const index = Math.min(table.length - 1, centi - SINR_TABLE_MIN_DB * SINR_STEPS_PER_DB);
    if (index < 0) return 0;
    return table[index]! * this.cursorRateFactorMbps * (1 - this.loadFraction);
  }

  /** A user's rate at load η from a cell's SINR (centi-dB) and its server's carrier, Mbit/s. */
  rateMbps(server: PlacedSite, centi: number): number {
    const table = server.efficiency!;
    const index = Math.min(table.length - 1, centi - SINR_TABLE_MIN_DB * SINR_STEPS_PER_DB);
    if (index < 0) return 0;
    return table[index]! * server.rateFactorMbps * (1 - this.loadFraction);
  }
}
