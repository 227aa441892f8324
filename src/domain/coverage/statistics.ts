/**
 * Area accumulators that can be updated window by window: subtract a window's contribution before it
 * is recomputed, add it back afterwards. The same code computes the full city (one window = the grid).
 */
import { RSRP_CLASS_EDGES_DBM } from '../propagation/link-budget';
import type { CityRaster } from './city-raster';
import type { CellWindow } from './grid';
import type { TouchedRows } from './touched-rows';

/**
 * Cell states kept per cell: not land, uncovered land, covered land, and (with SINR on) covered land whose
 * SINR is below the quality threshold. "Covered" means COVERED or COVERED_POOR (state ≥ CELL_COVERED).
 */
export const CELL_NOT_LAND = 0;
export const CELL_UNCOVERED = 1;
export const CELL_COVERED = 2;
export const CELL_COVERED_POOR = 3;

export interface CoverageArrays {
  best: Float32Array;
  server: Int32Array;
  cellState: Uint8Array;
}

export class CoverageAccumulators {
  districtCoveredKm2: Float64Array;
  zoneCoveredKm2: Float64Array;
  /** Area per RSRP class (excellent … very poor) over land; only meaningful in path-loss mode. */
  classKm2 = new Float64Array(RSRP_CLASS_EDGES_DBM.length);
  /** With SINR on: covered land at or above the SINR threshold, and Σ rate × area (Mbps·km²), per district. */
  districtGoodKm2: Float64Array;
  districtRateKm2: Float64Array;
  zoneGoodKm2: Float64Array;
  zoneRateKm2: Float64Array;
  /** Covered land per SINR grade (≥ 25, 16–25, 11–16, 3–11, < 3 dB). */
  sinrGradeKm2 = new Float64Array(5);
  /** Per site slot: land served (covered, the slot the best server), km² and cells. Grown by ensureSlot. */
  servedKm2 = new Float64Array(0);
  servedCells = new Int32Array(0);

  constructor(private readonly city: CityRaster) {
    this.districtCoveredKm2 = new Float64Array(city.districts.length);
    this.zoneCoveredKm2 = new Float64Array(city.zones.length);
    this.districtGoodKm2 = new Float64Array(city.districts.length);
    this.districtRateKm2 = new Float64Array(city.districts.length);
    this.zoneGoodKm2 = new Float64Array(city.zones.length);
    this.zoneRateKm2 = new Float64Array(city.zones.length);
  }

  /** Zero everything (before a full recompute). */
  reset(slotCount: number): void {
    this.districtCoveredKm2.fill(0);
    this.zoneCoveredKm2.fill(0);
    this.classKm2.fill(0);
    this.districtGoodKm2.fill(0);
    this.districtRateKm2.fill(0);
    this.zoneGoodKm2.fill(0);
    this.zoneRateKm2.fill(0);
    this.sinrGradeKm2.fill(0);
    this.servedKm2 = new Float64Array(slotCount);
    this.servedCells = new Int32Array(slotCount);
  }

  /** Make room for a new site slot (its figures zero); capacity doubles, so adding sites one by one is linear. */
  ensureSlot(slot: number): void {
    if (slot < this.servedKm2.length) return;
    const capacity = Math.max(slot + 1, this.servedKm2.length * 2);
    const km2 = new Float64Array(capacity);
    km2.set(this.servedKm2);
    const cells = new Int32Array(capacity);
    cells.set(this.servedCells);
    this.servedKm2 = km2;
    this.servedCells = cells;
  }

