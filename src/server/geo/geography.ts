/**
 * What the server knows of the map: the 16 districts (to judge which district a site lies in) and the
 * shared baseline of existing sites (where a modified or removed baseline site stands). Read once at
 * start from the same files the app ships in data/geo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFeatureLookup } from '../../domain/geo/feature-lookup';
import { generateSampleSites, type SampleSiteInput, SHIPPED_SITE_SEED } from '../../domain/sample';
import { type BaselineSites, indexBaseline } from '../../domain/scenario/baseline-sites';
import { SHARED_BASELINE_ID, SHARED_BASELINE_YEAR } from '../../domain/sync/shared-baseline';
import type { DistrictCollection, DistrictProperties } from '../../domain/types';

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

/** Generated baselines per data directory: generating the 2020 sample takes seconds, so do it once. */
const baselines = new Map<string, BaselineSites>();

/** The shared baseline: the 2020 sample, generated from the shipped inputs as the app generates it. */
function sharedBaseline(geoDir: string): BaselineSites {
  let baseline = baselines.get(geoDir);
  if (!baseline) {
    const input: SampleSiteInput = {
      land: readCollection<SampleSiteInput['land']>(`${geoDir}/land-mask.geojson`),
      environment: readCollection<SampleSiteInput['environment']>(`${geoDir}/environment.geojson`),
      zones: readCollection<SampleSiteInput['zones']>(`${geoDir}/plan-zones.geojson`),
      poles: readCollection<SampleSiteInput['poles']>(`${geoDir}/sample-poles.geojson`),
    };
    const sites = generateSampleSites(input, { seed: SHIPPED_SITE_SEED, year: SHARED_BASELINE_YEAR });
    baseline = indexBaseline(SHARED_BASELINE_ID, sites);
    baselines.set(geoDir, baseline);
  }
  return baseline;
}

export function loadGeography(geoDir = DEFAULT_GEO_DIR): Geography {
  return { ...loadDistricts(geoDir), baseline: sharedBaseline(geoDir) };
}
