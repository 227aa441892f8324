/**
 * The two ways a full compute sweeps the grid, after the sites are placed: over the land (many sites;
 * rings and a block mask keep the merging cheap) or over the intervals the sites touch (few sites,
 * touched-rows.ts). Both leave every land cell's value, server and state, the statistics and the
 * uncovered runs for gap labelling, and agree cell for cell.
 */
import type { CityRaster } from './city-raster';
import type { CellWindow } from './grid';
import { InterferenceSums } from './interference';
import { coveredIntervalsPass, landPass } from './land-pass';
import type { RunList } from './land-runs';
import { BLOCK_SHIFT, mergeDiscSpans, mergeSite } from './merge';
import type { CoverageSettings } from './settings';
import { coverValue, floorValue, mergeLevels } from './settings';
import type { PlacedSite } from './site-model';
import { CELL_UNCOVERED, type CoverageAccumulators, type CoverageArrays } from './statistics';
import { resetTouchedRows, resetWindows, type TouchedRows } from './touched-rows';

/** What a sweep reads and writes: the engine's city, settings, arrays, figures, slots and run list. */
export interface SweepContext {
  city: CityRaster;
  settings: CoverageSettings;
  arrays: CoverageArrays;
  accumulators: CoverageAccumulators;
  slots: readonly (PlacedSite | undefined)[];
  uncovered: RunList;
  /** With SINR on: the land sweep adds the fine interference sums while it merges the first ring. */
  interference: InterferenceSums | undefined;
  /** A band of a pooled compute (row-bands.ts): the sites reaching it in merge order, and its rows. */
  order?: Int32Array | undefined;
  window?: CellWindow | undefined;
}

/** Cells written since the last reset: a touched sweep's intervals plus the windows of later edits. */
export interface WrittenCells {
  touched: TouchedRows;
  windows: CellWindow[];
  windowCells: number;
}

type BlockMask = { mask: Uint8Array; columns: number };

function wholeGrid(city: CityRaster): CellWindow {
  return { column0: 0, row0: 0, column1: city.grid.columns - 1, row1: city.grid.rows - 1 };
}

/**
 * Full compute over the land: reset every land cell, merge ring by ring (strongest first; each later
 * ring only where land is still below the previous level — exact, as a ring value cannot beat a cell
 * already at that level), then one pass over the land runs. Merge order is spatial (bands of 16 rows,
 * then by column) so consecutive kernels share cache lines; the result does not depend on order.
 * Yields progress from 0.05 to 0.8.
 */
export function* landSweep(context: SweepContext, chunk: number): Generator<number> {
  const { city, settings, arrays, slots } = context;
  fillLandRuns(city, arrays.best, floorValue(settings));
  fillLandRuns(city, arrays.server, -1);
  const order = context.order ?? spatialOrder(slots);
  const count = order.length;
  const levels = mergeLevels(settings);
  const whole = context.window ?? wholeGrid(city);
  let blocks: BlockMask | undefined;
  for (let level = 0; level < levels.length; level++) {
    if (level > 0) blocks = blocksBelow(city, arrays.best, levels[level - 1]!, blocks);
    const interference = level === 0 ? context.interference : undefined;
    for (let step = 0; step < count; step++) {
      const slot = order[step]!;
      const site = slots[slot]!;
      if (interference && InterferenceSums.fusesFine(site)) {
        interference.mergeCore(arrays.best, arrays.server, site, slot, whole.row0, whole.row1);
      } else mergeSite(arrays.best, arrays.server, city.grid.columns, site, slot, whole, level, blocks);
      if (step % chunk === chunk - 1) yield 0.05 + (0.75 * (level + (step + 1) / count)) / levels.length;
    }
  }
  yield 0.8;
  const { accumulators, uncovered } = context;
  landPass(
    accumulators,
    city,
    arrays,
    coverValue(settings),
    settings.mode === 'pathloss',
    uncovered,
    undefined,
  );
}

/**
 * Full compute over the touched intervals only: reset where the last touched sweep wrote (`previous`; or,
 * without one, every land cell), merge each site whole (few overlap here, so rings would not pay), then
 * the land pass reads cells inside `touched` only. (Streaming the three passes band by band, so that they
 * meet the same rows in cache, was measured slower: docs/measurements.md.) Yields progress
 * from 0.05 to 0.8.
 */
