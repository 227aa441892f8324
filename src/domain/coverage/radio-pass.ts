/**
 * SINR grading of the covered land, after the coverage pass has set every land cell covered or not: each
 * covered cell gets its SINR; below the threshold it becomes COVERED_POOR (a quality-gap cell). The
 * figures — SINR-good area, Σ rate × area, area per SINR grade (SINR_GRADE_EDGES_DB, in centi-dB here),
 * per district and zone — are kept window by window like the coverage figures: subtract a window before an
 * edit recomputes it, add it back after.
 */
import type { CityRaster } from './city-raster';
import type { CellWindow } from './grid';
import type { RunList } from './land-runs';
import type { RadioGrid } from './radio-grid';
import type { PlacedSite } from './site-model';
import {
  CELL_COVERED,
  CELL_COVERED_POOR,
  type CoverageAccumulators,
  type CoverageArrays,
} from './statistics';

type Slots = readonly (PlacedSite | undefined)[];

const wholeGrid = (city: CityRaster): CellWindow => ({
  column0: 0,
  row0: 0,
  column1: city.grid.columns - 1,
  row1: city.grid.rows - 1,
});

/**
 * Grade the covered cells of a window (default: the grid) and add (+1) or subtract (−1) their figures.
 * With +1 each covered cell's SINR is evaluated and its state set; with −1 the stored SINR and state are
 * read. `poorRuns` (full compute, whole grid) receives the COVERED_POOR runs for quality-gap labelling.
 */
export function radioPass(
  accumulators: CoverageAccumulators,
  city: CityRaster,
  arrays: CoverageArrays,
  radio: RadioGrid,
  slots: Slots,
  sign: 1 | -1,
  window: CellWindow = wholeGrid(city),
  poorRuns?: RunList,
): void {
  const { server, cellState } = arrays;
  const { landRuns, grid } = city;
  const { rowRunStart, runLandStart } = radio.sums.land;
  const { districtGoodKm2, districtRateKm2, sinrGradeKm2 } = accumulators;
  const { sinrCentiDb, thresholdCentiDb } = radio;
  // Per run, counts in locals and one add per figure (adding per cell chains every add through memory).
  const grades = new Float64Array(5);
  for (let row = window.row0; row <= window.row1; row++) {
    const area = grid.rowCellAreaKm2[row]! * sign;
    const rowStart = row * grid.columns;
    for (let run = rowRunStart[row]!, end = rowRunStart[row + 1]!; run < end; run++) {
      const runFirst = landRuns[run * 4 + 1]!;
      if (runFirst > window.column1) break;
      const first = Math.max(runFirst, window.column0);
      const last = Math.min(landRuns[run * 4 + 2]!, window.column1);
      if (first > last) continue;
      const district = landRuns[run * 4 + 3]! - 1;
      const landBase = runLandStart[run]! - runFirst;
      let poorStart = -1;
      let slot = -1;
      let site: PlacedSite | undefined;
      let goodCells = 0;
      let rateSum = 0;
      grades.fill(0);
      for (let column = first; column <= last; column++) {
        const cell = rowStart + column;
        const state = cellState[cell]!;
        if (state < CELL_COVERED) {
          if (poorStart >= 0) {
            poorRuns!.push(row, poorStart, column - 1, district + 1);
            poorStart = -1;
          }
          continue;
        }
        // Neighbouring cells mostly share a server: bind the site and row only when the server changes.
        if (server[cell] !== slot) {
          slot = server[cell]!;
          site = slots[slot]!;
          radio.bindRow(site, row);
        }
        let centi: number;
        if (sign === 1) {
          centi = radio.evaluateBound(landBase + column, column, cell);
          cellState[cell] = centi >= thresholdCentiDb ? CELL_COVERED : CELL_COVERED_POOR;
        } else centi = sinrCentiDb[cell]!;
        if (cellState[cell] === CELL_COVERED) {
          goodCells++;
          if (poorStart >= 0) {
            poorRuns!.push(row, poorStart, column - 1, district + 1);
            poorStart = -1;
          }
        } else if (poorRuns && poorStart < 0) poorStart = column;
        rateSum += radio.rateBound(centi);
        grades[centi >= 2500 ? 0 : centi >= 1600 ? 1 : centi >= 1100 ? 2 : centi >= 300 ? 3 : 4]!++;
      }
      if (poorStart >= 0) poorRuns!.push(row, poorStart, last, district + 1);
      districtGoodKm2[district]! += goodCells * area;
      districtRateKm2[district]! += rateSum * area;
      for (let grade = 0; grade < 5; grade++) sinrGradeKm2[grade]! += grades[grade]! * area;
    }
  }
  radioZones(accumulators, city, arrays, radio, slots, sign, window);
}

/** Zone figures (SINR-good area, Σ rate × area) over a window, from the cells' states and stored SINR. */
function radioZones(
  accumulators: CoverageAccumulators,
  city: CityRaster,
  arrays: CoverageArrays,
  radio: RadioGrid,
  slots: Slots,
  sign: 1 | -1,
  window: CellWindow,
): void {
  const { grid, zones } = city;
  const { server, cellState } = arrays;
  const { sinrCentiDb } = radio;
  zones.forEach((zone, zoneIndex) => {
    const bounds = zone.bounds;
    if (!bounds || bounds.row1 < window.row0 || bounds.row0 > window.row1) return;
    if (bounds.column1 < window.column0 || bounds.column0 > window.column1) return;
    let goodKm2 = 0;
    let rateKm2 = 0;
    const runs = zone.landRuns;
    for (let index = 0; index < runs.length; index += 3) {
      const row = runs[index]!;
      if (row < window.row0 || row > window.row1) continue;
      const first = Math.max(runs[index + 1]!, window.column0);
      const last = Math.min(runs[index + 2]!, window.column1);
      const area = grid.rowCellAreaKm2[row]!;
      for (let cell = row * grid.columns + first, end = row * grid.columns + last; cell <= end; cell++) {
        const state = cellState[cell]!;
        if (state < CELL_COVERED) continue;
        if (state === CELL_COVERED) goodKm2 += area;
        rateKm2 += radio.rateMbps(slots[server[cell]!]!, sinrCentiDb[cell]!) * area;
      }
    }
    accumulators.zoneGoodKm2[zoneIndex]! += sign * goodKm2;
    accumulators.zoneRateKm2[zoneIndex]! += sign * rateKm2;
  });
}
