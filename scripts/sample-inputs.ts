/** Reads the source files the sample generators take, for the script and the tests alike. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanZoneInput, SampleInput } from '../src/domain/sample';

function readJson<T>(directory: string, fileName: string): T {
  return JSON.parse(readFileSync(join(directory, fileName), 'utf8')) as T;
}

/** Districts, metro stations and the land outline from data/geo. */
export function readSampleInput(directory: string): Required<SampleInput> {
  return {
    districts: readJson(directory, 'districts.geojson'),
    metroStations: readJson(directory, 'metro-stations.geojson'),
    land: readJson(directory, 'land.geojson'),
  };
}

/** Districts, land and planning-zone centres from data/geo. */
export function readPlanZoneInput(directory: string): PlanZoneInput {
  return {
    districts: readJson(directory, 'districts.geojson'),
    land: readJson(directory, 'land.geojson'),
    centres: readJson(directory, 'planning-zone-centres.geojson'),
  };
}
