/**
 * The two resolutions of the interference sums (the "main" and "extended" matrices of planning tools): a
 * site's received power f(d) is split into a fine part w(d)·f(d), summed per cell, and a coarse part
 * (1 − w(d))·f(d), summed per block of BLOCK_CELLS × BLOCK_CELLS cells at the block centres and read back by
 * bilinear interpolation. w is 1 near the site and falls linearly to 0 over TAPER_CELLS up to the
 * farthest the site can serve a covered cell (its core), so each part is continuous and every site's power
 * is counted once: exactly (fine) near it, smoothly (coarse) from the edge of its core out to the
 * interference floor. A server's own power S is taken whole from its kernel; what it added to the two
 * sums is taken off them again, so the interference is exactly the others'.
 * docs/radio.md gives the accuracy; the tables here are per kernel (and per sub-block phase for blocks).
 */
import { MAXIMUM_ATTENUATION_DB } from '../propagation/antenna-pattern';
import type { Band } from '../types';
import type { Kernel } from './kernels';

/** Index of a band in BANDS order, for per-band arrays. */
export const BAND_INDEX: Record<Band, number> = { n28: 0, n41: 1, n78: 2, n79: 3 };

/** Side of a coarse block, cells (200 m at 50 m). */
export const BLOCK_CELLS = 4;
/** Width of the taper from fine to coarse, cells: one block (docs/radio.md gives the accuracy). */
export const TAPER_CELLS = BLOCK_CELLS;

/** Where a kernel's power moves from the fine to the coarse sums, metres from the site. */
export interface Taper {
  innerM: number;
  outerM: number;
  /** All power fine out to the interference reach (w = 1 there), nothing coarse. */
  fineOnly: boolean;
  /** Kernel value at or above which a site sharing the kernel may serve a covered cell (its core). */
  coreLevel: number;
  /** Kernel values (−PL + A_V) above this still interfere: the interference floor's cut. */
  coarseCut: number;
  /** How far values stay above `coarseCut` (within the model's largest distance), metres. */
  coarseReachM: number;
}

/** The fine weight w(d). */
export function fineWeight(taper: Taper, distanceM: number): number {
  if (taper.fineOnly) return distanceM <= taper.outerM ? 1 : 0;
  if (distanceM <= taper.innerM) return 1;
  if (distanceM >= taper.outerM) return 0;
  return (taper.outerM - distanceM) / (taper.outerM - taper.innerM);
}

/** Fine tables of a kernel: w(d)·10^(value/10) per cell and the half widths of the cells with w > 0. */
export interface FineTables {
  linear: Float32Array;
  /** 10^(value/10) without the weight: a server's whole power where it serves. */
  whole: Float32Array;
  sumHalfWidths: Int32Array;
}

/** One sub-block phase's coarse table: (1 − w)·10^(f/10) at each block centre, square of side 2·reach + 1. */
export interface CoarseTable {
  reachBlocks: number;
  values: Float32Array;
  /** Per table row: first and last column offset (−reach … reach) holding a value; first > last when none. */
  rowFirst: Int16Array;
  rowLast: Int16Array;
  /** Sectors: bearing to each block centre (whole degrees) and the combined pattern's floor, linear. */
  bearings: Uint16Array | undefined;
  floorsLinear: Float32Array | undefined;
}

/** What a kernel carries for the interference sums (SINR on). */
export interface InterferenceTables {
  taper: Taper;
  /** The core's half widths per kernel row (the first merge ring, and where fine power lives). */
  coreHalfWidths: Int32Array | undefined;
  fine: FineTables | undefined;
  /** The coarse part by distance in 1 m steps (phase tables read it instead of the path-loss model). */
  coarseByMetre: Float32Array | undefined;
  /** Per phase (row mod BLOCK_CELLS) × BLOCK_CELLS + (column mod BLOCK_CELLS). */
  coarse: (CoarseTable | undefined)[];
}

