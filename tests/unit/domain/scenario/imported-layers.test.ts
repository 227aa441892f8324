/** Schema v3: imported existing sites and imported poles in a scenario (migration, validation, edits). */
import { describe, expect, it } from 'vitest';
import { parseScenarioFile, serializeScenarioFile } from '../../../../src/domain/export/scenario-file';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { beginModificationChange, siteOrigin } from '../../../../src/domain/history/change-builders';
import { commitChange, createSession, redo, undo } from '../../../../src/domain/history/history';
import { scenarioBaseline } from '../../../../src/domain/scenario/baseline-with-imports';
import { migrateScenarioRecord } from '../../../../src/domain/scenario/migrations';
import { diffScenarioSites, materializeScenarioSites } from '../../../../src/domain/scenario/scenario';
import { validateScenario } from '../../../../src/domain/scenario/scenario-schema';
import { decideStoredRecord } from '../../../../src/domain/scenario/stored-record';
import type { PoleFeature } from '../../../../src/domain/types';
import { emptyScenario, NOW, site, smallBaseline } from '../../support/scenario/scenario-fixtures';

const pole = (id: string, longitude: number, latitude: number, heightM = 10): PoleFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, latitude] },
  properties: { id, heightM },
});

const existing = [
  site('OP-2', 121.48, 31.23, { status: 'existing', name: '运营商站 2' }),
  site('OP-1', 121.47, 31.22, { status: 'existing', band: 'n41' }),
];
const poles = [pole('IP-2', 121.5, 31.25, 12), pole('IP-1', 121.49, 31.24)];

/** An import of existing sites and of poles, each as the one change the import dialog commits. */
const imported = () => {
  const withSites = applyChange(emptyScenario(), { type: 'putExistingSites', sites: existing }).scenario;
  return applyChange(withSites, { type: 'putPoles', poles }).scenario;
};

/** A scenario record as build 2 stored it in IndexedDB. */
const v2Record = () => {
  const { existingSites: _sites, poles: _poles, ...rest } = emptyScenario();
  return {
    ...rest,
    schemaVersion: 2,
    addedSites: [site('C1', 121.4, 31.2, { heightM: 30 })],
    removedSiteIds: ['B3'],
  };
};

describe('migration v2 → v5 (through v3 and v4)', () => {
  it('keeps every v2 field and starts with no imported existing sites or poles', () => {
    const decision = decideStoredRecord(v2Record());
    expect(decision).toEqual({
      kind: 'valid',
      migratedFrom: 2,
      scenario: {
        ...v2Record(),
        schemaVersion: 5,
        existingSites: [],
        poles: [],
        measurements: [],
        calibration: null,
      },
    });
  });

  it('refuses a v2 record that already carries v3 fields rather than guess', () => {
    const result = migrateScenarioRecord({ ...v2Record(), poles: [] });
    expect(result).toMatchObject({ ok: false, code: 'migrationFailed' });
  });
});

