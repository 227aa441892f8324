/**
 * The inner loop of the engine: max-merge of one site's kernel into the best/server arrays.
 * Ties go to the lower site slot, and values are rounded to float32 before comparing, so the result does
 * not depend on the order sites are merged in.
 */
import type { CellWindow } from './grid';
import type { RunList } from './land-runs';
import type { PlacedSite } from './site-model';

/** Side of the blocks in the "has uncovered land" mask used to skip tails over covered ground. */
export const BLOCK_SHIFT = 3;

function mergeSpan(
  best: Float32Array,
  server: Int32Array,
  site: PlacedSite,
  slot: number,
  kernelIndex: number,
  first: number,
  last: number,
): void {
  const { values } = site.kernel;
  const { offset, pattern } = site;
  let k = kernelIndex;
  if (pattern) {
    const bearings = site.kernel.bearings!;
    const floors = site.kernel.sectorFloors!;
    const horizontal = pattern.db;
    for (let cell = first; cell <= last; cell++, k++) {
      // Combined pattern max(A_H + A_V, −A_m): the kernel holds A_V, the floor −A_m − A_V.
      const value = Math.fround(values[k]! + offset + Math.max(horizontal[bearings[k]!]!, floors[k]!));
      const current = best[cell]!;
      if (value > current || (value === current && slot < server[cell]!)) {
        best[cell] = value;
        server[cell] = slot;
      }
    }
    return;
  }
  for (let cell = first; cell <= last; cell++, k++) {
    const value = Math.fround(values[k]! + offset);
    const current = best[cell]!;
    if (value > current || (value === current && slot < server[cell]!)) {
      best[cell] = value;
      server[cell] = slot;
    }
  }
}

/**
 * Merge a site's kernel clipped to a window: all of it down to the serving floor (`level` undefined) or one
 * ring — the cells whose value lies between levels[level] and levels[level − 1]. With `blocks`, a ring is merged only in blocks
 * flagged as holding land still below levels[level − 1] (a ring value is below that level, so it cannot
 * change any other land cell).
 */
export function mergeSite(
  best: Float32Array,
  server: Int32Array,
  columns: number,
  site: PlacedSite,
  slot: number,
  window: CellWindow,
  level: number | undefined,
  blocks?: { mask: Uint8Array; columns: number },
): void {
  if (site.disc) {
    mergeDisc(best, server, columns, site, slot, window);
    return;
  }
  const { halfWidths, rowStarts, reachRows } = site.kernel;
  const levels = site.levelHalfWidths;
  const outerLevel = levels[level ?? levels.length - 1]!;
  const innerLevel = level === undefined || level === 0 ? undefined : site.levelHalfWidths[level - 1]!;
  const { column, row } = site;
  if (blocks && !anyBlockFlagged(blocks, site, window)) return;
  const rowFirst = Math.max(row - reachRows, window.row0);
  const rowLast = Math.min(row + reachRows, window.row1);
  for (let y = rowFirst; y <= rowLast; y++) {
    const rowIndex = y - row + reachRows;
    const half = halfWidths[rowIndex]!;
    if (half < 0) continue;
    const kernelStart = rowStarts[rowIndex]! - (column - half);
    const rowStart = y * columns;
    const outer = outerLevel[rowIndex]!;
    const inner = innerLevel ? innerLevel[rowIndex]! : -1;
    if (outer < 0 || inner >= outer) continue;
    if (inner < 0) {
      mergeClipped(
        best,
        server,
        site,
        slot,
        window,
        blocks,
        y,
        kernelStart,
        rowStart,
        column - outer,
        column + outer,
      );
    } else {
      mergeClipped(
        best,
        server,
        site,
        slot,
        window,
        blocks,
        y,
        kernelStart,
        rowStart,
        column - outer,
        column - inner - 1,
      );
      mergeClipped(
        best,
        server,
        site,
        slot,
        window,
        blocks,
        y,
        kernelStart,
        rowStart,
        column + inner + 1,
        column + outer,
      );
    }
  }
}

