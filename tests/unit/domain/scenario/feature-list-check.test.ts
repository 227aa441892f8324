import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { validateScenario } from '../../../../src/domain/scenario/scenario-schema';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import { emptyScenario, site } from '../../support/scenario/scenario-fixtures';

const withSites = (count: number): Scenario =>
  applyChange(emptyScenario(), {
    type: 'putSites',
    sites: Array.from({ length: count }, (_, index) => site(`C${index}`, 121 + index * 1e-4, 31.2)),
  }).scenario;

const issuesOf = (scenario: Scenario) => {
  const result = validateScenario(scenario);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}:${issue.code}`);
};

describe('checking a list that differs from the last clean one in a few items', () => {
  const clean = withSites(50);
  const replaceAt = (index: number, replacement: unknown): Scenario => {
    const addedSites = [...clean.addedSites];
    addedSites[index] = replacement as (typeof addedSites)[number];
    return { ...clean, addedSites };
  };

  it('accepts a moved site', () => {
    expect(issuesOf(clean)).toEqual([]);
    const moved = applyChange(clean, {
      type: 'moveSites',
      moves: [{ id: 'C5', coordinates: [121.3, 31.3] }],
    });
    expect(issuesOf(moved.scenario)).toEqual([]);
  });

  it('still finds a duplicate id, an invalid coordinate and a non-feature at a changed position', () => {
    expect(issuesOf(clean)).toEqual([]);
    expect(issuesOf(replaceAt(5, site('C7', 121.2, 31.2)))).toEqual([
      'addedSites[7].properties.id:duplicateId',
    ]);
    expect(issuesOf(clean)).toEqual([]);
    expect(issuesOf(replaceAt(5, site('C5', 121.2, 95)))).toEqual([
      'addedSites[5].geometry.coordinates:outOfRange',
    ]);
    expect(issuesOf(clean)).toEqual([]);
    expect(issuesOf(replaceAt(9, { nope: true }))).toEqual(['addedSites[9]:notAFeature']);
  });

  it('an added site whose id an imported existing site has is reported on the existing site', () => {
    const withExisting = { ...clean, existingSites: [site('C3', 121.5, 31.2, { status: 'existing' })] };
    expect(issuesOf(withExisting)).toEqual(['existingSites[0].properties.id:duplicateId']);
  });
});
