/**
 * Kernel building was made faster without changing a bit of its output: −PL tables read an
 * allocation-free form of the path-loss formulas, and sector kernels copy bearings from a grid shared per
 * cell size and mirror their floors. Each is compared here with the straightforward computation it
 * replaced (the public pathLoss(), and atan2 / the vertical pattern per cell).
 */
import { describe, expect, it } from 'vitest';
import { buildKernel, ensureBearings, exactNegativePathLoss } from '../../../../src/domain/coverage/kernels';
import {
  depressionAngleDeg,
  verticalAttenuationDb,
} from '../../../../src/domain/propagation/antenna-pattern';
import {
  losProbability,
  type PropagationModel,
  pathLoss,
  pathLossByDistance,
} from '../../../../src/domain/propagation/path-loss';

const MODELS: PropagationModel[] = ['uma', 'umi', 'rma', 'inh'];
// Inside and outside every model's ranges, breakpoints included (clamping must match too).
const DISTANCES_M = [
  0, 0.5, 1, 3, 9.99, 10, 10.01, 37, 149, 150, 151, 480, 999, 2345.6, 4999, 5000, 5001, 9000, 12000,
];
const HEIGHTS = [
  [2, 1.5],
  [10, 1.5],
  [25, 1.5],
  [31.5, 2],
  [60, 12],
  [160, 0.3],
] as const;

describe('path loss by distance (kernel tables)', () => {
  it('equals pathLoss() bit for bit for every model, condition, frequency and height', () => {
    let compared = 0;
    for (const model of MODELS) {
      for (const condition of ['los', 'nlos'] as const) {
        for (const fcGhz of [0.2, 0.7, 2.6, 3.5, 4.9, 40, 120]) {
          for (const [hBsM, hUtM] of HEIGHTS) {
            const byDistance = pathLossByDistance(model, condition, fcGhz, hBsM, hUtM);
            for (const d2dM of DISTANCES_M) {
              const expected = pathLoss({ model, condition, fcGhz, d2dM, hBsM, hUtM }).pathLossDb;
              expect(Object.is(byDistance(d2dM), expected)).toBe(true);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(4 * 2 * 7 * 6 * DISTANCES_M.length);
  });

  it("'expected' weights LOS and NLOS by P_LOS exactly as written from pathLoss()", () => {
    for (const model of MODELS) {
      const profile = { model, condition: 'expected' as const, fcGhz: 3.5, hBsM: 28.5, hUtM: 1.5 };
      const fast = exactNegativePathLoss(profile);
      for (const d2dM of DISTANCES_M) {
        const base = { model, fcGhz: 3.5, d2dM, hBsM: 28.5, hUtM: 1.5 };
        const los = pathLoss({ ...base, condition: 'los' }).pathLossDb;
        const nlos = pathLoss({ ...base, condition: 'nlos' }).pathLossDb;
        const probability = losProbability(model, Math.max(d2dM, 10));
        expect(Object.is(fast(d2dM), -(probability * los + (1 - probability) * nlos))).toBe(true);
      }
    }
  });
});

describe('sector kernel bearings and floors', () => {
  it('equal atan2 and the vertical pattern evaluated cell by cell', () => {
    for (const [cellHeightM, cellWidthM] of [
      [50, 49.75],
      [50, 50.25],
      [25, 24.9],
    ] as const) {
      const vertical = (distanceM: number) =>
        verticalAttenuationDb(depressionAngleDeg(30, 1.5, distanceM), 6, 10);
      const value = (distanceM: number) =>
        -30 - 25 * Math.log10(Math.max(distanceM, 1)) + vertical(distanceM);
      const kernel = buildKernel(value, -125, 3000, cellHeightM, cellWidthM, vertical);
      // A second kernel of the same cell size first, so the shared bearing grid is reused (and regrown).
      ensureBearings(buildKernel(value, -90, 3000, cellHeightM, cellWidthM, vertical));
      ensureBearings(kernel);
      let index = 0;
      let checked = 0;
      for (let dy = -kernel.reachRows; dy <= kernel.reachRows; dy++) {
        const half = kernel.halfWidths[dy + kernel.reachRows]!;
        for (let dx = -half; dx <= half; dx++, index++) {
          const eastM = dx * cellWidthM;
          const northM = -dy * cellHeightM;
          const bearing = (Math.atan2(eastM, northM) * 180) / Math.PI;
          expect(kernel.bearings![index]).toBe(Math.round((bearing + 360) % 360) % 360);
          expect(kernel.sectorFloors![index]).toBe(Math.fround(-30 - vertical(Math.hypot(eastM, northM))));
          checked++;
        }
      }
      expect(checked).toBe(kernel.values.length);
      expect(checked).toBeGreaterThan(5000);
    }
  });
});
