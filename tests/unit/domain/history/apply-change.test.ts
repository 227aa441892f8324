import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import type { ScenarioChange } from '../../../../src/domain/history/scenario-change';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import { changeArbitrary, emptyScenario, site } from '../../support/scenario/scenario-fixtures';

/** Applies changes in order, returning every intermediate state and the inverses. */
function applyAll(start: Scenario, changes: readonly ScenarioChange[]) {
  const states = [start];
  const inverses: ScenarioChange[] = [];
  let current = start;
  for (const change of changes) {
    const applied = applyChange(current, change);
    current = applied.scenario;
    states.push(current);
    inverses.push(applied.inverse);
  }
  return { states, inverses, final: current };
}

describe('applyChange inverse round trips', () => {
  it('undoing every inverse of a random edit sequence gives back every earlier state exactly', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { minLength: 1, maxLength: 25 }), (changes) => {
        const { states, inverses, final } = applyAll(emptyScenario(), changes);
        let current = final;
        for (let step = inverses.length - 1; step >= 0; step -= 1) {
          current = applyChange(current, inverses[step]!).scenario;
          expect(current).toEqual(states[step]);
        }
        // Byte-identical, not only deep-equal: key order and list order survive too.
        expect(JSON.stringify(current)).toBe(JSON.stringify(states[0]));
      }),
      { numRuns: 300 },
    );
  });

  it('the inverse of the inverse re-does the change (redo)', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { maxLength: 10 }), changeArbitrary, (prefix, change) => {
        const before = applyAll(emptyScenario(), prefix).final;
        const forward = applyChange(before, change);
        const back = applyChange(forward.scenario, forward.inverse);
        const again = applyChange(back.scenario, back.inverse);
        expect(back.scenario).toEqual(before);
        expect(again.scenario).toEqual(forward.scenario);
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyChange details', () => {
  const a = site('C1', 121.4, 31.2);
  const b = site('C2', 121.5, 31.2);
  const c = site('C3', 121.6, 31.2);
  const withThree = applyChange(emptyScenario(), { type: 'putSites', sites: [a, b, c] }).scenario;

  it('deleting the middle site and undoing puts it back in the middle', () => {
    const deleted = applyChange(withThree, { type: 'deleteSites', ids: ['C2'] });
    expect(deleted.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C1', 'C3']);
    const restored = applyChange(deleted.scenario, deleted.inverse).scenario;
    expect(restored.addedSites.map((s) => s.properties.id)).toEqual(['C1', 'C2', 'C3']);
  });

  it('a change that changes nothing returns the same scenario object', () => {
    expect(applyChange(withThree, { type: 'deleteSites', ids: ['nope'] }).scenario).toBe(withThree);
    expect(applyChange(withThree, { type: 'rename', name: withThree.name }).scenario).toBe(withThree);
    expect(
      applyChange(withThree, { type: 'setProperties', ids: ['B1'], patch: { heightM: 40 } }).scenario,
    ).toBe(withThree);
  });

  it('untouched sites keep their identity so selectors can compare by reference', () => {
    const edited = applyChange(withThree, {
      type: 'setProperties',
      ids: ['C2'],
      patch: { heightM: 45 },
    }).scenario;
    expect(edited.addedSites[0]).toBe(withThree.addedSites[0]);
    expect(edited.addedSites[1]).not.toBe(withThree.addedSites[1]);
    expect(edited.addedSites[1]!.properties.heightM).toBe(45);
    expect(withThree.addedSites[1]!.properties.heightM).toBeUndefined();
  });

  it('a null in a patch removes the field (sector → omni) and undo brings it back', () => {
    const sector = applyChange(withThree, {
      type: 'setProperties',
      ids: ['C1'],
      patch: { azimuthDeg: 120 },
    }).scenario;
    const omni = applyChange(sector, { type: 'setProperties', ids: ['C1'], patch: { azimuthDeg: null } });
    expect('azimuthDeg' in omni.scenario.addedSites[0]!.properties).toBe(false);
    expect(applyChange(omni.scenario, omni.inverse).scenario.addedSites[0]!.properties.azimuthDeg).toBe(120);
  });

  it('marked removals stay sorted and unique whatever order they were marked in', () => {
    const once = applyChange(withThree, { type: 'markForRemoval', ids: ['B3', 'B1'] }).scenario;
    const twice = applyChange(once, { type: 'markForRemoval', ids: ['B2', 'B1'] }).scenario;
    expect(twice.removedSiteIds).toEqual(['B1', 'B2', 'B3']);
  });
});