  /** Add (sign +1) or remove (−1) a window's contribution; with +1 it also refreshes cell states. */
  accumulate(
    arrays: CoverageArrays,
    window: CellWindow,
    coverValue: number,
    sign: 1 | -1,
    withClasses: boolean,
  ): void {
    const { grid, district } = this.city;
    const { best, server, cellState } = arrays;
    const districtCovered = this.districtCoveredKm2;
    const classKm2 = this.classKm2;
    for (let row = window.row0; row <= window.row1; row++) {
      const area = grid.rowCellAreaKm2[row]! * sign;
      const start = row * grid.columns;
      for (let cell = start + window.column0, end = start + window.column1; cell <= end; cell++) {
        const districtIndex = district[cell]!;
        if (districtIndex === 0) continue;
        const value = best[cell]!;
        const slot = server[cell]!;
        if (sign === 1) cellState[cell] = slot >= 0 && value >= coverValue ? CELL_COVERED : CELL_UNCOVERED;
        if (withClasses) {
          const classIndex = value >= -85 ? 0 : value >= -95 ? 1 : value >= -105 ? 2 : value >= -115 ? 3 : 4;
          classKm2[slot >= 0 ? classIndex : 4]! += area;
        }
        if (slot < 0 || value < coverValue) continue;
        districtCovered[districtIndex - 1]! += area;
        this.servedKm2[slot]! += area;
        this.servedCells[slot]! += sign;
      }
    }
    this.accumulateZones(cellState, window, sign);
  }

  /**
   * Zone covered areas for the whole city after a full compute's land pass. With `touchedIsCovered`
   * (radius mode's touched sweep) a zone's covered land is its land runs' overlap with the intervals.
   */
  accumulateCityZones(
    cellState: Uint8Array,
    touched: TouchedRows | undefined,
    touchedIsCovered: boolean,
  ): void {
    const { grid } = this.city;
    if (!touched || !touchedIsCovered) {
      this.accumulateZones(
        cellState,
        { column0: 0, row0: 0, column1: grid.columns - 1, row1: grid.rows - 1 },
        1,
        touched,
      );
      return;
    }
    const { rowStart, firsts, lasts } = touched;
    this.city.zones.forEach((zone, zoneIndex) => {
      const runs = zone.landRuns;
      let sum = 0;
      let interval = 0;
      let previousRow = -1;
      for (let index = 0; index < runs.length; index += 3) {
        const row = runs[index]!;
        const first = runs[index + 1]!;
        const last = runs[index + 2]!;
        // Runs of a row come in column order, so the row's intervals are walked once.
        if (row !== previousRow) interval = rowStart[row]!;
        previousRow = row;
        const end = rowStart[row + 1]!;
        while (interval < end && lasts[interval]! < first) interval++;
        let cells = 0;
        for (let other = interval; other < end && firsts[other]! <= last; other++)
          cells += Math.min(last, lasts[other]!) - Math.max(first, firsts[other]!) + 1;
        sum += cells * grid.rowCellAreaKm2[row]!;
      }
      this.zoneCoveredKm2[zoneIndex]! += sum;
    });
  }

  /** Zone covered areas over a window; with `touched`, only its intervals are read (the rest is uncovered). */
  private accumulateZones(
    cellState: Uint8Array,
    window: CellWindow,
    sign: 1 | -1,
    touched?: TouchedRows,
  ): void {
    const { grid, zones } = this.city;
    const countCovered = (start: number, first: number, last: number): number => {
      let count = 0;
      for (let cell = start + first, end = start + last; cell <= end; cell++) {
        if (cellState[cell]! >= CELL_COVERED) count++;
      }
      return count;
    };
    for (let zoneIndex = 0; zoneIndex < zones.length; zoneIndex++) {
      const zone = zones[zoneIndex]!;
      const bounds = zone.bounds;
      if (!bounds || bounds.row1 < window.row0 || bounds.row0 > window.row1) continue;
      if (bounds.column1 < window.column0 || bounds.column0 > window.column1) continue;
      let sum = 0;
      const runs = zone.runs;
      for (let index = 0; index < runs.length; index += 3) {
        const row = runs[index]!;
        if (row < window.row0 || row > window.row1) continue;
        const first = Math.max(runs[index + 1]!, window.column0);
        const last = Math.min(runs[index + 2]!, window.column1);
        const start = row * grid.columns;
        let count = 0;
        if (!touched) count = countCovered(start, first, last);
        else {
          for (
            let interval = touched.rowStart[row]!, end = touched.rowStart[row + 1]!;
            interval < end;
            interval++
          ) {
            const from = Math.max(first, touched.firsts[interval]!);
            const to = Math.min(last, touched.lasts[interval]!);
            if (from <= to) count += countCovered(start, from, to);
          }
        }
        sum += count * grid.rowCellAreaKm2[row]!;
      }
      this.zoneCoveredKm2[zoneIndex]! += sign * sum;
    }
  }
}
