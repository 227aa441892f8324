import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import {
  computeBaselineRef,
  indexBaseline,
  matchBaselineRef,
} from '../../../../src/domain/scenario/baseline-sites';
import {
  diffScenarioSites,
  materializeScenarioSites,
  resolveScenarioSites,
} from '../../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import { emptyScenario, gridBaseline, site, smallBaseline } from '../../support/scenario/scenario-fixtures';

function scenarioWith(...changes: Parameters<typeof applyChange>[1][]): Scenario {
  return changes.reduce((scenario, change) => applyChange(scenario, change).scenario, emptyScenario());
}

const moved = site('B2', 121.9, 31.9, { status: 'existing', heightM: 50 });
const candidate = site('C1', 121.4, 31.2);
const edited = scenarioWith(
  { type: 'putSites', sites: [candidate] },
  { type: 'putModifications', sites: [moved, site('B3', 121.8, 31.8, { status: 'existing' })] },
  { type: 'markForRemoval', ids: ['B5', 'B3', 'Z9'] },
);

describe('resolveScenarioSites', () => {
  it('returns deltas: added, modified (unless also removed), removed, and stale ids', () => {
    const resolved = resolveScenarioSites(smallBaseline, edited);
    expect(resolved.added.map((s) => s.properties.id)).toEqual(['C1']);
    expect(resolved.modified).toEqual([moved]);
    expect(resolved.removedIds).toEqual(['B3', 'B5']);
    expect(resolved.missingBaselineIds).toEqual(['Z9']);
  });

  it('materialises the effective set: 12 baseline − 2 removed + 1 added = 11 sites', () => {
    const sites = materializeScenarioSites(smallBaseline, edited);
    expect(sites).toHaveLength(11);
    expect(sites.find((s) => s.properties.id === 'B2')).toBe(moved);
    expect(sites.some((s) => s.properties.id === 'B5')).toBe(false);
    expect(sites.at(-1)!.properties.id).toBe('C1');
  });
});

describe('diffScenarioSites', () => {
  it('reports exactly what one edit changed in the effective site set', () => {
    const after = applyChange(edited, {
      type: 'setProperties',
      ids: ['C1'],
      patch: { heightM: 20 },
    }).scenario;
    const delta = diffScenarioSites(smallBaseline, edited, after);
    expect(delta.upserted.map((s) => [s.properties.id, s.properties.heightM])).toEqual([['C1', 20]]);
    expect(delta.removedIds).toEqual([]);
  });

  it('un-marking a removal brings the baseline site back; dropping a modification restores the original', () => {
    const after = scenarioWith(
      { type: 'putSites', sites: [candidate] },
      { type: 'putModifications', sites: [site('B3', 121.8, 31.8, { status: 'existing' })] },
      { type: 'markForRemoval', ids: ['B3', 'Z9'] },
    );
    const delta = diffScenarioSites(smallBaseline, edited, after);
    // B2's modification was dropped (baseline B2 back), B5 is no longer removed.
    expect(delta.upserted.map((s) => s.properties.id).sort()).toEqual(['B2', 'B5']);
    expect(delta.upserted.find((s) => s.properties.id === 'B2')).toBe(smallBaseline.get('B2'));
    expect(delta.removedIds).toEqual([]);
    const back = diffScenarioSites(smallBaseline, after, edited);
    expect(back.removedIds).toEqual(['B5']);
  });

  it('stays cheap at 70,000 baseline sites: an edit looks up the ids it touches, never the whole baseline', () => {
    const indexed = indexBaseline('big', gridBaseline(70_000));
    // Counted reads, not wall time: a timed bound fails on a loaded machine, and what makes a step
    // cheap is that it never walks (or copies) the 70,000 features.
    let featureListReads = 0;
    let lookups = 0;
    const big = {
      ref: indexed.ref,
      get features() {
        featureListReads += 1;
        return indexed.features;
      },
      get(id: string) {
        lookups += 1;
        return indexed.get(id);
      },
    };
    let scenario = { ...emptyScenario(), baselineRef: big.ref };
    scenario = applyChange(scenario, { type: 'putSites', sites: [site('C1', 121.4, 31.2)] }).scenario;
    const steps = 1000;
    for (let step = 0; step < steps; step += 1) {
      const next = applyChange(scenario, {
        type: 'moveSites',
        moves: [{ id: 'C1', coordinates: [121.4 + (step + 1) * 1e-5, 31.2] }],
      }).scenario;
      const resolved = resolveScenarioSites(big, next);
      const delta = diffScenarioSites(big, scenario, next);
      expect(resolved.added).toHaveLength(1);
      expect(delta.upserted.map((moved) => moved.geometry.coordinates[0])).toEqual([
        121.4 + (step + 1) * 1e-5,
      ]);
      scenario = next;
    }
    expect(featureListReads).toBe(0);
    // One added site: a handful of id lookups per step at most, against 70,000 for a copy.
    expect(lookups).toBeLessThanOrEqual(steps * 4);
  });
});

describe('baseline ref', () => {
  it('tells a changed baseline apart by count and hash', () => {
    const original = computeBaselineRef('sample', gridBaseline(12).features);
    const shifted = gridBaseline(12);
    shifted.features[3]!.geometry.coordinates = [121.0091, 31.0001];
    expect(matchBaselineRef(original, computeBaselineRef('sample', gridBaseline(12).features))).toBe('same');
    expect(matchBaselineRef(original, computeBaselineRef('sample', shifted.features))).toBe('different');
    expect(matchBaselineRef(original, computeBaselineRef('sample', gridBaseline(11).features))).toBe(
      'different',
    );
    expect(matchBaselineRef({ id: 'sample' }, original)).toBe('unverified');
  });
});