export function* touchedSweep(
  context: SweepContext,
  touched: TouchedRows,
  previous: WrittenCells | undefined,
  chunk: number,
): Generator<number> {
  const { city, settings, arrays, slots, accumulators, uncovered } = context;
  const { columns } = city.grid;
  const floor = floorValue(settings);
  if (previous) {
    resetWindows(arrays, columns, floor, previous.windows);
    resetTouchedRows(arrays, columns, floor, previous.touched, touched);
  } else {
    fillLandRuns(city, arrays.best, floor);
    fillLandRuns(city, arrays.server, -1);
    fillLandRuns(city, arrays.cellState, CELL_UNCOVERED);
  }
  const order = spatialOrder(slots);
  const whole = wholeGrid(city);
  const { best, server } = arrays;
  for (let step = 0; step < order.length; step++) {
    const slot = order[step]!;
    const site = slots[slot]!;
    if (site.disc) mergeDiscSpans(best, server, columns, site, slot, touched);
    else mergeSite(best, server, columns, site, slot, whole, undefined);
    if (step % chunk === chunk - 1) yield 0.05 + (0.75 * (step + 1)) / order.length;
  }
  yield 0.8;
  // Radius mode: the intervals are exactly the discs' cells, so they are the covered land.
  if (settings.mode === 'radius') coveredIntervalsPass(accumulators, city, arrays, uncovered, touched);
  else landPass(accumulators, city, arrays, coverValue(settings), true, uncovered, touched);
}

/** Slot indices sorted by band of 16 rows, then column (boustrophedon within each band). */
export function spatialOrder(slots: readonly (PlacedSite | undefined)[]): Int32Array {
  const keys = new Float64Array(slots.length);
  let count = 0;
  for (let slotIndex = 0; slotIndex < slots.length; slotIndex++) {
    const site = slots[slotIndex];
    if (!site) continue;
    const band = (site.row >> 4) + 1024;
    const column = (band & 1) === 0 ? site.column + 65536 : 131072 - site.column;
    keys[count++] = (band * 262144 + column) * 4194304 + slotIndex;
  }
  const sorted = keys.subarray(0, count).sort();
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) order[index] = sorted[index]! % 4194304;
  return order;
}

/**
 * Blocks holding a land cell whose best value is below `level`, found by walking the land runs (the
 * sea and land outside the districts are never read). Within a block flagged at the previous level
 * only; a flagged block's remaining cells in the run are skipped.
 */
function blocksBelow(
  city: CityRaster,
  best: Float32Array,
  level: number,
  previous: BlockMask | undefined,
): BlockMask {
  const { grid, landRuns } = city;
  const blockColumns = (grid.columns >> BLOCK_SHIFT) + 1;
  const blockRows = (grid.rows >> BLOCK_SHIFT) + 1;
  const mask = new Uint8Array(blockColumns * blockRows);
  const previousMask = previous?.mask;
  for (let index = 0; index < landRuns.length; index += 4) {
    const row = landRuns[index]!;
    const last = landRuns[index + 2]!;
    const blockRow = (row >> BLOCK_SHIFT) * blockColumns;
    const start = row * grid.columns;
    for (let column = landRuns[index + 1]!; column <= last; ) {
      const block = blockRow + (column >> BLOCK_SHIFT);
      const blockEnd = Math.min(last, column | ((1 << BLOCK_SHIFT) - 1)) + 1;
      if (mask[block] === 0 && (!previousMask || previousMask[block] === 1)) {
        for (let cell = start + column, end = start + blockEnd; cell < end; cell++) {
          if (best[cell]! < level) {
            mask[block] = 1;
            break;
          }
        }
      }
      column = blockEnd;
    }
  }
  return { mask, columns: blockColumns };
}

/** Write a value into every land cell. */
function fillLandRuns(city: CityRaster, target: Float32Array | Int32Array | Uint8Array, value: number): void {
  const { landRuns, grid } = city;
  for (let index = 0; index < landRuns.length; index += 4) {
    const start = landRuns[index]! * grid.columns;
    target.fill(value, start + landRuns[index + 1]!, start + landRuns[index + 2]! + 1);
  }
}
