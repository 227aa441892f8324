/**
 * Copies the open data the generators need from the project's curated inputs into data/sources/, trimmed
 * to what they read (data/sources/SOURCES.md says what, from where and under which licence). These files
 * are inputs of `npm run data:generate`, never loaded by the app. Deterministic: the same inputs give the
 * same bytes. Run with `npm run data:import -- [DIRECTORY]` (default /work/shared, the folder holding
 * geo/ and geo-extra/); only needed when the curated inputs change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import { simplifyLine } from '../src/domain/geo/simplify-line';

const inputRoot = process.argv[2] ?? process.env.OPEN_DATA_DIR ?? '/work/shared';
const outputDirectory = join(import.meta.dirname, '..', 'data', 'sources');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(inputRoot, path), 'utf8')) as T;
}

/** Five decimals: ~1 m, plenty for road centrelines and population sample points. */
const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;

function write(fileName: string, collection: FeatureCollection): void {
  const { features, ...head } = collection;
  const lines = features.map((feature) => JSON.stringify(feature)).join(',\n');
  const text = `${JSON.stringify(head).slice(0, -1)},"features":[\n${lines}\n]}\n`;
  writeFileSync(join(outputDirectory, fileName), text);
  console.log(`${fileName}: ${features.length} features, ${(text.length / 1e6).toFixed(2)} MB`);
}

/** Road classes in the order they are written; ramps (`_link`) are kept for road density only. */
const ROAD_CLASSES = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
] as const;
/** Douglas–Peucker tolerance for road centrelines, metres. */
const ROAD_SIMPLIFY_M = 3;

function importRoads(): void {
  const source = readJson<FeatureCollection<LineString, { highway: string }>>(
    'geo-extra/shanghai_roads_major_osm.geojson',
  );
  const byClass = new Map<string, Position[][]>(ROAD_CLASSES.map((name) => [name, []]));
  for (const feature of source.features) {
    const lines = byClass.get(feature.properties.highway);
    if (!lines) throw new Error(`unexpected highway class ${feature.properties.highway}`);
    const simplified = simplifyLine(feature.geometry.coordinates as [number, number][], ROAD_SIMPLIFY_M);
    const rounded = simplified.map(([lon, lat]) => [round5(lon), round5(lat)]);
    // Rounding can merge the two ends of a very short link: such a link carries no length.
    if (
      rounded.length >= 2 &&
      (rounded[0]![0] !== rounded.at(-1)![0] || rounded[0]![1] !== rounded.at(-1)![1])
    )
      lines.push(rounded);
  }
  const features: Feature<MultiLineString, { highway: string }>[] = ROAD_CLASSES.map((highway) => ({
    type: 'Feature',
    properties: { highway },
    geometry: { type: 'MultiLineString', coordinates: byClass.get(highway)! },
  }));
  write('roads-major.geojson', {
    type: 'FeatureCollection',
    features,
  });
}

function importWorldPop(): void {
  const source = readJson<FeatureCollection<Point, { pop_per_km2_approx: number }>>(
    'geo-extra/shanghai_population_worldpop2020_1km_samples.geojson',
  );
  const features: Feature<Point, { popPerKm2: number }>[] = source.features.map((feature) => ({
    type: 'Feature',
    properties: { popPerKm2: Math.round(feature.properties.pop_per_km2_approx) },
    geometry: {
      type: 'Point',
      coordinates: [round5(feature.geometry.coordinates[0]!), round5(feature.geometry.coordinates[1]!)],
    },
  }));
  write('worldpop-2020-samples.geojson', { type: 'FeatureCollection', features });
}

function importNaturalEarthLand(): void {
  const source = readJson<FeatureCollection>('geo/naturalearth_land.geojson');
  write('naturalearth-land.geojson', {
    type: 'FeatureCollection',
    features: source.features
      .filter((feature) => feature.geometry !== null)
      .map((feature) => ({ type: 'Feature', properties: {}, geometry: feature.geometry })),
  });
}

importRoads();
importWorldPop();
importNaturalEarthLand();
