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
  /** Bearing from the site to each cell, whole degrees clockwise from north (for sector patterns). */
  bearings: Uint16Array;
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
  const values: number[] = [];
  const bearings: number[] = [];
  // The kernel is symmetric: evaluate each |dy| row once (dx ≥ 0) and mirror it.
  const rowValues: number[][] = [];
  for (let dy = 0; dy <= reachRows; dy++) {
    const dyM = dy * cellHeightM;
    const row: number[] = [];
    for (let dx = 0; ; dx++) {
      const distance = Math.hypot(dx * cellWidthM, dyM);
      if (distance > maxDistanceM) break;
      const value = valueAtDistance(distance);
      if (value <= cutValue) break;
      row.push(value);
    }
    rowValues.push(row);
  }
  for (let dy = -reachRows; dy <= reachRows; dy++) {
    const dyM = dy * cellHeightM;
    const row = rowValues[Math.abs(dy)]!;
    const half = row.length - 1;
    rowStarts[dy + reachRows] = values.length;
    halfWidths[dy + reachRows] = half;
    for (let dx = -half; dx <= half; dx++) {
      values.push(row[Math.abs(dx)]!);
      // Row index grows southwards, so north is −dy.
      const bearing = (Math.atan2(dx * cellWidthM, -dyM) * 180) / Math.PI;
      bearings.push(Math.round((bearing + 360) % 360) % 360);
    }
  }
  return {
    reachRows,
    halfWidths,
    rowStarts,
    values: Float32Array.from(values),
    bearings: Uint16Array.from(bearings),
  };
}

export interface PathLossProfile {
  model: PropagationModel;
  condition: 'los' | 'nlos' | 'expected';
  fcGhz: number;
  hBsM: number;
  hUtM: number;
}

/** −PL(d) in dB for a profile; 'expected' weights LOS and NLOS (dB) by the 38.901 LOS probability. */
export function negativePathLoss(profile: PathLossProfile): (distanceM: number) => number {
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