/** Whether any block under the site's kernel (within the window) holds uncovered land. */
function anyBlockFlagged(
  blocks: { mask: Uint8Array; columns: number },
  site: PlacedSite,
  window: CellWindow,
): boolean {
  const reach = site.kernel.reachRows;
  const half = site.kernel.halfWidths[reach]!;
  const row0 = Math.max(site.row - reach, window.row0) >> BLOCK_SHIFT;
  const row1 = Math.min(site.row + reach, window.row1) >> BLOCK_SHIFT;
  const column0 = Math.max(site.column - half, window.column0) >> BLOCK_SHIFT;
  const column1 = Math.min(site.column + half, window.column1) >> BLOCK_SHIFT;
  for (let blockRow = row0; blockRow <= row1; blockRow++) {
    const start = blockRow * blocks.columns;
    for (let blockColumn = column0; blockColumn <= column1; blockColumn++) {
      if (blocks.mask[start + blockColumn] === 1) return true;
    }
  }
  return false;
}

function mergeClipped(
  best: Float32Array,
  server: Int32Array,
  site: PlacedSite,
  slot: number,
  window: CellWindow,
  blocks: { mask: Uint8Array; columns: number } | undefined,
  y: number,
  kernelStart: number,
  rowStart: number,
  from: number,
  to: number,
): void {
  const x0 = Math.max(from, window.column0);
  const x1 = Math.min(to, window.column1);
  if (x0 > x1) return;
  if (!blocks) {
    mergeSpan(best, server, site, slot, kernelStart + x0, rowStart + x0, rowStart + x1);
    return;
  }
  const blockRow = (y >> BLOCK_SHIFT) * blocks.columns;
  for (let x = x0; x <= x1; ) {
    const blockEnd = Math.min(x1, ((x >> BLOCK_SHIFT) + 1) * (1 << BLOCK_SHIFT) - 1);
    if (blocks.mask[blockRow + (x >> BLOCK_SHIFT)] === 1) {
      mergeSpan(best, server, site, slot, kernelStart + x, rowStart + x, rowStart + blockEnd);
    }
    x = blockEnd + 1;
  }
}

/** A disc's rows within a window: [first, last] (empty when first > last). */
function discRows(site: PlacedSite, window: CellWindow): [number, number] {
  const { offsetSouthM, cellHeightM } = site.disc!;
  const radius = site.radiusM;
  return [
    Math.max(site.row + Math.ceil((offsetSouthM - radius) / cellHeightM), window.row0),
    Math.min(site.row + Math.floor((offsetSouthM + radius) / cellHeightM), window.row1),
  ];
}

/** Scratch for discColumns: first and last column of a disc row. */
const discSpan = new Int32Array(2);

/**
 * A disc row's cells within a window: the columns whose cell centre lies within radiusM of the site's
 * true position, into discSpan. Returns the row's north–south distance from the site (metres), or NaN
 * when the row holds no cell.
 */
function discColumns(site: PlacedSite, row: number, window: CellWindow): number {
  const { offsetEastM, offsetSouthM, cellWidthM, cellHeightM } = site.disc!;
  const radius = site.radiusM;
  const southM = (row - site.row) * cellHeightM - offsetSouthM;
  const remaining = radius * radius - southM * southM;
  if (remaining < 0) return Number.NaN;
  const half = Math.sqrt(remaining);
  discSpan[0] = Math.max(site.column + Math.ceil((offsetEastM - half) / cellWidthM), window.column0);
  discSpan[1] = Math.min(site.column + Math.floor((offsetEastM + half) / cellWidthM), window.column1);
  return discSpan[0]! <= discSpan[1]! ? southM : Number.NaN;
}

/**
 * Radius mode: cells whose centre lies within radiusM of the site's true position; value 1 − (d/r)². It
 * orders sites like 1 − d/r (the nearer site relative to its radius serves) and is ≥ 0 exactly inside the
 * disc, without a square root per cell.
 */
