/** The city as the app ships it, for the CLI's engines: districts, stations, land mask, environment, plan zones. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CityInput, ZoneCollection } from '../domain/coverage/city-raster';
import type { SampleSiteInput } from '../domain/sample';
import type { DistrictCollection } from '../domain/types';
import { REPOSITORY_ROOT, readShippedGeoJson } from './geo-files';

const shipped = (name: string): boolean => existsSync(resolve(REPOSITORY_ROOT, 'data/geo', name));

/** The engine's city input, the same files the app's coverage worker reads. */
export function readShippedCity(): Required<
  Pick<CityInput, 'districts' | 'metroStations' | 'land' | 'environment'>
> &
  Pick<CityInput, 'zones'> {
  return {
    districts: readShippedGeoJson<DistrictCollection>('districts.geojson'),
    metroStations: readShippedGeoJson<FeatureCollection<Point>>('metro-stations.geojson'),
    land: readShippedGeoJson<FeatureCollection<Polygon | MultiPolygon>>('land-mask.geojson'),
    environment: readShippedGeoJson<NonNullable<CityInput['environment']>>('environment.geojson'),
    zones: shipped('plan-zones.geojson')
      ? readShippedGeoJson<ZoneCollection>('plan-zones.geojson')
      : undefined,
  };
}

/** What the sample generator reads (the same shipped files the app's sample worker fetches). */
export function readShippedSampleInput(): SampleSiteInput {
  return {
    land: readShippedGeoJson<SampleSiteInput['land']>('land-mask.geojson'),
    environment: readShippedGeoJson<SampleSiteInput['environment']>('environment.geojson'),
    zones: readShippedGeoJson<SampleSiteInput['zones']>('plan-zones.geojson'),
    poles: readShippedGeoJson<SampleSiteInput['poles']>('sample-poles.geojson'),
  };
}
