import { describe, expect, it } from 'vitest';
import {
  type LinkCondition,
  type PropagationModel,
  pathLoss,
} from '../../../../src/domain/propagation/path-loss';

/**
 * Expected values computed independently (a separate Python transcription of 38.901 Table 7.4.1-1, run
 * once by hand; the numbers are pasted here). Distances straddle each breakpoint:
 * UMa d'BP = 560 m, UMi d'BP = 210 m (fc 3.5 GHz, hUT 1.5 m), RMa dBP = 769.7 m (fc 0.7 GHz, hBS 35 m).
 */
const CASES: [PropagationModel, LinkCondition, number, number, number, [number, number][]][] = [
  [
    'uma',
    'los',
    3.5,
    25,
    1.5,
    [
      [50, 77.2122],
      [300, 93.4073],
      [800, 105.5382],
      [2000, 121.4495],
    ],
  ],
  [
    'uma',
    'nlos',
    3.5,
    25,
    1.5,
    [
      [50, 92.5108],
      [300, 121.2792],
      [800, 137.8814],
      [2000, 153.4268],
    ],
  ],
  [
    'umi',
    'los',
    3.5,
    10,
    1.5,
    [
      [50, 79.0896],
      [150, 88.9939],
      [300, 98.2443],
      [1000, 119.1531],
    ],
  ],
  [
    'umi',
    'nlos',
    3.5,
    10,
    1.5,
    [
      [50, 94.1807],
      [150, 110.8292],
      [300, 121.4372],
      [1000, 139.8892],
    ],
  ],
  [
    'rma',
    'los',
    0.7,
    35,
    1.5,
    [
      [100, 70.219],
      [500, 84.6325],
      [1500, 100.4198],
      [4000, 117.4549],
    ],
  ],
  [
    'rma',
    'nlos',
    0.7,
    35,
    1.5,
    [
      [100, 78.6944],
      [500, 104.8433],
      [1500, 123.2427],
      [4000, 139.6957],
    ],
  ],
  [
    'inh',
    'los',
    3.5,
    3,
    1,
    [
      [1, 49.3275],
      [5, 55.9311],
      [20, 65.8266],
      [100, 77.8829],
    ],
  ],
  [
    'inh',
    'nlos',
    3.5,
    3,
    1,
    [
      [1, 49.3275],
      [5, 58.8522],
      [20, 80.7595],
      [100, 107.4506],
    ],
  ],
];

describe('3GPP TR 38.901 path loss', () => {
  for (const [model, condition, fcGhz, hBsM, hUtM, points] of CASES) {
    it(`${model} ${condition} matches independently computed values to 0.01 dB`, () => {
      for (const [d2dM, expected] of points) {
        const result = pathLoss({ model, condition, fcGhz, d2dM, hBsM, hUtM });
        expect(result.pathLossDb, `${model} ${condition} at ${d2dM} m`).toBeCloseTo(expected, 2);
        expect(Math.abs(result.pathLossDb - expected)).toBeLessThan(0.01);
        expect(result.clamped).toEqual([]);
      }
    });
  }

  it('reports the breakpoints', () => {
    expect(
      pathLoss({ model: 'uma', condition: 'los', fcGhz: 3.5, d2dM: 100, hBsM: 25, hUtM: 1.5 }).breakpointM,
    ).toBeCloseTo(560, 6);
    expect(
      pathLoss({ model: 'umi', condition: 'los', fcGhz: 3.5, d2dM: 100, hBsM: 10, hUtM: 1.5 }).breakpointM,
    ).toBeCloseTo(210, 6);
    expect(
      pathLoss({ model: 'rma', condition: 'los', fcGhz: 0.7, d2dM: 100, hBsM: 35, hUtM: 1.5 }).breakpointM,
    ).toBeCloseTo(769.69, 2);
  });

  it('UMa LOS is continuous at the breakpoint (both formulas meet)', () => {
    const below = pathLoss({
      model: 'uma',
      condition: 'los',
      fcGhz: 3.5,
      d2dM: 559.999,
      hBsM: 25,
      hUtM: 1.5,
    }).pathLossDb;
    const above = pathLoss({
      model: 'uma',
      condition: 'los',
      fcGhz: 3.5,
      d2dM: 560.001,
      hBsM: 25,
      hUtM: 1.5,
    }).pathLossDb;
    expect(Math.abs(above - below)).toBeLessThan(0.01);
  });

  it('NLOS is never below LOS, and is floored by it where the NLOS formula alone would be lower', () => {
    for (const model of ['uma', 'umi', 'rma', 'inh'] as const) {
      for (const d2dM of [10, 30, 100, 140, 400, 1000, 3000]) {
        const base = { model, fcGhz: 3.5, d2dM, hBsM: model === 'inh' ? 3 : 25, hUtM: 1.5 };
        const los = pathLoss({ ...base, condition: 'los' }).pathLossDb;
        const nlos = pathLoss({ ...base, condition: 'nlos' }).pathLossDb;
        expect(nlos).toBeGreaterThanOrEqual(los);
      }
    }
    // InH at 1 m: NLOS' = 44.23 dB < LOS 49.33 dB, so NLOS reports the LOS value.
    const nlos = pathLoss({
      model: 'inh',
      condition: 'nlos',
      fcGhz: 3.5,
      d2dM: 1,
      hBsM: 3,
      hUtM: 1,
    }).pathLossDb;
    expect(nlos).toBeCloseTo(49.3275, 3);
  });

  it('clamps inputs outside the validity range and says which', () => {
    const near = pathLoss({ model: 'uma', condition: 'nlos', fcGhz: 3.5, d2dM: 2, hBsM: 25, hUtM: 1.5 });
    const atMinimum = pathLoss({
      model: 'uma',
      condition: 'nlos',
      fcGhz: 3.5,
      d2dM: 10,
      hBsM: 25,
      hUtM: 1.5,
    });
    expect(near.clamped).toEqual(['d2dM']);
    expect(near.pathLossDb).toBe(atMinimum.pathLossDb);
    const far = pathLoss({ model: 'inh', condition: 'los', fcGhz: 3.5, d2dM: 400, hBsM: 3, hUtM: 1 });
    expect(far.clamped).toEqual(['d2dM']);
    expect(far.used.d2dM).toBe(150);
    const tallUser = pathLoss({ model: 'rma', condition: 'los', fcGhz: 40, d2dM: 500, hBsM: 35, hUtM: 20 });
    expect(tallUser.clamped.sort()).toEqual(['fcGhz', 'hUtM']);
    expect(tallUser.used.fcGhz).toBe(30);
    expect(tallUser.used.hUtM).toBe(10);
  });
});
