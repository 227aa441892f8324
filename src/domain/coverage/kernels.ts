/**
 * Precomputed per-profile "stamps": the value a site contributes to each integer cell offset around
 * its own cell. A site's coverage is then a max-merge of its kernel (plus a per-site dB offset and, for
 * sectors, a per-bearing attenuation) into the grid — no path-loss evaluation per site.
 */
import { losProbability, type PropagationModel, pathLoss } from '../propagation/path-loss';

export interface Kernel {
  /** Rows above and below the centre row. */
  reachRows: number;
  /** Per row offset dy (index dy + reachRows): half width in cells, −1 when the row is empty. */
  halfWidths: Int32Array;
  /** Per row offset: index of its first value in `values`. */
  rowStarts: Int32Array;
  values: Float32Array;
  /** Bearing from the site to each cell, whole degrees clockwise from north; built on first sector use. */
  bearings: Uint16Array | undefined;
  cellHeightM: number;
  cellWidthM: number;
}

/** Fill a kernel's bearing table (sectors need it; omnidirectional sites never pay for it). */
export function ensureBearings(kernel: Kernel): Uint16Array {
  if (kernel.bearings) return kernel.bearings;
  const bearings = new Uint16Array(kernel.values.length);
  let index = 0;
  for (let dy = -kernel.reachRows; dy <= kernel.reachRows; dy++) {
    const half = kernel.halfWidths[dy + kernel.reachRows]!;
    for (let dx = -half; dx <= half; dx++) {
      // Row index grows southwards, so north is −dy.
      const bearing = (Math.atan2(dx * kernel.cellWidthM, -dy * kernel.cellHeightM) * 180) / Math.PI;
      bearings[index++] = Math.round((bearing + 360) % 360) % 360;
    }
  }
  kernel.bearings = bearings;
  return bearings;
}

/**
 * Build a kernel from a value-by-distance function that decreases with distance. Offsets with a value
 * above `cutValue` and a distance within `maxDistanceM` are kept.
 */
export function buildKernel(
  valueAtDistance: (distanceM: number) => number,
  cutValue: number,
  maxDistanceM: number,
  cellHeightM: number,
  cellWidthM: number,
): Kernel {
  // Reach: march outwards until the value falls to the cut (monotone in distance).
  const step = Math.min(cellHeightM, cellWidthM) / 4;
  let reachM = 0;
  while (reachM + step <= maxDistanceM && valueAtDistance(reachM + step) > cutValue) reachM += step;
  reachM += step;
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
    for (let dx = 0; ; dx++) {
      const distance = Math.hypot(dx * cellWidthM, dyM);
      if (distance > maxDistanceM) break;
      const value = valueAtDistance(distance);
      if (value <= cutValue) break;
      scratch.push(value);
    }
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

/** 360-entry horizontal attenuation table indexed by bearing, for a sector's azimuth and beamwidth. */
export function sectorPatternTable(
  azimuthDeg: number,
  beamwidthDeg: number,
  frontToBackDb: number,
): Float32Array {
  const table = new Float32Array(360);
  for (let bearing = 0; bearing < 360; bearing++) {
    let angle = Math.abs(bearing - azimuthDeg) % 360;
    if (angle > 180) angle = 360 - angle;
    table[bearing] = -Math.min(12 * (angle / beamwidthDeg) ** 2, frontToBackDb);
  }
  return table;
}
