/**
 * The shipped city the coverage worker rasterises at start-up, read from data/geo as the app fetches it
 * (src/app/features/coverage-engine.ts hands the worker the same six files), with a digest of the files'
 * bytes: the build writes the grid file under it (write-city-grid.ts) and the app hands it to the worker,
 * which uses the file only for inputs of that digest (src/domain/coverage/city-grid-file.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CityInput } from '../src/domain/coverage/city-raster';
import { GEO_DIRECTORY } from './sample-inputs';

/** The files, in the order the digest reads them. */
export const CITY_GRID_FILES = {
  districts: 'districts.geojson',
  metroStations: 'metro-stations.geojson',
  zones: 'plan-zones.geojson',
  land: 'land-mask.geojson',
  environment: 'environment.geojson',
  sea: 'sea.geojson',
} as const satisfies Record<keyof CityInput, string>;

export function readCityGridInput(): { input: CityInput; inputDigest: string } {
  const hash = createHash('sha256');
  const parsed: Record<string, unknown> = {};
  for (const [field, fileName] of Object.entries(CITY_GRID_FILES)) {
    const bytes = readFileSync(join(GEO_DIRECTORY, fileName));
    hash.update(fileName).update(bytes);
    parsed[field] = JSON.parse(bytes.toString('utf8'));
  }
  return { input: parsed as unknown as CityInput, inputDigest: hash.digest('hex').slice(0, 16) };
}
