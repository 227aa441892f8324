import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { countSitesByDistrict } from '../../../../src/domain/scenario/sites-by-district';
import { emptyScenario, site } from '../../support/scenario/scenario-fixtures';

// Two "districts": west of 121.5 is A, east of it B, nothing north of 31.5.
let lookups = 0;
const districtOf = (lon: number, lat: number) => {
  lookups++;
  if (lat > 31.5) return undefined;
  return lon < 121.5 ? 'A' : 'B';
};

describe('countSitesByDistrict', () => {
  it('counts sites per district, outside ones under the empty code', () => {
    const sites = [
      site('1', 121.4, 31.2),
      site('2', 121.45, 31.3),
      site('3', 121.6, 31.2),
      site('4', 121.6, 31.9),
    ];
    expect(Object.fromEntries(countSitesByDistrict(sites, districtOf))).toEqual({ A: 2, B: 1, '': 1 });
  });

  it('after a move, looks up only the moved site and counts it where it went', () => {
    const scenario = applyChange(emptyScenario(), {
      type: 'putSites',
      sites: Array.from({ length: 100 }, (_, index) => site(`S${index}`, 121.3 + index * 0.001, 31.2)),
    }).scenario;
    countSitesByDistrict(scenario.addedSites, districtOf);
    const moved = applyChange(scenario, {
      type: 'moveSites',
      moves: [{ id: 'S0', coordinates: [121.7, 31.2] }],
    }).scenario;
    lookups = 0;
    const counts = countSitesByDistrict(moved.addedSites, districtOf);
    expect(lookups).toBe(1);
    expect(counts.get('A')).toBe(99);
    expect(counts.get('B')).toBe(1);
  });
});
