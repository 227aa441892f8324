import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import { changeBetween } from '../../../../src/domain/sync/change-between';
import { sameJson } from '../../../../src/domain/sync/same-json';
import { diffScenarios } from '../../../../src/domain/sync/scenario-delta';
import { type ConflictSide, mergeScenarios, NAME_KEY } from '../../../../src/domain/sync/three-way-merge';
import { base, scenarioArbitrary, site } from '../../support/domain/sync/scenario-arbitrary';

/** Every item of a scenario by its merge key: the site id (poles `pole:id`), with its list. */
function itemsByKey(scenario: Scenario): Map<string, Map<string, unknown>> {
  const keys = new Map<string, Map<string, unknown>>();
  const put = (key: string, list: string, value: unknown) => {
    const items = keys.get(key) ?? new Map<string, unknown>();
    items.set(list, value);
    keys.set(key, items);
  };
  for (const list of ['addedSites', 'modifiedSites', 'existingSites'] as const)
    for (const feature of scenario[list]) put(feature.properties.id, list, feature);
  for (const pole of scenario.poles) put(`pole:${pole.properties.id}`, 'poles', pole);
  for (const id of scenario.removedSiteIds) put(id, 'removedSiteIds', true);
  return keys;
}

const changedKeys = (from: Scenario, to: Scenario) =>
  new Set(
    diffScenarios(from, to).items.map((change) =>
      change.list === 'poles' ? `pole:${change.id}` : change.id,
    ),
  );

describe('the change between two versions', () => {
  it('turns one into the other through applyChange, the store’s own edit path', () => {
    fc.assert(
      fc.property(scenarioArbitrary, scenarioArbitrary, (from, to) => {
        const change = changeBetween(from, to)!;
        expect(applyChange(from, change).scenario).toEqual(to);
      }),
      { numRuns: 400 },
    );
  });
});

describe('three-way merge', () => {
  it('keeps every change of both sides, and asks only about sites both changed differently', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        scenarioArbitrary,
        scenarioArbitrary,
        fc.boolean(),
        (start, mine, theirs, keepMine) => {
          const choice: ConflictSide = keepMine ? 'mine' : 'theirs';
          const first = mergeScenarios(start, mine, theirs);
          const choices = new Map(first.conflicts.map((conflict) => [conflict.key, choice]));
          const { merged, conflicts } = mergeScenarios(start, mine, theirs, choices);
          const mineChanged = changedKeys(start, mine);
          const theirsChanged = changedKeys(start, theirs);
          const conflictKeys = new Set(conflicts.map((conflict) => conflict.key));
          const mergedItems = itemsByKey(merged);
          for (const key of new Set([...mineChanged, ...theirsChanged, ...itemsByKey(start).keys()])) {
            const inMine = itemsByKey(mine).get(key) ?? new Map();
            const inTheirs = itemsByKey(theirs).get(key) ?? new Map();
            const got = mergedItems.get(key) ?? new Map();
            if (conflictKeys.has(key)) {
              expect(mineChanged.has(key) && theirsChanged.has(key)).toBe(true);
              expect(
                sameJson(Object.fromEntries(got), Object.fromEntries(choice === 'mine' ? inMine : inTheirs)),
              ).toBe(true);
            } else if (mineChanged.has(key)) {
              expect(sameJson(Object.fromEntries(got), Object.fromEntries(inMine))).toBe(true);
            } else {
              expect(sameJson(Object.fromEntries(got), Object.fromEntries(inTheirs))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports a site moved here and deleted there as one conflict, naming what each side did', () => {
    const start = { ...base, addedSites: [site('x'), site('y')] };
    const mine = { ...start, addedSites: [site('x', 121.7), site('y')] };
    const theirs = { ...start, addedSites: [site('y'), site('z')] };
    const { conflicts, merged } = mergeScenarios(start, mine, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ key: 'x', mine: { moved: 1 }, theirs: { deleted: 1 } });
    // Kept mine by default: x is back where it stood, moved; their z is there too.
    expect(
      merged.addedSites.map((feature) => [feature.properties.id, feature.geometry.coordinates[0]]),
    ).toEqual([
      ['x', 121.7],
      ['y', 121.5],
      ['z', 121.5],
    ]);
    const theirsChosen = mergeScenarios(start, mine, theirs, new Map([['x', 'theirs']])).merged;
    expect(theirsChosen.addedSites.map((feature) => feature.properties.id)).toEqual(['y', 'z']);
  });

  it('collides a modification here with a planned removal there, and a rename with a rename', () => {
    const mine = { ...base, name: 'mine', modifiedSites: [site('b1', 121.8)] };
    const theirs = { ...base, name: 'theirs', removedSiteIds: ['b1'] };
    const { conflicts } = mergeScenarios(base, mine, theirs);
    expect(conflicts.map((conflict) => conflict.key).sort()).toEqual(['b1', NAME_KEY]);
    const { merged } = mergeScenarios(
      base,
      mine,
      theirs,
      new Map([
        ['b1', 'mine'],
        [NAME_KEY, 'theirs'],
      ]),
    );
    expect(merged.removedSiteIds).toEqual([]);
    expect(merged.modifiedSites.map((feature) => feature.properties.id)).toEqual(['b1']);
    expect(merged.name).toBe('theirs');
  });

  it('finds no conflict when both sides made the same change', () => {
    const mine = { ...base, addedSites: [site('x', 121.6)] };
    const theirs = { ...base, addedSites: [site('x', 121.6)] };
    expect(mergeScenarios(base, mine, theirs).conflicts).toEqual([]);
  });
});
