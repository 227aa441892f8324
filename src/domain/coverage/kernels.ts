/**
 * Precomputed per-profile "stamps": the value a site contributes to each integer cell offset around
 * its own cell. A site's coverage is then a max-merge of its kernel (plus a per-site dB offset and, for
 * sectors, a per-bearing attenuation) into the grid — no path-loss evaluation per site.
 */
import { horizontalAttenuationDb, MAXIMUM_ATTENUATION_DB } from '../propagation/antenna-pattern';
import { losProbability, type PropagationModel, pathLoss } from '../propagation/path-loss';
import type { InterferenceTables } from './interference-kernels';

export interface Kernel {
  /** Rows above and below the centre row. */
  reachRows: number;
  /** Per row offset dy (index dy + reachRows): half width in cells, −1 when the row is empty. */
  halfWidths: Int32Array;
  /** Per row offset: index of its first value in `values`. */
  rowStarts: Int32Array;
  /** dB: −path loss plus the vertical pattern A_V (omnidirectional sites need nothing more). */
  values: Float32Array;
  /** Bearing from the site to each cell, whole degrees clockwise from north; built on first sector use. */
  bearings: Uint16Array | undefined;
  /**
   * Sectors: per cell the lowest the horizontal term may go, −A_m − A_V, so that value + max(A_H, floor)
   * is the combined pattern's max(A_H + A_V, −A_m); built on first sector use.
   */
  sectorFloors: Float32Array | undefined;
  /**
   * SINR on: the fine part of the interference sums, w(d)·10^(values/10), w the taper of
   * interference-kernels.ts (1 near the site, 0 beyond `sumHalfWidths`); built on first use.
   */
  linear: Float32Array | undefined;
  /** 10^(sectorFloors/10), for sectors' interference sums; built on first use. */
  sectorFloorsLinear: Float32Array | undefined;
  /** The vertical pattern by distance (dB), kept to build the sector floors. */
  verticalDbAt: ((distanceM: number) => number) | undefined;
  /** The radial value function the kernel was built from, and how far it reaches (m). */
  valueAtDistance: (distanceM: number) => number;
  reachM: number;
  /** SINR on: the taper and the fine and coarse interference tables (interference-kernels.ts). */
  interference: InterferenceTables | undefined;
  cellHeightM: number;
  cellWidthM: number;
}

/** Calls `visit(index, dx, dy)` for every cell of a kernel, in storage order. */
function forEachCell(kernel: Kernel, visit: (index: number, dx: number, dy: number) => void): void {
  let index = 0;
  for (let dy = -kernel.reachRows; dy <= kernel.reachRows; dy++) {
    const half = kernel.halfWidths[dy + kernel.reachRows]!;
    for (let dx = -half; dx <= half; dx++) visit(index++, dx, dy);
  }
}

/** Fill a kernel's bearing table and sector floors (sectors need them; omnidirectional sites never pay). */
export function ensureBearings(kernel: Kernel): Uint16Array {
  if (kernel.bearings) return kernel.bearings;
  const bearings = new Uint16Array(kernel.values.length);
  const floors = new Float32Array(kernel.values.length);
  const vertical = kernel.verticalDbAt;
  forEachCell(kernel, (index, dx, dy) => {
    const eastM = dx * kernel.cellWidthM;
    // Row index grows southwards, so north is −dy.
    const northM = -dy * kernel.cellHeightM;
    const bearing = (Math.atan2(eastM, northM) * 180) / Math.PI;
    bearings[index] = Math.round((bearing + 360) % 360) % 360;
    floors[index] = -MAXIMUM_ATTENUATION_DB - (vertical ? vertical(Math.hypot(eastM, northM)) : 0);
  });
  kernel.sectorFloors = floors;
  kernel.bearings = bearings;
  return bearings;
}

/** The farthest distance (sampled every `stepM` up to `maxDistanceM`) where a value is above `level`. */
export function radialReachM(
  valueAtDistance: (distanceM: number) => number,
  level: number,
  maxDistanceM: number,
  stepM: number,
): number {
  let reachM = 0;
  for (let distance = stepM; distance <= maxDistanceM; distance += stepM) {
    if (valueAtDistance(distance) > level) reachM = distance;
  }
  return reachM;
}

/**
 * Build a kernel from a value-by-distance function. With a vertical pattern the value can rise with
 * distance near the mast (under the beam) before it falls, so the reach is the farthest sampled distance
 * with a value above `cutValue`, and each row keeps every cell out to its last one above the cut — or,
 * with `minReachM`, at least every cell that near (the interference sums' taper may need them).
 */
