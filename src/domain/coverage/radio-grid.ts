/**
 * Where SINR lives: the interference sums per band and land cell, each covered cell's SINR (centi-dB,
 * Int16), and the per-band noise, load and threshold it is graded with. SINR = S / (η·(Σ_band − S) + N),
 * S the best server's received power (recomputed from its kernel, so it is exactly the value it added to
 * Σ). Rates come from the SINR by the server's efficiency table (throughput.ts).
 */
import { noisePerResourceElementDbm, SINR_STEPS_PER_DB, SINR_TABLE_MIN_DB } from '../propagation/throughput';
import { BANDS } from '../types';
import type { CityRaster } from './city-raster';
import { BAND_INDEX, InterferenceSums } from './interference';
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

  /** Rebuild the interference sums from zero: every site's whole kernel (a full compute's step). */
  *rebuildSums(slots: readonly (PlacedSite | undefined)[], chunk: number): Generator<number> {
    const bands = new Set(slots.flatMap((slot) => (slot ? [slot.band] : [])));
    this.sums.reset(bands);
    let step = 0;
    for (const slot of slots) {
      if (!slot) continue;
      this.sums.add(slot, 1);
      if (++step % chunk === 0) yield 0.05;
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

  /** SINR (linear) at a cell its server covers; `landIndex` is the cell's land index. */
  sinrAt(server: PlacedSite, landIndex: number, row: number, column: number): number {
    const signal = this.sums.receivedMw(server, row, column);
    const band = BAND_INDEX[server.band];
    const total = this.sums.sums[band]![landIndex]!;
    // The sum holds the server's own power; what rounding leaves below it is no interference.
    const interference = total > signal ? total - signal : 0;
    return signal / (this.loadFraction * interference + this.noiseMw[band]!);
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