describe('validation of imported sites and poles', () => {
  const issuesOf = (record: unknown) => {
    const result = validateScenario(record);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path}:${issue.code}`);
  };

  it('accepts an import and returns both lists sorted by id', () => {
    const result = validateScenario({ ...emptyScenario(), existingSites: existing, poles });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.existingSites.map((feature) => feature.properties.id)).toEqual(['OP-1', 'OP-2']);
    expect(result.scenario.poles.map((feature) => feature.properties.id)).toEqual(['IP-1', 'IP-2']);
  });

  it('rejects a non-existing status, a missing status and an id an added site already has', () => {
    const record = {
      ...emptyScenario(),
      addedSites: [site('C1', 121, 31)],
      existingSites: [
        site('E1', 121, 31, { status: 'candidate' }),
        { ...site('E2', 121, 31), properties: { id: 'E2' } },
        site('C1', 121, 31, { status: 'existing' }),
      ],
    };
    expect(issuesOf(record)).toEqual([
      'existingSites[0].properties.status:statusNotAllowed',
      'existingSites[1].properties.status:required',
      'existingSites[2].properties.id:duplicateId',
    ]);
  });

  it('rejects poles without a height, with a height of 900 m, unknown fields or duplicate ids', () => {
    const record = {
      ...emptyScenario(),
      poles: [
        { ...pole('P1', 121, 31), properties: { id: 'P1' } },
        pole('P2', 121, 31, 900),
        { ...pole('P3', 121, 31), properties: { id: 'P3', heightM: 10, status: 'existing' } },
        pole('P2', 121.1, 31.1),
      ],
    };
    expect(issuesOf(record)).toEqual([
      'poles[0].properties.heightM:required',
      'poles[1].properties.heightM:outOfRange',
      'poles[2].properties.status:unknownField',
      'poles[3].properties.id:duplicateId',
    ]);
  });

  it('rejects a scenario without the v3 lists', () => {
    const { poles: _poles, ...withoutPoles } = emptyScenario();
    expect(issuesOf(withoutPoles)).toEqual(['poles:notAnArray']);
  });
});

describe('importing as one undoable step', () => {
  it('undoes an import of existing sites and poles in one step and redoes it', () => {
    const before = emptyScenario();
    const importChange = {
      type: 'batch' as const,
      changes: [
        { type: 'putExistingSites' as const, sites: existing },
        { type: 'putPoles' as const, poles },
      ],
    };
    const session = commitChange(createSession(before), importChange, { nowIso: NOW });
    expect(session.scenario.existingSites).toHaveLength(2);
    expect(session.scenario.poles).toHaveLength(2);
    expect(session.scenario.addedSites).toEqual([]);
    expect(session.undoStack).toHaveLength(1);
    const undone = undo(session, NOW);
    expect(undone.scenario).toEqual(before);
    expect(redo(undone, NOW).scenario.existingSites).toEqual(session.scenario.existingSites);
  });

  it('leaves sites and poles already in the scenario untouched', () => {
    const first = imported();
    const again = applyChange(first, {
      type: 'putExistingSites',
      sites: [site('OP-3', 121.46, 31.21, { status: 'existing' })],
    }).scenario;
    expect(again.existingSites.filter((feature) => first.existingSites.includes(feature))).toHaveLength(2);
    expect(again.poles).toBe(first.poles);
  });

  it('round-trips through the scenario file', () => {
    const scenario = imported();
    expect(parseScenarioFile(serializeScenarioFile(scenario))).toEqual({ ok: true, scenario });
  });
});

describe('imported existing sites extend the baseline for their scenario', () => {
  it('is the shared baseline itself without imports, and one cached overlay with them', () => {
    expect(scenarioBaseline(smallBaseline, emptyScenario())).toBe(smallBaseline);
    const scenario = imported();
    const overlay = scenarioBaseline(smallBaseline, scenario);
    expect(overlay).toBe(scenarioBaseline(smallBaseline, scenario));
    expect(scenarioBaseline(overlay, scenario)).toBe(overlay);
    expect(overlay.get('OP-1')?.properties.band).toBe('n41');
    expect(overlay.features).toHaveLength(smallBaseline.features.length + 2);
    expect(smallBaseline.get('OP-1')).toBeUndefined();
  });

  it('is read-only like the baseline: edits and deletes skip it, modify and removal work', () => {
    const scenario = imported();
    const baseline = scenarioBaseline(smallBaseline, scenario);
    expect(siteOrigin(scenario, baseline, 'OP-1')).toBe('baseline');
    const untouched = applyChange(scenario, { type: 'deleteSites', ids: ['OP-1'] }).scenario;
    const notMoved = applyChange(untouched, {
      type: 'moveSites',
      moves: [{ id: 'OP-1', coordinates: [121, 31] }],
    });
    expect(notMoved.scenario).toBe(scenario);
    const modified = applyChange(scenario, beginModificationChange(scenario, baseline, ['OP-1'])).scenario;
    expect(modified.modifiedSites.map((feature) => feature.properties.id)).toEqual(['OP-1']);
    const removed = applyChange(modified, { type: 'markForRemoval', ids: ['OP-2'] }).scenario;
    const ids = materializeScenarioSites(smallBaseline, removed).map((feature) => feature.properties.id);
    expect(ids).toContain('OP-1');
    expect(ids).not.toContain('OP-2');
  });

  it('reaches the coverage engine: the import and its undo are site deltas', () => {
    const before = emptyScenario();
    const after = imported();
    const delta = diffScenarioSites(smallBaseline, before, after);
    expect(delta.upserted.map((feature) => feature.properties.id).sort()).toEqual(['OP-1', 'OP-2']);
    expect(diffScenarioSites(smallBaseline, after, before).removedIds.sort()).toEqual(['OP-1', 'OP-2']);
    // Against the scenario's own baseline (what the coverage engine holds), an edit elsewhere is small.
    const edited = applyChange(after, { type: 'putSites', sites: [site('C9', 121.3, 31.1)] }).scenario;
    const edit = diffScenarioSites(scenarioBaseline(smallBaseline, after), after, edited);
    expect(edit.upserted.map((feature) => feature.properties.id)).toEqual(['C9']);
  });
});