export function buildKernel(
  valueAtDistance: (distanceM: number) => number,
  cutValue: number,
  maxDistanceM: number,
  cellHeightM: number,
  cellWidthM: number,
  verticalDbAt?: (distanceM: number) => number,
  minReachM = 0,
): Kernel {
  const step = Math.min(cellHeightM, cellWidthM) / 4;
  const reachM = Math.min(
    maxDistanceM,
    Math.max(radialReachM(valueAtDistance, cutValue, maxDistanceM, step) + step, minReachM),
  );
  const reachRows = Math.ceil(reachM / cellHeightM);
  const halfWidths = new Int32Array(2 * reachRows + 1).fill(-1);
  const rowStarts = new Int32Array(2 * reachRows + 1);
  // The kernel is symmetric: evaluate each |dy| row once (dx ≥ 0) and mirror it.
  const rowValues: Float64Array[] = [];
  const scratch: number[] = [];
  let total = 0;
  for (let dy = 0; dy <= reachRows; dy++) {
    const dyM = dy * cellHeightM;
    scratch.length = 0;
    let kept = 0;
    for (let dx = 0; ; dx++) {
      const distance = Math.hypot(dx * cellWidthM, dyM);
      if (distance > reachM) break;
      const value = valueAtDistance(distance);
      scratch.push(value);
      if (value > cutValue || distance <= minReachM) kept = scratch.length;
    }
    scratch.length = kept;
    rowValues.push(Float64Array.from(scratch));
    if (scratch.length > 0) total += (2 * scratch.length - 1) * (dy === 0 ? 1 : 2);
  }
  const values = new Float32Array(Math.max(0, total));
  let index = 0;
  for (let dy = -reachRows; dy <= reachRows; dy++) {
    const row = rowValues[Math.abs(dy)]!;
    const half = row.length - 1;
    rowStarts[dy + reachRows] = index;
    halfWidths[dy + reachRows] = half;
    for (let dx = -half; dx <= half; dx++) values[index++] = row[Math.abs(dx)]!;
  }
  return {
    reachRows,
    halfWidths,
    rowStarts,
    values,
    bearings: undefined,
    sectorFloors: undefined,
    linear: undefined,
    sectorFloorsLinear: undefined,
    verticalDbAt,
    valueAtDistance,
    reachM,
    interference: undefined,
    cellHeightM,
    cellWidthM,
  };
}

export interface PathLossProfile {
  model: PropagationModel;
  condition: 'los' | 'nlos' | 'expected';
  fcGhz: number;
  hBsM: number;
  hUtM: number;
}

/** Tabulation step of −PL in log10(distance); linear interpolation stays within 0.01 dB of the formula. */
export const LOG_DISTANCE_STEP = 0.002;
const tables = new Map<string, Float64Array>();

/**
 * −PL(d) in dB for a profile, read from a table over log10(d) from 1 m to the model's maximum distance
 * (PL is piecewise linear in log d, so interpolation is near exact and kernels build fast).
 */
export function negativePathLoss(profile: PathLossProfile): (distanceM: number) => number {
  const key = `${profile.model}|${profile.condition}|${profile.fcGhz}|${profile.hBsM}|${profile.hUtM}`;
  let table = tables.get(key);
  if (!table) {
    const exact = exactNegativePathLoss(profile);
    const count = Math.ceil(Math.log10(MODEL_MAX_DISTANCE_M[profile.model] * 1.5) / LOG_DISTANCE_STEP) + 2;
    table = new Float64Array(count);
    for (let index = 0; index < count; index++) table[index] = exact(10 ** (index * LOG_DISTANCE_STEP));
    tables.set(key, table);
  }
  const values = table;
  const last = values.length - 2;
  return (distanceM) => {
    const position = Math.log10(Math.max(distanceM, 1)) / LOG_DISTANCE_STEP;
    const index = Math.min(last, Math.floor(position));
    const fraction = position - index;
    return values[index]! * (1 - fraction) + values[index + 1]! * fraction;
  };
}

/** −PL(d) in dB computed from the formulas each time; 'expected' weights LOS and NLOS by P_LOS. */
export function exactNegativePathLoss(profile: PathLossProfile): (distanceM: number) => number {
  const { model, fcGhz, hBsM, hUtM } = profile;
  return (distanceM) => {
    const base = { model, fcGhz, d2dM: distanceM, hBsM, hUtM };
    if (profile.condition !== 'expected')
      return -pathLoss({ ...base, condition: profile.condition }).pathLossDb;
    const los = pathLoss({ ...base, condition: 'los' }).pathLossDb;
    const nlos = pathLoss({ ...base, condition: 'nlos' }).pathLossDb;
    const probability = losProbability(model, Math.max(distanceM, 10));
    return -(probability * los + (1 - probability) * nlos);
  };
}

/** Largest distance each model is valid for with NLOS links, metres (the kernel stops there). */
export const MODEL_MAX_DISTANCE_M: Record<PropagationModel, number> = {
  uma: 5000,
  umi: 5000,
  rma: 5000,
  inh: 150,
};

/** A cache of kernels by key, built on first use. */
export class KernelCache {
  private readonly kernels = new Map<string, Kernel>();
  /** The kernel for a key, building it with `build` the first time. */
  get(key: string, build: () => Kernel): Kernel {
    let kernel = this.kernels.get(key);
    if (!kernel) {
      kernel = build();
      this.kernels.set(key, kernel);
    }
    return kernel;
  }
  get size(): number {
    return this.kernels.size;
  }
}

/** A sector's horizontal pattern by whole degree of bearing: A_H in dB and 10^(A_H/10). */
export interface SectorPattern {
  db: Float32Array;
  linear: Float32Array;
}

/** 360-entry horizontal pattern A_H(φ) = −min(12 (φ/φ3dB)², A_m) indexed by bearing. */
export function sectorPatternTable(azimuthDeg: number, beamwidthDeg: number): SectorPattern {
  const db = new Float32Array(360);
  const linear = new Float32Array(360);
  for (let bearing = 0; bearing < 360; bearing++) {
    db[bearing] = horizontalAttenuationDb(bearing - azimuthDeg, beamwidthDeg);
    linear[bearing] = 10 ** (db[bearing]! / 10);
  }
  return { db, linear };
}
