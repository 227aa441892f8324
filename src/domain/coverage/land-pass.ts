/**
 * The land pass of a full compute: walks the land runs once, sets every land cell's state, adds its area to
 * the district, class and serving-site figures, and appends the uncovered runs for gap labelling. Zones
 * are summed afterwards (CoverageAccumulators.accumulateCityZones). The two passes keep their own loops
 * over the land runs: sharing one through a callback measured four times slower.
 */
import type { CityRaster } from './city-raster';
import type { RunList } from './land-runs';
import { CELL_COVERED, CELL_UNCOVERED, type CoverageAccumulators, type CoverageArrays } from './statistics';
import type { TouchedRows } from './touched-rows';

/**
 * Read every land cell (no `touched`), or only the cells inside `touched`'s intervals: land outside them is
 * in the reset state (uncovered, no server, its state already set), so it is counted by whole stretches.
 */
export function landPass(
  accumulators: CoverageAccumulators,
  city: CityRaster,
  arrays: CoverageArrays,
  coverValue: number,
  withClasses: boolean,
  uncovered: RunList,
  touched: TouchedRows | undefined,
): void {
  const { best, server, cellState } = arrays;
  const { districtCoveredKm2, classKm2, servedKm2, servedCells } = accumulators;
  const { grid, landRuns } = city;
  let interval = 0;
  let previousRow = -1;
  for (let index = 0; index < landRuns.length; index += 4) {
    const row = landRuns[index]!;
    const first = landRuns[index + 1]!;
    const last = landRuns[index + 2]!;
    const district = landRuns[index + 3]!;
    const area = grid.rowCellAreaKm2[row]!;
    const start = row * grid.columns;
    // The row's touched intervals from the first that can meet this run (none: read the whole run).
    if (touched && row !== previousRow) interval = touched.rowStart[row]!;
    previousRow = row;
    const intervalEnd = touched ? touched.rowStart[row + 1]! : 0;
    if (touched) while (interval < intervalEnd && touched.lasts[interval]! < first) interval++;
    let coveredCells = 0;
    let runStart = -1;
    for (let column = first; column <= last; ) {
      let segmentEnd = last;
      if (touched) {
        if (interval >= intervalEnd || touched.firsts[interval]! > column) {
          // Untouched stretch: uncovered land in the reset state.
          segmentEnd = interval < intervalEnd ? Math.min(last, touched.firsts[interval]! - 1) : last;
          if (runStart < 0) runStart = column;
          if (withClasses) classKm2[4]! += (segmentEnd - column + 1) * area;
          column = segmentEnd + 1;
          continue;
        }
        segmentEnd = Math.min(last, touched.lasts[interval]!);
        if (segmentEnd === touched.lasts[interval]) interval++;
      }
      for (; column <= segmentEnd; column++) {
        const cell = start + column;
        const value = best[cell]!;
        const slot = server[cell]!;
        if (withClasses) {
          const classIndex =
            slot < 0 ? 4 : value >= -85 ? 0 : value >= -95 ? 1 : value >= -105 ? 2 : value >= -115 ? 3 : 4;
          classKm2[classIndex]! += area;
        }
        if (slot >= 0 && value >= coverValue) {
          cellState[cell] = CELL_COVERED;
          coveredCells++;
          servedKm2[slot]! += area;
          servedCells[slot]!++;
          if (runStart >= 0) {
            uncovered.push(row, runStart, column - 1, district);
            runStart = -1;
          }
        } else {
          cellState[cell] = CELL_UNCOVERED;
          if (runStart < 0) runStart = column;
        }
      }
    }
    if (runStart >= 0) uncovered.push(row, runStart, last, district);
    districtCoveredKm2[district - 1]! += coveredCells * area;
  }
}

/**
 * The land pass when every touched cell is covered and only those are (radius mode's touched sweep: the
 * intervals are the discs' exact cells). Covered and uncovered stretches come from the intervals; cells
 * are read only for their serving site, and not at all where an interval is one site's span alone.
 */
export function coveredIntervalsPass(
  accumulators: CoverageAccumulators,
  city: CityRaster,
  arrays: CoverageArrays,
  uncovered: RunList,
  touched: TouchedRows,
): void {
  const { server, cellState } = arrays;
  const { districtCoveredKm2, servedKm2, servedCells } = accumulators;
  const { firsts, lasts, soleSlot } = touched;
  const { grid, landRuns } = city;
  let interval = 0;
  let previousRow = -1;
  for (let index = 0; index < landRuns.length; index += 4) {
    const row = landRuns[index]!;
    const first = landRuns[index + 1]!;
    const last = landRuns[index + 2]!;
    const district = landRuns[index + 3]!;
    const area = grid.rowCellAreaKm2[row]!;
    const start = row * grid.columns;
    if (row !== previousRow) interval = touched.rowStart[row]!;
    previousRow = row;
    const intervalEnd = touched.rowStart[row + 1]!;
    while (interval < intervalEnd && lasts[interval]! < first) interval++;
    let coveredCells = 0;
    let column = first;
    while (column <= last) {
      if (interval >= intervalEnd || firsts[interval]! > last) {
        uncovered.push(row, column, last, district);
        break;
      }
      const coveredFrom = Math.max(column, firsts[interval]!);
      if (coveredFrom > column) uncovered.push(row, column, coveredFrom - 1, district);
      const coveredTo = Math.min(last, lasts[interval]!);
      const sole = soleSlot[interval]!;
      if (sole >= 0) {
        // One site's span alone: it serves every cell.
        servedKm2[sole]! += (coveredTo - coveredFrom + 1) * area;
        servedCells[sole]! += coveredTo - coveredFrom + 1;
        for (let cell = start + coveredFrom, end = start + coveredTo; cell <= end; cell++)
          cellState[cell] = CELL_COVERED;
      } else {
        // Neighbouring cells mostly share a server: count each stretch of one server, then add once
        // (adding per cell chains every add to the last through memory).
        let slot = server[start + coveredFrom]!;
        let count = 0;
        for (let cell = start + coveredFrom, end = start + coveredTo; cell <= end; cell++) {
          cellState[cell] = CELL_COVERED;
          const next = server[cell]!;
          if (next !== slot) {
            servedKm2[slot]! += count * area;
            servedCells[slot]! += count;
            slot = next;
            count = 0;
          }
          count++;
        }
        servedKm2[slot]! += count * area;
        servedCells[slot]! += count;
      }
      coveredCells += coveredTo - coveredFrom + 1;
      if (coveredTo === lasts[interval]) interval++;
      column = coveredTo + 1;
    }
    districtCoveredKm2[district - 1]! += coveredCells * area;
  }
}