function mergeDisc(
  best: Float32Array,
  server: Int32Array,
  columns: number,
  site: PlacedSite,
  slot: number,
  window: CellWindow,
): void {
  const [rowFirst, rowLast] = discRows(site, window);
  for (let y = rowFirst; y <= rowLast; y++) {
    const southM = discColumns(site, y, window);
    if (!Number.isNaN(southM))
      mergeDiscRow(best, server, site, slot, y * columns, discSpan[0]!, discSpan[1]!, southM, true);
  }
}

/**
 * Cells x0…x1 of one disc row (starting at cell index rowStart, southM metres from the site): max-merged
 * (`compare`), or written outright where no other site can serve them.
 */
function mergeDiscRow(
  best: Float32Array,
  server: Int32Array,
  site: PlacedSite,
  slot: number,
  rowStart: number,
  x0: number,
  x1: number,
  southM: number,
  compare: boolean,
): void {
  const { offsetEastM, cellWidthM } = site.disc!;
  const inverseRadiusSquared = 1 / (site.radiusM * site.radiusM);
  const southSquared = southM * southM;
  // Two loops rather than a test per cell: this is the inner loop of radius mode.
  if (!compare) {
    for (let x = x0; x <= x1; x++) {
      const eastM = (x - site.column) * cellWidthM - offsetEastM;
      best[rowStart + x] = 1 - (eastM * eastM + southSquared) * inverseRadiusSquared; // float32 store rounds
      server[rowStart + x] = slot;
    }
    return;
  }
  for (let x = x0; x <= x1; x++) {
    const eastM = (x - site.column) * cellWidthM - offsetEastM;
    const value = Math.fround(1 - (eastM * eastM + southSquared) * inverseRadiusSquared);
    const cell = rowStart + x;
    const current = best[cell]!;
    if (value > current || (value === current && slot < server[cell]!)) {
      best[cell] = value;
      server[cell] = slot;
    }
  }
}

/**
 * Append to `spans` the (row, first, last column, tag) of each row a site's merge can write within a
 * window, row by row: a disc's exact rows in radius mode, else its kernel's rows.
 */
export function pushSiteSpans(site: PlacedSite, window: CellWindow, spans: RunList, tag: number): void {
  if (site.disc) {
    const [rowFirst, rowLast] = discRows(site, window);
    for (let row = rowFirst; row <= rowLast; row++) {
      if (!Number.isNaN(discColumns(site, row, window))) spans.push(row, discSpan[0]!, discSpan[1]!, tag);
    }
    return;
  }
  // Merges stop at the serving floor; the interference sums beyond it do not touch best or server.
  const halfWidths = site.levelHalfWidths[site.levelHalfWidths.length - 1]!;
  const { reachRows } = site.kernel;
  for (let index = 0; index < halfWidths.length; index++) {
    const row = site.row - reachRows + index;
    const half = halfWidths[index]!;
    if (half < 0 || row < window.row0 || row > window.row1) continue;
    const first = Math.max(window.column0, site.column - half);
    const last = Math.min(window.column1, site.column + half);
    if (first <= last) spans.push(row, first, last, tag);
  }
}

/**
 * Radius mode's touched sweep: a disc merged span by span from the touched intervals (rows and columns
 * already found). In an interval that is this span alone the cells are written without comparing (no
 * other site can serve them, and they were not reset).
 */
export function mergeDiscSpans(
  best: Float32Array,
  server: Int32Array,
  columns: number,
  site: PlacedSite,
  slot: number,
  touched: { spans: Int32Array; spanStart: Int32Array; spanInterval: Int32Array; soleSlot: Int32Array },
): void {
  const { offsetSouthM, cellHeightM } = site.disc!;
  const { spans, spanInterval, soleSlot } = touched;
  for (let span = touched.spanStart[slot]!, end = touched.spanStart[slot + 1]!; span < end; span++) {
    const row = spans[span * 4]!;
    const southM = (row - site.row) * cellHeightM - offsetSouthM;
    const alone = soleSlot[spanInterval[span]!] === slot;
    mergeDiscRow(
      best,
      server,
      site,
      slot,
      row * columns,
      spans[span * 4 + 1]!,
      spans[span * 4 + 2]!,
      southM,
      !alone,
    );
  }
}
