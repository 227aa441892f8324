import { describe, expect, it } from 'vitest';
import type { MeasurementSet } from '../../../src/domain/calibration/measurement-set';
import { CoverageEngine } from '../../../src/domain/coverage/coverage-engine';
import { createCalibrationMethods, FAR_ROWS_SENT } from '../../../src/engine/calibration-api';
import { city, site } from '../support/coverage/synthetic-city';

const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
engine.computeAll([site('a', 121.47, 31.23), site('b', 121.48, 31.235)]);
const methods = createCalibrationMethods(
  (task) => Promise.resolve(task()),
  () => engine,
);

/** `near` samples 300 m east of site a, then `far` samples out at sea, 40 km from both sites. */
function measurementSet(id: string, near: number, far: number): MeasurementSet {
  const count = near + far;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    // The far positions carry datum-conversion digits, which the user should not see.
    lon[index] = index < near ? 121.4732 : 121.9000000123;
    lat[index] = index < near ? 31.23 : 31.6000000456;
  }
  return {
    id,
    name: `${id}.csv`,
    importedAt: '2026-12-04T00:00:00Z',
    crs: 'gcj02',
    count,
    rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
    lon,
    lat,
    rsrpDbm: new Float32Array(count).fill(-95),
  };
}

describe('calibration in the coverage worker: rows far from every site', () => {
  it('lists them with their set, row and a short position, counts all, and sends at most FAR_ROWS_SENT', async () => {
    await methods.putMeasurementSet(measurementSet('drive', 3, FAR_ROWS_SENT + 5));
    const reply = await methods.calibrationReport(1, ['drive'], null);
    expect(reply.report.samples).toBe(3);
    expect(reply.farFromSites).toBe(FAR_ROWS_SENT + 5);
    expect(reply.farRows).toHaveLength(FAR_ROWS_SENT);
    expect(reply.farRows[0]).toEqual({
      setId: 'drive',
      row: 5,
      reason: 'farFromSites',
      params: { lon: 121.9, lat: 31.6 },
    });
  });
});
