/**
 * What the server knows of the map: the 16 districts (to judge which district a site lies in) and the
 * shared baseline of existing sites (where a modified or removed baseline site stands). Read once at
 * start from the same files the app ships in data/geo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFeatureLookup } from '../../domain/geo/feature-lookup';
import { type BaselineSites, indexBaseline } from '../../domain/scenario/baseline-sites';
import { SHARED_BASELINE_FILE, SHARED_BASELINE_ID } from '../../domain/sync/shared-baseline';
import type { DistrictCollection, DistrictProperties, SiteCollection } from '../../domain/types';

export interface Geography {
  baseline: BaselineSites;
  /** Adcode → name and English name. */
  districts: ReadonlyMap<string, Pick<DistrictProperties, 'name' | 'name_en'>>;
  /** The adcode of the district a point lies in, or undefined (sea, outside Shanghai). */
  districtOf(lon: number, lat: number): string | undefined;
}

export const DEFAULT_GEO_DIR = fileURLToPath(new URL('../../../data/geo/', import.meta.url));

function readCollection<Collection>(path: string): Collection {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { type?: unknown; features?: unknown };
  if (data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new Error(`${path} is not a GeoJSON FeatureCollection`);
  }
  return data as Collection;
}

/** Districts only: enough for the command line's user checks. */
export function loadDistricts(geoDir = DEFAULT_GEO_DIR): Pick<Geography, 'districts' | 'districtOf'> {
  const collection = readCollection<DistrictCollection>(`${geoDir}/districts.geojson`);
  const lookup = createFeatureLookup(collection.features);
  return {
    districts: new Map(
      collection.features.map((feature) => [
        feature.properties.adcode,
        { name: feature.properties.name, name_en: feature.properties.name_en },
      ]),
    ),
    districtOf: (lon, lat) => lookup(lon, lat)?.properties.adcode,
  };
}

export function loadGeography(geoDir = DEFAULT_GEO_DIR): Geography {
  const sites = readCollection<SiteCollection>(`${geoDir}/${SHARED_BASELINE_FILE}`);
  return { ...loadDistricts(geoDir), baseline: indexBaseline(SHARED_BASELINE_ID, sites) };
}
