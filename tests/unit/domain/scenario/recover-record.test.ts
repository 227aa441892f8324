import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { recoverScenarioRecord } from '../../../../src/domain/scenario/recover-record';
import { CURRENT_SCENARIO_SCHEMA_VERSION } from '../../../../src/domain/scenario/scenario-types';
import { emptyScenario, measurementSet, NOW, site } from '../../support/scenario/scenario-fixtures';

const options = { id: 'key-1', nowIso: NOW, fallbackName: '恢复的方案' };
const withSites = (count: number) =>
  applyChange(emptyScenario(), {
    type: 'putSites',
    sites: Array.from({ length: count }, (_, index) => site(`C${index}`, 121 + index * 1e-4, 31.2)),
  }).scenario;

describe('recoverScenarioRecord', () => {
  it('drops only the invalid sites and says how many of how many', () => {
    const record = structuredClone(withSites(5)) as unknown as Record<string, unknown>;
    const sites = record.addedSites as {
      geometry: { coordinates: number[] };
      properties: Record<string, unknown>;
    }[];
    sites[1]!.geometry.coordinates = [121, 999];
    sites[3]!.properties.heightM = 'tall';
    (record.addedSites as unknown[]).push(null);
    const recovered = recoverScenarioRecord(record, options)!;
    expect(recovered.scenario.addedSites.map((item) => item.properties.id)).toEqual(['C0', 'C2', 'C4']);
    expect(recovered.lost).toEqual([{ list: 'addedSites', lost: 3, announced: 6 }]);
    expect(recovered.scenario.id).toBe('key-1');
    expect(recovered.scenario.name).toBe('方案一');
    expect(recovered.repairedFields).toEqual([]);
  });

  it('counts sites of lost chunks as lost, and keeps a duplicate id once', () => {
    const record = structuredClone(withSites(3)) as unknown as Record<string, unknown>;
    (record.addedSites as unknown[]).push(structuredClone((record.addedSites as unknown[])[0]));
    const recovered = recoverScenarioRecord(record, { ...options, missing: { addedSites: 2000 } })!;
    expect(recovered.scenario.addedSites).toHaveLength(3);
    expect(recovered.lost).toEqual([{ list: 'addedSites', lost: 2001, announced: 2004 }]);
  });

  it('fills a broken header with stand-ins and names them', () => {
    const record = { ...structuredClone(withSites(1)), name: 42, createdAt: 'yesterday', baselineRef: null };
    const recovered = recoverScenarioRecord(record, options)!;
    expect(recovered.scenario.name).toBe('恢复的方案');
    expect(recovered.scenario.createdAt).toBe(NOW);
    expect(recovered.scenario.baselineRef).toEqual({ id: 'unknown' });
    expect(recovered.repairedFields).toEqual(['name', 'createdAt', 'baselineRef']);
    expect(recovered.scenario.addedSites).toHaveLength(1);
  });

  it('drops a measurement set that was lost or is invalid, and a broken calibration, keeping the rest', () => {
    const record = {
      ...withSites(2),
      // A set the measurementSets store no longer held comes back as null (measurement-records.ts).
      measurements: [measurementSet('m-1'), null, { ...measurementSet('m-3'), count: -1 }],
      calibration: { fittedAt: 'never' },
    };
    const recovered = recoverScenarioRecord(record, options)!;
    expect(recovered.scenario.measurements.map((set) => set.id)).toEqual(['m-1']);
    expect(recovered.scenario.measurements[0]!.rsrpDbm).toEqual(Float32Array.from([-90, -91, -92]));
    expect(recovered.lost).toEqual([{ list: 'measurements', lost: 2, announced: 3 }]);
    expect(recovered.scenario.calibration).toBeNull();
    expect(recovered.repairedFields).toEqual(['calibration']);
    expect(recovered.scenario.addedSites).toHaveLength(2);
  });

  it('recovers nothing from what is not a scenario record, or from a newer schema', () => {
    expect(recoverScenarioRecord('text', options)).toBeNull();
    expect(recoverScenarioRecord({ id: 'x' }, options)).toBeNull();
    const newer = { ...withSites(1), schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION + 1 };
    expect(recoverScenarioRecord(newer, options)).toBeNull();
  });

  it('leaves a valid record as it was (nothing lost, nothing repaired)', () => {
    const scenario = withSites(4);
    const recovered = recoverScenarioRecord(structuredClone(scenario), { ...options, id: scenario.id })!;
    expect(recovered.scenario).toEqual(scenario);
    expect(recovered.lost).toEqual([]);
  });
});
