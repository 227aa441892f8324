/**
 * Rebuilds the derived and synthetic files in data/geo/ from the shipped files and data/sources/, in order
 * (each step reads what the one before wrote):
 *   land-mask.geojson, foreshore.geojson  — land for statistics (src/domain/derive/land-mask.ts)
 *   environment.geojson                   — dense urban / urban / suburban (src/domain/derive/environment.ts)
 *   plan-zones.geojson, district-labels.geojson
 *   sample-poles.geojson                  — comprehensive poles along the major roads (src/domain/sample)
 * The sample networks themselves are not files: the app generates them in a worker and the CLI writes them
 * (`npm run --silent cli -- sample --year 2020 --out FILE.geojson`). Deterministic: the same inputs give
 * the same bytes (tests/unit/data/committed-files.test.ts checks the committed files). Run with
 * `npm run data:generate`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyEnvironment, environmentPolygons } from '../src/domain/derive/environment';
import { deriveLandMask } from '../src/domain/derive/land-mask';
import {
  buildDistrictLabels,
  buildPlanZones,
  generateRoadPoles,
  SHIPPED_POLE_SEED,
  serializeCollection,
} from '../src/domain/sample';
import {
  GEO_DIRECTORY,
  readDistricts,
  readEnvironmentInput,
  readLandMaskInput,
  readPlanZoneInput,
  readRoadPoleInput,
} from './sample-inputs';

function write(fileName: string, collection: Parameters<typeof serializeCollection>[0]): void {
  const text = serializeCollection(collection);
  writeFileSync(join(GEO_DIRECTORY, fileName), text);
  console.log(`${fileName}: ${collection.features.length} features, ${(text.length / 1e6).toFixed(2)} MB`);
}

const landMask = deriveLandMask(readLandMaskInput());
write('land-mask.geojson', landMask.mask);
write('foreshore.geojson', landMask.foreshore);
write('environment.geojson', environmentPolygons(classifyEnvironment(readEnvironmentInput())));
write('plan-zones.geojson', buildPlanZones(readPlanZoneInput()));
write('district-labels.geojson', buildDistrictLabels(readDistricts()));
write('sample-poles.geojson', generateRoadPoles(readRoadPoleInput(), { seed: SHIPPED_POLE_SEED }));
