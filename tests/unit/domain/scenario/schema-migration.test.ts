import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { migrateScenarioRecord } from '../../../../src/domain/scenario/migrations';
import { validateScenario } from '../../../../src/domain/scenario/scenario-schema';
import { decideStoredRecord } from '../../../../src/domain/scenario/stored-record';
import { emptyScenario, site } from '../../support/scenario/scenario-fixtures';

/** A record as the v1 IndexedDB layout wrote it. */
const v1Record = {
  schemaVersion: 1,
  id: 'legacy-1',
  name: '旧方案',
  createdAt: Date.UTC(2024, 5, 1, 2, 30),
  updatedAt: Date.UTC(2024, 5, 2, 4, 0),
  baselineId: 'sample',
  candidates: [
    { id: 'C1', lng: 121.4737, lat: 31.2304, name: '人民广场补盲', heightM: 25, band: 'n78' },
    { id: 'C2', lng: 121.5, lat: 31.24, status: 'planned' },
  ],
  modified: { B7: { lng: 121.41, lat: 31.11, heightM: 40, status: 'existing' } },
  removed: ['B9', 'B2', 'B9'],
};

describe('migration v1 → v5 (through v2, v3 and v4)', () => {
  it('turns flat lng/lat candidates into GeoJSON sites and epoch ms into ISO times', () => {
    const decision = decideStoredRecord(v1Record);
    expect(decision.kind).toBe('valid');
    if (decision.kind !== 'valid') return;
    expect(decision.migratedFrom).toBe(1);
    expect(decision.scenario).toEqual({
      id: 'legacy-1',
      name: '旧方案',
      createdAt: '2024-06-01T02:30:00.000Z',
      updatedAt: '2024-06-02T04:00:00.000Z',
      schemaVersion: 5,
      baselineRef: { id: 'sample' },
      addedSites: [
        site('C1', 121.4737, 31.2304, {
          name: '人民广场补盲',
          heightM: 25,
          band: 'n78',
          status: 'candidate',
        }),
        site('C2', 121.5, 31.24, { status: 'planned' }),
      ],
      modifiedSites: [site('B7', 121.41, 31.11, { heightM: 40, status: 'existing' })],
      removedSiteIds: ['B2', 'B9'],
      existingSites: [],
      poles: [],
      measurements: [],
      calibration: null,
    });
  });

  it('does not alter the stored record it migrates', () => {
    const copy = structuredClone(v1Record);
    migrateScenarioRecord(copy);
    expect(copy).toEqual(v1Record);
  });

  it('reports a v1 record with a candidate lacking coordinates as a failed migration', () => {
    const broken = { ...v1Record, candidates: [{ id: 'C1', lat: 31.2 }] };
    expect(decideStoredRecord(broken)).toMatchObject({
      kind: 'quarantine',
      reason: { code: 'migrationFailed', message: expect.stringContaining('candidates[0]') },
    });
  });
});

describe('stored record decisions', () => {
  const current = applyChange(emptyScenario(), {
    type: 'putSites',
    sites: [site('C1', 121.4, 31.2, { heightM: 30, azimuthDeg: 90, beamwidthDeg: 65 })],
  }).scenario;

  it('accepts a current record unchanged', () => {
    expect(decideStoredRecord(structuredClone(current))).toEqual({ kind: 'valid', scenario: current });
  });

  it.each([
    ['a string', 'not a scenario', 'notAnObject'],
    ['no schema version', { ...current, schemaVersion: undefined }, 'missingSchemaVersion'],
    ['a newer schema version', { ...current, schemaVersion: 6 }, 'newerSchemaVersion'],
    ['schema version 0', { ...current, schemaVersion: 0 }, 'unknownSchemaVersion'],
  ])('quarantines %s', (_label, record, code) => {
    expect(decideStoredRecord(record)).toMatchObject({ kind: 'quarantine', reason: { code } });
  });

  it('quarantines a height of 900 m with the path of the bad value', () => {
    const corrupt = structuredClone(current) as unknown as {
      addedSites: { properties: { heightM: number } }[];
    };
    corrupt.addedSites[0]!.properties.heightM = 900;
    const decision = decideStoredRecord(corrupt);
    expect(decision).toMatchObject({ kind: 'quarantine', reason: { code: 'invalid' } });
    if (decision.kind === 'quarantine') {
      expect(decision.reason.issues).toEqual([
        {
          path: 'addedSites[0].properties.heightM',
          code: 'outOfRange',
          params: { min: 1, max: 300, unit: 'm' },
        },
      ]);
      expect(decision.reason.message).toContain('addedSites[0].properties.heightM: outOfRange');
    }
  });

  it('rejects duplicate ids, an existing-status candidate and a broken point', () => {
    const record = {
      ...current,
      addedSites: [site('C1', 121, 31), site('C1', 121, 31, { status: 'existing' })],
      modifiedSites: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [400, 31] }, properties: { id: 'B1' } },
      ],
    };
    const result = validateScenario(record);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => `${issue.path}:${issue.code}`)).toEqual([
        'addedSites[1].properties.status:statusNotAllowed',
        'addedSites[1].properties.id:duplicateId',
        'modifiedSites[0].geometry.coordinates:outOfRange',
      ]);
    }
  });
});
