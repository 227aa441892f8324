/**
 * Reads what the generators take, for the script, the CLI and the tests alike: shipped files from data/geo
 * and the open-data inputs from data/sources (see data/sources/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { EnvironmentInput } from '../src/domain/derive/environment';
import type { LandMaskInput } from '../src/domain/derive/land-mask';
import type { PlanZoneInput, RoadPoleInput, SampleSiteInput } from '../src/domain/sample';
import type { DistrictCollection } from '../src/domain/types';

const repository = join(import.meta.dirname, '..');
export const GEO_DIRECTORY = join(repository, 'data', 'geo');
export const SOURCES_DIRECTORY = join(repository, 'data', 'sources');

function readJson<T>(directory: string, fileName: string): T {
  return JSON.parse(readFileSync(join(directory, fileName), 'utf8')) as T;
}

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const geo = <T>(fileName: string): T => readJson<T>(GEO_DIRECTORY, fileName);
const source = <T>(fileName: string): T => readJson<T>(SOURCES_DIRECTORY, fileName);

/** Districts, the OSM land outline, the sea, Natural Earth land and the major roads. */
export function readLandMaskInput(): LandMaskInput {
  return {
    districts: geo<DistrictCollection>('districts.geojson'),
    land: geo<Polygons>('land.geojson'),
    sea: geo<Polygons>('sea.geojson'),
    naturalEarthLand: source<Polygons>('naturalearth-land.geojson'),
    roads: source<LandMaskInput['roads']>('roads-major.geojson'),
  };
}

/** The shipped land mask, roads, WorldPop samples and metro stations. */
export function readEnvironmentInput(): EnvironmentInput {
  return {
    land: geo<Polygons>('land-mask.geojson'),
    roads: source<FeatureCollection<MultiLineString>>('roads-major.geojson'),
    population: source<EnvironmentInput['population']>('worldpop-2020-samples.geojson'),
    metroStations: geo<FeatureCollection<Point>>('metro-stations.geojson'),
  };
}

/** Roads, the shipped land mask and environment. */
export function readRoadPoleInput(): RoadPoleInput {
  return {
    roads: source<RoadPoleInput['roads']>('roads-major.geojson'),
    land: geo<RoadPoleInput['land']>('land-mask.geojson'),
    environment: geo<RoadPoleInput['environment']>('environment.geojson'),
  };
}

/** The shipped land mask, environment, plan zones and poles. */
export function readSampleSiteInput(): SampleSiteInput {
  return {
    land: geo<SampleSiteInput['land']>('land-mask.geojson'),
    environment: geo<SampleSiteInput['environment']>('environment.geojson'),
    zones: geo<SampleSiteInput['zones']>('plan-zones.geojson'),
    poles: geo<SampleSiteInput['poles']>('sample-poles.geojson'),
  };
}

/** Districts, land and planning-zone centres from data/geo. */
export function readPlanZoneInput(): PlanZoneInput {
  return {
    districts: geo<DistrictCollection>('districts.geojson'),
    land: geo<Polygons>('land.geojson'),
    centres: geo<PlanZoneInput['centres']>('planning-zone-centres.geojson'),
  };
}

/** The shipped districts. */
export function readDistricts(): DistrictCollection {
  return geo<DistrictCollection>('districts.geojson');
}
