import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { apportionByLargestRemainder } from '../../../../src/domain/geo/apportion';
import { createFeatureLookup } from '../../../../src/domain/geo/feature-lookup';
import { preparePolygon } from '../../../../src/domain/geo/prepared-polygon';
import { createSeededRandom } from '../../../../src/domain/geo/seeded-random';
import type { DistrictCollection } from '../../../../src/domain/types';

const districts = JSON.parse(readFileSync('data/geo/districts.geojson', 'utf8')) as DistrictCollection;

describe('geo helpers', () => {
  it('mulberry32 reproduces its reference output and stays in [0, 1)', () => {
    // Reference: the published mulberry32 with seed 1 gives 0.6270739405881613 first.
    const random = createSeededRandom(1);
    expect(random.next()).toBeCloseTo(0.6270739405881613, 12);
    let sum = 0;
    for (let index = 0; index < 10_000; index++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('prepared polygons agree with Turf on 20,000 random points over Pudong (a MultiPolygon)', () => {
    const pudong = districts.features.find((feature) => feature.properties.adcode === '310115')!;
    const prepared = preparePolygon(pudong.geometry);
    const random = createSeededRandom(3);
    const [west, south, east, north] = prepared.bbox;
    let insideCount = 0;
    for (let index = 0; index < 20_000; index++) {
      const point = [random.between(west, east), random.between(south, north)];
      const expected = booleanPointInPolygon(point, pudong);
      expect(prepared.contains(point[0]!, point[1]!)).toBe(expected);
      if (expected) insideCount++;
    }
    expect(insideCount).toBeGreaterThan(1000);
  });

  it('looks up the district of a point', () => {
    const lookup = createFeatureLookup(districts.features);
    expect(lookup(121.4751, 31.2329)?.properties.name).toBe('黄浦区'); // People's Square
    expect(lookup(121.397, 31.623)?.properties.name).toBe('崇明区');
    expect(lookup(122.5, 31.0)).toBeUndefined();
  });

  it('apportions exactly, each part within one of its quota', () => {
    expect(apportionByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // Quotas 3.5, 1.75, 1.75: floors 3, 1, 1; the two largest remainders (0.75) get the last two.
    expect(apportionByLargestRemainder(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportionByLargestRemainder(5, [0, 0])).toEqual([0, 0]);
  });
});
