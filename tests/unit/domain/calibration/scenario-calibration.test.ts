import { describe, expect, it } from 'vitest';
import type { MeasurementSet } from '../../../../src/domain/calibration/measurement-set';
import {
  type CalibrationIssue,
  checkMeasurementSet,
  checkMeasurementSetInSlices,
  type ScenarioCalibration,
} from '../../../../src/domain/calibration/scenario-calibration';
import { parseScenarioFile, serializeScenarioFile } from '../../../../src/domain/export/scenario-file';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { migrateScenarioRecord } from '../../../../src/domain/scenario/migrations';
import { validateScenario } from '../../../../src/domain/scenario/scenario-schema';
import { emptyScenario } from '../../support/scenario/scenario-fixtures';

function measurementSet(id: string, count = 3): MeasurementSet {
  return {
    id,
    name: `${id}.csv`,
    importedAt: '2026-11-02T08:00:00.000Z',
    crs: 'gcj02',
    count,
    rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
    lon: Float64Array.from({ length: count }, (_, index) => 121.47 + index * 1e-4),
    lat: Float64Array.from({ length: count }, () => 31.23),
    rsrpDbm: Float32Array.from({ length: count }, (_, index) => -90 - index),
    sinrDb: Float32Array.from({ length: count }, (_, index) => (index === 1 ? Number.NaN : 10.5)),
    pci: Int16Array.from({ length: count }, (_, index) => (index === 2 ? -1 : 300 + index)),
    cellIndex: Int32Array.from({ length: count }, (_, index) => index % 2),
    cellIds: ['C-1', '小区 2'],
  };
}

const calibration: ScenarioCalibration = {
  fittedAt: '2026-11-02T09:00:00.000Z',
  measurementSetIds: ['m-1'],
  samples: 3,
  before: { count: 3, meanErrorDb: 8, stdDb: 5, rmseDb: 9.4 },
  after: { count: 3, meanErrorDb: 0, stdDb: 5, rmseDb: 5 },
  corrections: [
    {
      environment: 'urban',
      offsetDb: 8,
      slopeDbPerDecade: 0,
      samples: 300,
      standardErrorDb: 0.3,
      slopeStandardErrorDb: null,
      residualStdDb: 5,
      minDistanceM: 20,
      maxDistanceM: 900,
    },
  ],
  uncorrected: [{ environment: 'rural', samples: 12, reason: 'tooFewSamples', minimum: 100 }],
};

describe('scenario schema v5: measurements and calibration', () => {
  it('migrates a v4 record to empty measurements and no calibration', () => {
    const { measurements: _m, calibration: _c, ...v4 } = { ...emptyScenario(), schemaVersion: 4 };
    const result = migrateScenarioRecord(v4);
    expect(result).toMatchObject({ ok: true, fromVersion: 4 });
    if (!result.ok) return;
    expect(result.record).toMatchObject({ schemaVersion: 5, measurements: [], calibration: null });
    expect(validateScenario(result.record).ok).toBe(true);
  });

  it('accepts a scenario with sets and a calibration, and sorts sets by id', () => {
    const scenario = {
      ...emptyScenario(),
      measurements: [measurementSet('m-2'), measurementSet('m-1')],
      calibration,
    };
    const validation = validateScenario(scenario);
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(validation.scenario.measurements.map((set) => set.id)).toEqual(['m-1', 'm-2']);
  });

  it('reports a column of the wrong length, an impossible RSRP and a cell index past the ids', () => {
    const bad = measurementSet('m-bad');
    const broken = {
      ...bad,
      lat: new Float64Array(2),
      rsrpDbm: Float32Array.of(-90, -5, -91),
      cellIndex: Int32Array.of(0, 1, 2),
    };
    const validation = validateScenario({ ...emptyScenario(), measurements: [broken] });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
      'measurements[0].lat wrongColumn',
      'measurements[0].rsrpDbm[1] outOfRange',
      'measurements[0].cellIndex[2] outOfRange',
    ]);
  });

  it('refuses a calibration with a broken correction', () => {
    const broken = {
      ...calibration,
      corrections: [{ ...calibration.corrections[0]!, offsetDb: Number.NaN }],
    };
    const validation = validateScenario({ ...emptyScenario(), calibration: broken });
    expect(validation.ok).toBe(false);
  });

  it('round-trips sets (NaN SINR, missing PCI, Chinese cell ids) and the calibration through the scenario file', () => {
    const scenario = { ...emptyScenario(), measurements: [measurementSet('m-1', 5)], calibration };
    const text = serializeScenarioFile(scenario);
    const parsed = parseScenarioFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [set] = parsed.scenario.measurements;
    expect(set!.rsrpDbm).toBeInstanceOf(Float32Array);
    expect(set).toEqual(scenario.measurements[0]);
    expect(Number.isNaN(set!.sinrDb![1])).toBe(true);
    expect(parsed.scenario.calibration).toEqual(calibration);
    // One column per line, not one number per line.
    expect(text.split('\n').length).toBeLessThan(120);
  });

  it('puts, deletes and applies as undoable changes whose inverse restores the scenario exactly', () => {
    const start = { ...emptyScenario(), measurements: [measurementSet('m-1'), measurementSet('m-3')] };
    const changes = [
      { type: 'putMeasurements', sets: [measurementSet('m-2')] },
      { type: 'putMeasurements', sets: [measurementSet('m-1')] },
      { type: 'deleteMeasurements', ids: ['m-1', 'm-3'] },
      { type: 'setCalibration', calibration },
    ] as const;
    for (const change of changes) {
      const applied = applyChange(start, change);
      expect(applied.scenario).not.toBe(start);
      expect(applyChange(applied.scenario, applied.inverse).scenario).toEqual(start);
    }
    const put = applyChange(start, changes[0]).scenario;
    expect(put.measurements.map((set) => set.id)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(applyChange(start, { type: 'deleteMeasurements', ids: ['nope'] }).scenario).toBe(start);
  });
});

describe('a large measurement set is checked in slices (the main thread is not blocked)', () => {
  it('pauses between slices, finds what the one-go check finds, and the one-go check then knows the set', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const good = measurementSet('big', 200_000);
    // The fixture's PCIs and levels run out of range past a few dozen rows.
    good.pci!.fill(-1);
    good.rsrpDbm.fill(-90);
    const goodIssues: CalibrationIssue[] = [];
    await checkMeasurementSetInSlices(good, 'm', goodIssues, pause);
    expect(goodIssues).toEqual([]);
    // Seven columns (no times) of 200,000 values, a pause every 32,768 values of a column.
    expect(pauses).toBe(7 * 6);
    pauses = 0;
    expect(checkMeasurementSet(good, 'm', [])).toBe(true);
    expect(await checkMeasurementSetInSlices(good, 'm', [], pause)).toBe(true);
    expect(pauses).toBe(0);

    const bad = measurementSet('bad', 100_000);
    bad.pci!.fill(-1);
    bad.rsrpDbm.fill(-90);
    bad.rsrpDbm[70_000] = -10;
    const sliced: CalibrationIssue[] = [];
    const oneGo: CalibrationIssue[] = [];
    expect(await checkMeasurementSetInSlices(bad, 'm', sliced, pause)).toBe(false);
    expect(checkMeasurementSet(bad, 'm', oneGo)).toBe(false);
    expect(sliced.map((issue) => issue.path)).toEqual(['m.rsrpDbm[70000]']);
    expect(oneGo).toEqual(sliced);
  });
});
