/**
 * `coverage --sites FILE.geojson [--mode radius|pathloss] [--cell-m 50] [--threshold-dbm -105] [--out DIR]`
 * computes city-wide coverage with the same engine the app runs in its worker and prints one JSON object;
 * with --out it also writes gaps.geojson, coverage-stats.json and coverage.gpkg (only after everything
 * succeeded).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ZoneCollection } from '../../domain/coverage/city-raster';
import { CoverageEngine } from '../../domain/coverage/coverage-engine';
import { coverageStats, gapCollection } from '../../domain/coverage/report';
import { geoPackageLayers } from '../../domain/export/geopackage-export';
import { writeGeoPackage } from '../../domain/geopackage/gpkg-writer';
import { loadSqlite } from '../../domain/geopackage/sqlite-loader';
import type { DistrictCollection } from '../../domain/types';
import { choiceFlag, numberFlag, parseFlags, requireFlag } from '../arguments';
import { CliError } from '../cli-error';
import { REPOSITORY_ROOT, readShippedGeoJson, readSiteFile } from '../geo-files';

const FLAGS = ['sites', 'mode', 'cell-m', 'threshold-dbm', 'out', 'min-gap-km2'] as const;

export const usage = `usage: npm run --silent cli -- coverage --sites FILE.geojson [options]

City-wide coverage on the app's grid: covered share of the city, of each district and plan zone, and the
weak-spot gaps, printed as one JSON object. Sites are checked with the attribute panel's rules.

options:
  --sites FILE.geojson      FeatureCollection of site Points with unique ids (required)
  --mode radius|pathloss    radius table or 3GPP path loss (default radius)
  --cell-m M                grid cell size, 25–200 m (default 50)
  --threshold-dbm T         SS-RSRP coverage threshold in path-loss mode, -160 to -30 (default -105)
  --min-gap-km2 A           smallest gap reported, km² (default 0.01)
  --out DIR                 also write DIR/gaps.geojson, DIR/coverage-stats.json and
                            DIR/coverage.gpkg (sites and gaps, GeoPackage)
  --help                    print this help`;
const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  const flags = parseFlags(args, FLAGS);
  const sitesPath = requireFlag(flags, 'sites');
  const mode = choiceFlag(flags, 'mode', ['radius', 'pathloss'] as const, 'radius');
  const cellM = numberFlag(flags, 'cell-m', { min: 25, max: 200 }, 50);
  const thresholdDbm = numberFlag(flags, 'threshold-dbm', { min: -160, max: -30 }, -105);
  const minGapAreaKm2 = numberFlag(flags, 'min-gap-km2', { min: 0, max: 10_000 }, 0.01);
  const out = flags.get('out');
  if (out !== undefined && existsSync(out) && !statSync(out).isDirectory()) {
    throw new CliError(`--out "${out}" exists and is not a directory`);
  }
  const sites = readSiteFile(sitesPath);
  const districts = readShippedGeoJson<DistrictCollection>('districts.geojson');
  const metroStations = readShippedGeoJson<FeatureCollection<Point>>('metro-stations.geojson');
  const land = readShippedGeoJson<FeatureCollection<Polygon | MultiPolygon>>('land.geojson');
  const zones = existsSync(resolve(REPOSITORY_ROOT, 'data/geo/plan-zones.geojson'))
    ? readShippedGeoJson<ZoneCollection>('plan-zones.geojson')
    : undefined;
  const engine = new CoverageEngine(
    { districts, metroStations, land, zones },
    { mode, cellM, thresholdDbm, minGapAreaKm2 },
  );
  engine.computeAll(sites.features);
  const stats = coverageStats(engine);
  const gaps = gapCollection(engine);
  const elapsedMs = Math.round(performance.now() - started);
  const summary = {
    mode,
    cellM,
    thresholdDbm,
    sites: stats.sites,
    landKm2: round(stats.landKm2, 3),
    coveredKm2: round(stats.coveredKm2, 3),
    coveredFraction: round(stats.coveredFraction, 5),
    districts: stats.districts.map((district) => ({
      adcode: district.adcode,
      name: district.name,
      landKm2: round(district.landKm2, 3),
      coveredKm2: round(district.coveredKm2, 3),
      coveredFraction: round(district.coveredFraction, 5),
    })),
    zones: stats.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      coveredFraction: round(zone.coveredFraction, 5),
    })),
    gaps: { count: stats.gaps.count, areaKm2: round(stats.gaps.areaKm2, 3), minAreaKm2: minGapAreaKm2 },
    elapsedMs,
  };
  if (out !== undefined) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'gaps.geojson'), `${JSON.stringify(gaps)}\n`);
    const layers = geoPackageLayers({ sites: sites.features, gaps });
    writeFileSync(
      join(out, 'coverage.gpkg'),
      writeGeoPackage(await loadSqlite(), layers, new Date().toISOString()),
    );
    writeFileSync(join(out, 'coverage-stats.json'), `${JSON.stringify({ ...stats, elapsedMs }, null, 2)}\n`);
  }
  console.log(JSON.stringify(summary));
  return 0;
}
