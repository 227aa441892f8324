import { describe, expect, it } from 'vitest';
import { correctionDb, readCorrections } from '../../../../src/domain/calibration/corrections';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { columnCentreLon, rowCentreLat } from '../../../../src/domain/coverage/grid';
import { prepareProbeSites, probePoint } from '../../../../src/domain/coverage/probe';
import { coverageStats } from '../../../../src/domain/coverage/report';
import { city, site } from '../../support/coverage/synthetic-city';

const corrections = readCorrections([
  {
    environment: 'dense_urban',
    offsetDb: 7,
    slopeDbPerDecade: 4,
    samples: 500,
    minDistanceM: 50,
    maxDistanceM: 2000,
  },
]);

describe('a calibration in the model', () => {
  const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
  const { grid } = engine.city;
  const row = Math.floor((grid.north - 31.23) / grid.latStepDeg);
  const column = Math.floor((121.42 - grid.west) / grid.lonStepDeg);
  const sites = [site('a', columnCentreLon(grid, column), rowCentreLat(grid, row))];

  it('lowers the probe RSRP by the class correction at the distance, and adds it to the path loss', () => {
    const point: [number, number] = [columnCentreLon(grid, column + 8), rowCentreLat(grid, row + 3)];
    const plain = probePoint(
      prepareProbeSites(sites, engine.city, engine.settings),
      engine.settings,
      ...point,
    );
    const calibratedSettings = { ...engine.settings, corrections };
    const calibrated = probePoint(
      prepareProbeSites(sites, engine.city, calibratedSettings),
      calibratedSettings,
      ...point,
    );
    const distanceM = Math.hypot(8 * grid.rowCellWidthM[row]!, 3 * grid.cellM);
    const expected = correctionDb(corrections[0], distanceM);
    expect(expected).toBeGreaterThan(3);
    expect(plain.rsrpDbm! - calibrated.rsrpDbm!).toBeCloseTo(expected, 1);
    expect(calibrated.servers[0]!.pathLossDb - plain.servers[0]!.pathLossDb).toBeCloseTo(expected, 1);
  });

  it('lowers every grid cell by the same correction, shrinks the covered area, and restores it when removed', () => {
    engine.computeAll(sites);
    const before = Float32Array.from(engine.arrays.best);
    const coveredBefore = coverageStats(engine).coveredKm2;
    engine.setSettings({ corrections });
    const cell = (dRow: number, dColumn: number) => (row + dRow) * grid.columns + column + dColumn;
    for (const [dRow, dColumn] of [
      [0, 4],
      [5, 5],
      [-10, 2],
    ] as const) {
      const distanceM = Math.hypot(dColumn * grid.rowCellWidthM[row]!, dRow * grid.cellM);
      const drop = before[cell(dRow, dColumn)]! - engine.arrays.best[cell(dRow, dColumn)]!;
      expect(drop).toBeCloseTo(correctionDb(corrections[0], distanceM), 0);
    }
    expect(coverageStats(engine).coveredKm2).toBeLessThan(coveredBefore);
    engine.setSettings({ corrections: [] });
    expect(coverageStats(engine).coveredKm2).toBe(coveredBefore);
    expect(engine.arrays.best).toEqual(before);
  });

  it('refuses a correction that is not one', () => {
    expect(() => engine.setSettings({ corrections: [{ environment: 'urban' } as never] })).toThrow(
      RangeError,
    );
  });
});
