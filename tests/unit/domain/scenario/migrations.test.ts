import { describe, expect, it } from 'vitest';
import { parseScenarioFile, SCENARIO_FILE_FORMAT } from '../../../../src/domain/export/scenario-file';
import { migrateScenarioRecord } from '../../../../src/domain/scenario/migrations';
import { decideStoredRecord } from '../../../../src/domain/scenario/stored-record';
import { emptyScenario, site } from '../../support/scenario/scenario-fixtures';

/** A v3 record as build 3 stored it: imported sites carried the sheet's total tilt as `tiltDeg`. */
const v3Record = () => ({
  ...emptyScenario(),
  schemaVersion: 3,
  addedSites: [site('C1', 121.4, 31.2, { tiltDeg: 8 } as never), site('C2', 121.41, 31.2, { heightM: 30 })],
  modifiedSites: [site('B7', 121.41, 31.11, { status: 'existing', tiltDeg: 4.5 } as never)],
  existingSites: [site('E1', 121.42, 31.21, { status: 'existing', kind: 'macro', tiltDeg: -2 } as never)],
});

describe('migration v3 → v4: the recorded total tilt', () => {
  it('becomes the electrical tilt with a mechanical tilt of 0, in every site list', () => {
    const decision = decideStoredRecord(v3Record());
    expect(decision.kind).toBe('valid');
    if (decision.kind !== 'valid') return;
    expect(decision.migratedFrom).toBe(3);
    const { scenario } = decision;
    expect(scenario.schemaVersion).toBe(5);
    expect(scenario.addedSites[0]!.properties).toEqual({
      id: 'C1',
      status: 'candidate',
      mechanicalTiltDeg: 0,
      electricalTiltDeg: 8,
    });
    // A site without a recorded tilt is untouched: the kind/band defaults apply to it.
    expect(scenario.addedSites[1]!.properties).toEqual({ id: 'C2', status: 'candidate', heightM: 30 });
    expect(scenario.modifiedSites[0]!.properties).toMatchObject({
      mechanicalTiltDeg: 0,
      electricalTiltDeg: 4.5,
    });
    expect(scenario.existingSites[0]!.properties).toMatchObject({
      mechanicalTiltDeg: 0,
      electricalTiltDeg: -2,
    });
    for (const list of [scenario.addedSites, scenario.modifiedSites, scenario.existingSites]) {
      for (const feature of list) expect(feature.properties).not.toHaveProperty('tiltDeg');
    }
  });

  it('keeps a tilt that is not a number as it was (nothing is lost) and leaves the record valid', () => {
    const record = v3Record();
    record.addedSites = [site('C1', 121.4, 31.2, { tiltDeg: 'about 6' } as never)];
    const result = migrateScenarioRecord(record);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sites = result.record.addedSites as { properties: Record<string, unknown> }[];
    expect(sites[0]!.properties.tiltDeg).toBe('about 6');
    expect(sites[0]!.properties).not.toHaveProperty('electricalTiltDeg');
  });

  it('refuses a v3 record that already has v4 tilt fields next to tiltDeg rather than guess', () => {
    const record = v3Record();
    record.addedSites = [site('C1', 121.4, 31.2, { tiltDeg: 6, electricalTiltDeg: 2 } as never)];
    expect(migrateScenarioRecord(record)).toMatchObject({ ok: false, code: 'migrationFailed' });
  });

  it('migrates a v3 scenario file on import as well', () => {
    const record = v3Record();
    const text = JSON.stringify({ format: SCENARIO_FILE_FORMAT, schemaVersion: 3, scenario: record });
    const parsed = parseScenarioFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.migratedFrom).toBe(3);
    expect(parsed.scenario.addedSites[0]!.properties.electricalTiltDeg).toBe(8);
  });

  it('does not alter the stored record it migrates', () => {
    const record = v3Record();
    const copy = structuredClone(record);
    migrateScenarioRecord(record);
    expect(record).toEqual(copy);
  });
});
