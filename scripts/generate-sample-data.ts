/**
 * Rebuilds the derived and synthetic files in data/geo/ from the shipped source files:
 *   plan-zones.geojson, district-labels.geojson, sample-sites-2020.geojson, sample-poles.geojson.
 * Deterministic: the same inputs and seeds give the same bytes (tests/unit/sample checks that the
 * committed files equal a fresh run). Run with `npm run data:generate`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildDistrictLabels,
  buildPlanZones,
  generateSamplePoles,
  generateSampleSites,
  SHIPPED_POLE_SEED,
  SHIPPED_SITE_SEED,
  serializeCollection,
} from '../src/domain/sample';
import { readPlanZoneInput, readSampleInput } from './sample-inputs';

const directory = join(import.meta.dirname, '..', 'data', 'geo');

function write(fileName: string, collection: Parameters<typeof serializeCollection>[0]): void {
  const text = serializeCollection(collection);
  writeFileSync(join(directory, fileName), text);
  console.log(`${fileName}: ${collection.features.length} features, ${(text.length / 1e6).toFixed(2)} MB`);
}

const sampleInput = readSampleInput(directory);
write('plan-zones.geojson', buildPlanZones(readPlanZoneInput(directory)));
write('district-labels.geojson', buildDistrictLabels(sampleInput.districts));
write('sample-sites-2020.geojson', generateSampleSites(sampleInput, { seed: SHIPPED_SITE_SEED }));
write('sample-poles.geojson', generateSamplePoles(sampleInput, { seed: SHIPPED_POLE_SEED }));
