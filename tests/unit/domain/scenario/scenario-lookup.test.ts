import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { scenarioSite, siteIndex } from '../../../../src/domain/scenario/scenario-lookup';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import { changeArbitrary, emptyScenario } from '../../support/scenario/scenario-fixtures';

const linear = (scenario: Scenario, id: string) =>
  scenario.addedSites.find((site) => site.properties.id === id) ??
  scenario.modifiedSites.find((site) => site.properties.id === id);

describe('scenario site look-up', () => {
  it('finds exactly what a linear search finds, in every version of a random edit sequence', () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { minLength: 1, maxLength: 30 }), (changes) => {
        let scenario = emptyScenario();
        const versions = [scenario];
        for (const change of changes) {
          scenario = applyChange(scenario, change).scenario;
          versions.push(scenario);
        }
        // Older versions are asked again after newer ones, as undo does.
        for (const version of [...versions, ...versions.reverse()]) {
          const ids = new Set([
            ...versions.flatMap((v) =>
              [...v.addedSites, ...v.modifiedSites].map((site) => site.properties.id),
            ),
            'nobody',
          ]);
          for (const id of ids) expect(scenarioSite(version, id)).toBe(linear(version, id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a moved site is found at its new position in the new list and its old one in the old list', () => {
    const start = applyChange(emptyScenario(), {
      type: 'putSites',
      sites: ['A', 'B', 'C'].map((id, index) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [121 + index * 0.01, 31.2] },
        properties: { id, status: 'candidate' as const },
      })),
    }).scenario;
    const moved = applyChange(start, {
      type: 'moveSites',
      moves: [{ id: 'B', coordinates: [121.5, 31.5] }],
    }).scenario;
    expect(siteIndex(start.addedSites).get('B')!.geometry.coordinates).toEqual([121.01, 31.2]);
    expect(siteIndex(moved.addedSites).get('B')!.geometry.coordinates).toEqual([121.5, 31.5]);
    expect(siteIndex(moved.addedSites).has('D')).toBe(false);
  });
});