/**
 * The kernel's fine tables (built on first use): w(d)·10^(value/10) over the core's spans (the whole
 * kernel for fine-only kernels), zero elsewhere, and 10^(value/10) whole for servers' own power.
 */
export function fineTables(kernel: Kernel, coreHalfWidths: Int32Array | undefined): FineTables {
  const tables = kernel.interference!;
  if (tables.fine) return tables.fine;
  const { halfWidths, rowStarts, reachRows, values, cellHeightM, cellWidthM } = kernel;
  const sumHalfWidths = tables.taper.fineOnly || !coreHalfWidths ? halfWidths : coreHalfWidths;
  const linear = new Float32Array(values.length);
  const whole = new Float32Array(values.length);
  for (let rowIndex = 0; rowIndex < halfWidths.length; rowIndex++) {
    const half = halfWidths[rowIndex]!;
    const fineHalf = sumHalfWidths[rowIndex]!;
    const dyM = (rowIndex - reachRows) * cellHeightM;
    for (let dx = -half; dx <= half; dx++) {
      const index = rowStarts[rowIndex]! + dx + half;
      whole[index] = 10 ** (values[index]! / 10);
      if (Math.abs(dx) > fineHalf) continue;
      linear[index] = fineWeight(tables.taper, Math.hypot(dx * cellWidthM, dyM)) * whole[index]!;
    }
  }
  tables.fine = { linear, whole, sumHalfWidths };
  return tables.fine;
}

/** Phase of a site's cell within its block (0 … BLOCK_CELLS² − 1). */
export function phaseOf(row: number, column: number): number {
  const rowPhase = ((row % BLOCK_CELLS) + BLOCK_CELLS) % BLOCK_CELLS;
  const columnPhase = ((column % BLOCK_CELLS) + BLOCK_CELLS) % BLOCK_CELLS;
  return rowPhase * BLOCK_CELLS + columnPhase;
}

/**
 * The coarse table of a phase (built on first use): block (bi, bj) relative to the site's block has its
 * centre (BLOCK_CELLS·bi + (BLOCK_CELLS − 1)/2 − rowPhase) rows and (… − columnPhase) columns from the site.
 */
export function coarseTable(kernel: Kernel, phase: number, withSectors: boolean): CoarseTable {
  const tables = kernel.interference!;
  let table = tables.coarse[phase];
  if (!table) {
    table = buildCoarseTable(kernel, tables.taper, phase);
    tables.coarse[phase] = table;
  }
  if (withSectors && !table.bearings) addSectorTables(kernel, table, phase);
  return table;
}

function blockCentreOffsetM(kernel: Kernel, phase: number, bi: number, bj: number): [number, number] {
  const centre = (BLOCK_CELLS - 1) / 2;
  const rowPhase = Math.floor(phase / BLOCK_CELLS);
  const columnPhase = phase % BLOCK_CELLS;
  const southM = (BLOCK_CELLS * bi + centre - rowPhase) * kernel.cellHeightM;
  const eastM = (BLOCK_CELLS * bj + centre - columnPhase) * kernel.cellWidthM;
  return [eastM, southM];
}

/** (1 − w(d))·10^(f(d)/10) for d = 0, 1, 2 … metres out to the coarse reach (0 beyond the cut). */
function coarseByMetre(kernel: Kernel): Float32Array {
  const tables = kernel.interference!;
  if (tables.coarseByMetre) return tables.coarseByMetre;
  const { taper } = tables;
  const table = new Float32Array(Math.ceil(taper.coarseReachM) + 2);
  for (let distance = Math.floor(taper.innerM); distance < table.length; distance++) {
    const value = kernel.valueAtDistance(distance);
    if (distance > taper.innerM && value > taper.coarseCut)
      table[distance] = (1 - fineWeight(taper, distance)) * 10 ** (value / 10);
  }
  tables.coarseByMetre = table;
  return table;
}

