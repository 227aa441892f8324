import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTRICT_FACTS } from '../../../src/domain/plan/district-facts';
import type { DistrictCollection } from '../../../src/domain/types';

const districts = JSON.parse(readFileSync('data/geo/districts.geojson', 'utf8')) as DistrictCollection;

describe('data/geo/districts.geojson', () => {
  it('holds the 16 districts with unique adcodes matching the district facts', () => {
    const adcodes = districts.features.map((feature) => feature.properties.adcode);
    expect(adcodes).toHaveLength(16);
    expect(new Set(adcodes).size).toBe(16);
    expect([...adcodes].sort()).toEqual(DISTRICT_FACTS.map((facts) => facts.adcode).sort());
  });
});
