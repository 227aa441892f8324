import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readDistricts,
  readEnvironmentInput,
  readLandMaskInput,
  readPlanZoneInput,
  readRoadPoleInput,
} from '../../../scripts/sample-inputs';
import { classifyEnvironment, environmentPolygons } from '../../../src/domain/derive/environment';
import { deriveLandMask } from '../../../src/domain/derive/land-mask';
import {
  buildDistrictLabels,
  buildPlanZones,
  generateRoadPoles,
  SHIPPED_POLE_SEED,
  serializeCollection,
} from '../../../src/domain/sample';

const committed = (fileName: string) => readFileSync(`data/geo/${fileName}`, 'utf8');

// A hand edit to a generated file, or a generator change without `npm run data:generate`, fails here.
// Each step reads the committed output of the step before it, as the script does.
describe('committed data/geo files equal a fresh generation', () => {
  it('land-mask.geojson and foreshore.geojson', () => {
    const { mask, foreshore } = deriveLandMask(readLandMaskInput());
    expect(serializeCollection(mask) === committed('land-mask.geojson')).toBe(true);
    expect(serializeCollection(foreshore) === committed('foreshore.geojson')).toBe(true);
  });

  it('environment.geojson', () => {
    const fresh = serializeCollection(environmentPolygons(classifyEnvironment(readEnvironmentInput())));
    expect(fresh === committed('environment.geojson')).toBe(true);
  });

  it('sample-poles.geojson', () => {
    const fresh = serializeCollection(generateRoadPoles(readRoadPoleInput(), { seed: SHIPPED_POLE_SEED }));
    expect(fresh === committed('sample-poles.geojson')).toBe(true);
  });

  it('district-labels.geojson', () => {
    expect(serializeCollection(buildDistrictLabels(readDistricts()))).toBe(
      committed('district-labels.geojson'),
    );
  });

  it('plan-zones.geojson', () => {
    expect(serializeCollection(buildPlanZones(readPlanZoneInput()))).toBe(committed('plan-zones.geojson'));
  });
});