function buildCoarseTable(kernel: Kernel, taper: Taper, phase: number): CoarseTable {
  if (taper.fineOnly) {
    const empty = { values: new Float32Array(1), rowFirst: Int16Array.of(1), rowLast: Int16Array.of(0) };
    return { reachBlocks: 0, ...empty, bearings: undefined, floorsLinear: undefined };
  }
  const byMetre = coarseByMetre(kernel);
  const blockM = BLOCK_CELLS * Math.min(kernel.cellHeightM, kernel.cellWidthM);
  const reachBlocks = Math.ceil(taper.coarseReachM / blockM) + 1;
  const side = 2 * reachBlocks + 1;
  const values = new Float32Array(side * side);
  const centre = (BLOCK_CELLS - 1) / 2;
  const rowPhase = Math.floor(phase / BLOCK_CELLS);
  const columnPhase = phase % BLOCK_CELLS;
  let used = 0;
  for (let bi = -reachBlocks; bi <= reachBlocks; bi++) {
    const southM = (BLOCK_CELLS * bi + centre - rowPhase) * kernel.cellHeightM;
    for (let bj = -reachBlocks; bj <= reachBlocks; bj++) {
      const eastM = (BLOCK_CELLS * bj + centre - columnPhase) * kernel.cellWidthM;
      const distance = Math.sqrt(eastM * eastM + southM * southM);
      if (distance <= taper.innerM || distance > taper.coarseReachM) continue;
      // The radial table in 1 m steps, interpolated: within 0.01 % of the formula from 100 m on.
      const metre = Math.floor(distance);
      const fraction = distance - metre;
      const value = byMetre[metre]! * (1 - fraction) + byMetre[metre + 1]! * fraction;
      if (value <= 0) continue;
      values[(bi + reachBlocks) * side + bj + reachBlocks] = value;
      used = Math.max(used, Math.abs(bi), Math.abs(bj));
    }
  }
  // Keep only the square that holds values.
  const trimmedSide = 2 * used + 1;
  const trimmed = new Float32Array(trimmedSide * trimmedSide);
  const rowFirst = new Int16Array(trimmedSide).fill(1);
  const rowLast = new Int16Array(trimmedSide).fill(0);
  for (let bi = -used; bi <= used; bi++) {
    const from = (bi + reachBlocks) * side + reachBlocks - used;
    const row = values.subarray(from, from + trimmedSide);
    trimmed.set(row, (bi + used) * trimmedSide);
    const first = row.findIndex((value) => value !== 0);
    if (first < 0) continue;
    rowFirst[bi + used] = first - used;
    rowLast[bi + used] = row.findLastIndex((value) => value !== 0) - used;
  }
  return {
    reachBlocks: used,
    values: trimmed,
    rowFirst,
    rowLast,
    bearings: undefined,
    floorsLinear: undefined,
  };
}

function addSectorTables(kernel: Kernel, table: CoarseTable, phase: number): void {
  const { reachBlocks } = table;
  const side = 2 * reachBlocks + 1;
  const bearings = new Uint16Array(side * side);
  const floorsLinear = new Float32Array(side * side);
  const vertical = kernel.verticalDbAt;
  for (let bi = -reachBlocks; bi <= reachBlocks; bi++) {
    for (let bj = -reachBlocks; bj <= reachBlocks; bj++) {
      const [eastM, southM] = blockCentreOffsetM(kernel, phase, bi, bj);
      const index = (bi + reachBlocks) * side + bj + reachBlocks;
      const bearing = (Math.atan2(eastM, -southM) * 180) / Math.PI;
      bearings[index] = Math.round((bearing + 360) % 360) % 360;
      const verticalDb = vertical ? vertical(Math.hypot(eastM, southM)) : 0;
      floorsLinear[index] = 10 ** ((-MAXIMUM_ATTENUATION_DB - verticalDb) / 10);
    }
  }
  table.bearings = bearings;
  table.floorsLinear = floorsLinear;
}
