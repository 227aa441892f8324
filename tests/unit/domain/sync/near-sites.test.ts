import turfDistance from '@turf/distance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearPairs, type PlanSite } from '../../../../src/domain/sync/near-sites';

/** The naive answer: every pair, measured with Turf's distance. */
function bruteForce(sites: readonly PlanSite[], distanceM: number): string[] {
  const pairs: string[] = [];
  for (let first = 0; first < sites.length; first++) {
    for (let second = first + 1; second < sites.length; second++) {
      const a = sites[first]!;
      const b = sites[second]!;
      if (a.planId === b.planId || a.district === b.district) continue;
      const metres = turfDistance([...a.coordinates], [...b.coordinates], { units: 'meters' });
      if (metres <= distanceM) pairs.push(`${a.siteId}|${b.siteId}`);
    }
  }
  return pairs.sort();
}

const siteArbitrary = fc.record({
  planId: fc.constantFrom('p1', 'p2', 'p3'),
  district: fc.constantFrom('310101', '310115', undefined),
  lon: fc.double({ min: 121.45, max: 121.47, noNaN: true }),
  lat: fc.double({ min: 31.22, max: 31.24, noNaN: true }),
});

describe('near sites across district borders', () => {
  it('finds exactly the pairs a brute-force search with Turf finds', () => {
    fc.assert(
      fc.property(
        fc.array(siteArbitrary, { maxLength: 60 }),
        fc.integer({ min: 50, max: 800 }),
        (entries, distanceM) => {
          const sites: PlanSite[] = entries.map((entry, index) => ({
            planId: entry.planId,
            siteId: `s${index}`,
            district: entry.district,
            coordinates: [entry.lon, entry.lat],
          }));
          const found = findNearPairs(sites, distanceM).map(
            (pair) => `${pair.first.siteId}|${pair.second.siteId}`,
          );
          // Pairs right at the distance may differ by Turf's and our rounding; none is within 1 mm of it here.
          expect(found.sort()).toEqual(bruteForce(sites, distanceM));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports the distance, nearest first', () => {
    const pairs = findNearPairs(
      [
        { planId: 'a', siteId: 'a1', district: '1', coordinates: [121.5, 31.2] },
        { planId: 'b', siteId: 'b1', district: '2', coordinates: [121.501, 31.2] },
        { planId: 'b', siteId: 'b2', district: '2', coordinates: [121.5005, 31.2] },
      ],
      200,
    );
    expect(pairs.map((pair) => pair.second.siteId)).toEqual(['b2', 'b1']);
    expect(pairs[1]!.distanceM).toBeCloseTo(
      turfDistance([121.5, 31.2], [121.501, 31.2], { units: 'meters' }),
      3,
    );
  });
});
