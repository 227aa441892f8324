/** Shipped data and sample sites for the benchmarks. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CityInput, ZoneCollection } from '../src/domain/coverage/city-raster';
import type { DistrictCollection } from '../src/domain/types';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve('data/geo', name), 'utf8')) as T;

/** Districts, stations, the land mask, environment and plan zones as the app ships them. */
export function benchCity(): CityInput {
  return {
    districts: read<DistrictCollection>('districts.geojson'),
    metroStations: read<FeatureCollection<Point>>('metro-stations.geojson'),
    land: read<FeatureCollection<Polygon | MultiPolygon>>('land-mask.geojson'),
    environment: read<NonNullable<CityInput['environment']>>('environment.geojson'),
    zones: read<ZoneCollection>('plan-zones.geojson'),
  };
}

/** Median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
