import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseScenarioFile,
  SCENARIO_FILE_FORMAT,
  serializeScenarioFile,
} from '../../../../src/domain/export/scenario-file';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { changeArbitrary, emptyScenario, site } from '../../support/scenario/scenario-fixtures';

describe('scenario file', () => {
  it('round-trips any scenario reachable by editing, losslessly', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 20 }), (changes) => {
        const scenario = changes.reduce(
          (current, change) => applyChange(current, change).scenario,
          emptyScenario(),
        );
        const text = serializeScenarioFile(scenario);
        const parsed = parseScenarioFile(text);
        expect(parsed).toEqual({ ok: true, scenario });
        if (parsed.ok) expect(serializeScenarioFile(parsed.scenario)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the versioned envelope', () => {
    const file = JSON.parse(serializeScenarioFile(emptyScenario()));
    expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'scenario']);
    expect(file.format).toBe(SCENARIO_FILE_FORMAT);
    expect(file.schemaVersion).toBe(5);
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseScenarioFile(`\uFEFF${serializeScenarioFile(emptyScenario())}`).ok).toBe(true);
  });

  it('migrates a v1 scenario inside a file', () => {
    const v1 = {
      schemaVersion: 1,
      id: 'old',
      name: '旧',
      createdAt: 0,
      updatedAt: 0,
      baselineId: 'sample',
      candidates: [{ id: 'C1', lng: 121, lat: 31 }],
    };
    const parsed = parseScenarioFile(
      JSON.stringify({ format: SCENARIO_FILE_FORMAT, schemaVersion: 1, scenario: v1 }),
    );
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1 });
    if (parsed.ok) expect(parsed.scenario.addedSites).toEqual([site('C1', 121, 31)]);
  });

  const valid = JSON.parse(serializeScenarioFile(emptyScenario()));
  it.each([
    ['text that is not JSON', '{"format":', 'notJson'],
    ['a GeoJSON file', JSON.stringify({ type: 'FeatureCollection', features: [] }), 'notAScenarioFile'],
    ['an array', '[]', 'notAScenarioFile'],
    ['mismatched versions', JSON.stringify({ ...valid, schemaVersion: 1 }), 'versionMismatch'],
    [
      'a newer version',
      JSON.stringify({ ...valid, schemaVersion: 9, scenario: { ...valid.scenario, schemaVersion: 9 } }),
      'newerSchemaVersion',
    ],
    [
      'a site with a bad band',
      JSON.stringify({
        ...valid,
        scenario: { ...valid.scenario, addedSites: [site('C1', 121, 31, { band: 'n99' as 'n78' })] },
      }),
      'invalid',
    ],
  ])('rejects %s with a clear code', (_label, text, code) => {
    const parsed = parseScenarioFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message.length).toBeGreaterThan(5);
    }
  });
});
