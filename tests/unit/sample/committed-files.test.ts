import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanZoneInput, readSampleInput } from '../../../scripts/sample-inputs';
import {
  buildDistrictLabels,
  buildPlanZones,
  generateSamplePoles,
  generateSampleSites,
  SHIPPED_POLE_SEED,
  SHIPPED_SITE_SEED,
  serializeCollection,
} from '../../../src/domain/sample';

const directory = 'data/geo';
const committed = (fileName: string) => readFileSync(`${directory}/${fileName}`, 'utf8');
const input = readSampleInput(directory);

// A hand edit to a generated file, or a generator change without `npm run data:generate`, fails here.
describe('committed data/geo files equal a fresh generation', () => {
  it('sample-sites-2020.geojson', () => {
    const fresh = serializeCollection(generateSampleSites(input, { seed: SHIPPED_SITE_SEED }));
    expect(fresh === committed('sample-sites-2020.geojson')).toBe(true);
  });

  it('sample-poles.geojson', () => {
    const fresh = serializeCollection(generateSamplePoles(input, { seed: SHIPPED_POLE_SEED }));
    expect(fresh === committed('sample-poles.geojson')).toBe(true);
  });

  it('district-labels.geojson', () => {
    expect(serializeCollection(buildDistrictLabels(input.districts))).toBe(
      committed('district-labels.geojson'),
    );
  });

  it('plan-zones.geojson', () => {
    expect(serializeCollection(buildPlanZones(readPlanZoneInput(directory)))).toBe(
      committed('plan-zones.geojson'),
    );
  });
});
