/**
 * `coverage --sites FILE.geojson [--mode radius|pathloss] [--cell-m 50] [--threshold-dbm -105] [--out DIR]
 * [--metric rsrp|sinr] [--load 0.5] [--calibration CORRECTIONS.json]` computes city-wide coverage with the
 * same engine the app runs in its worker and prints one JSON object; `--metric sinr` (path-loss mode) adds
 * each area's SINR-good share and mean rate; `--calibration` applies corrections from `calibrate --out`
 * (path-loss mode only). With --out it also writes gaps.geojson (and quality-gaps.geojson),
 * coverage-stats.json and coverage.gpkg (only after everything succeeded).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoverageEngine } from '../../domain/coverage/coverage-engine';
import { pooledCompute } from '../../domain/coverage/pooled-compute';
import {
  type AreaFigures,
  coverageStats,
  gapCollection,
  qualityGapCollection,
} from '../../domain/coverage/report';
import { type CoverageSettings, defaultCoverageSettings } from '../../domain/coverage/settings';
import { geoPackageLayers } from '../../domain/export/geopackage-export';
import { writeGeoPackage } from '../../domain/geopackage/gpkg-writer';
import { loadSqlite } from '../../domain/geopackage/sqlite-loader';
import { translate } from '../../domain/i18n/translate';
import { compareLandArea } from '../../domain/plan/land-area';
import { choiceFlag, numberFlag, parseFlags, requireFlag } from '../arguments';
import { readCalibrationFile } from '../calibration-file';
import { CliError } from '../cli-error';
import { CoveragePool, defaultWorkerCount } from '../coverage-pool';
import { readSiteFile } from '../geo-files';
import { readShippedCity } from '../shipped-city';

const FLAGS = [
  'sites',
  'mode',
  'cell-m',
  'threshold-dbm',
  'out',
  'min-gap-km2',
  'metric',
  'load',
  'noise-figure-db',
  'sinr-threshold-db',
  'calibration',
  'workers',
] as const;

export const usage = `usage: npm run --silent cli -- coverage --sites FILE.geojson [options]

City-wide coverage on the app's grid: covered share of the city, of each district and plan zone, and the
weak-spot gaps, printed as one JSON object. Sites are checked with the attribute panel's rules.

options:
  --sites FILE.geojson      FeatureCollection of site Points with unique ids (required)
  --mode radius|pathloss    radius table or 3GPP path loss (default radius)
  --cell-m M                grid cell size, 25–200 m (default 50)
  --threshold-dbm T         SS-RSRP coverage threshold in path-loss mode, -160 to -30 (default -105)
  --min-gap-km2 A           smallest gap reported, km² (default 0.01)
  --metric rsrp|sinr        sinr (path-loss mode) adds each area's SINR-good share and mean rate (estimates)
  --load ETA                cell load for the interference, 0–1 (with --metric sinr; docs/radio.md)
  --noise-figure-db NF      UE noise figure, dB (with --metric sinr)
  --sinr-threshold-db S     SINR a usable cell needs, dB (with --metric sinr)
  --calibration FILE        corrections from \`calibrate --out\` (path-loss mode)
  --workers N               threads sharing the full compute, by bands of rows, 1–64 (default: the
                            number of cores; the result is the same for every N)
  --out DIR                 also write DIR/gaps.geojson (and quality-gaps.geojson), DIR/coverage-stats.json and
                            DIR/coverage.gpkg (sites and gaps, GeoPackage)
  --help                    print this help`;
const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** With --metric sinr: the SINR-good share of the land and the mean rate over the covered land. */
function radioFigures(figures: AreaFigures): { sinrGoodFraction?: number; meanRateMbps?: number } {
  if (figures.sinrGoodFraction === undefined) return {};
  return {
    sinrGoodFraction: round(figures.sinrGoodFraction, 5),
    meanRateMbps: round(figures.meanRateMbps!, 2),
  };
}

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  const flags = parseFlags(args, FLAGS);
  requireFlag(flags, 'sites');
  const mode = choiceFlag(flags, 'mode', ['radius', 'pathloss'] as const, 'radius');
  const cellM = numberFlag(flags, 'cell-m', { min: 25, max: 200 }, 50);
  const thresholdDbm = numberFlag(flags, 'threshold-dbm', { min: -160, max: -30 }, -105);
  const minGapAreaKm2 = numberFlag(flags, 'min-gap-km2', { min: 0, max: 10_000 }, 0.01);
  const metric = choiceFlag(flags, 'metric', ['rsrp', 'sinr'] as const, 'rsrp');
  const sinr = metric === 'sinr';
  if (sinr && mode !== 'pathloss') {
    throw new CliError('--metric sinr needs --mode pathloss (radius mode has no SINR)');
  }
  for (const name of ['load', 'noise-figure-db', 'sinr-threshold-db']) {
    if (!sinr && flags.has(name)) throw new CliError(`--${name} applies only with --metric sinr`);
  }
  const loadFraction = numberFlag(flags, 'load', { min: 0, max: 1 }, 0.5);
  const noiseFigureDb = numberFlag(flags, 'noise-figure-db', { min: 0, max: 20 }, 7);
  const sinrThresholdDb = numberFlag(
    flags,
    'sinr-threshold-db',
    { min: -20, max: 50 },
    defaultCoverageSettings().sinrThresholdDb,
  );
  const out = flags.get('out');
  if (out !== undefined && existsSync(out) && !statSync(out).isDirectory()) {
    throw new CliError(`--out "${out}" exists and is not a directory`);
  }
  const calibrationPath = flags.get('calibration');
  if (calibrationPath !== undefined && mode !== 'pathloss')
    throw new CliError('--calibration corrects path loss: use it with --mode pathloss');
  const corrections = calibrationPath === undefined ? [] : readCalibrationFile(calibrationPath);
  const workerCount = numberFlag(flags, 'workers', { min: 1, max: 64 }, defaultWorkerCount());
  if (!Number.isInteger(workerCount))
    throw new CliError(`--workers must be a whole number, got ${workerCount}`);
  const settings = {
    mode,
    cellM,
    thresholdDbm,
    minGapAreaKm2,
    sinr,
    loadFraction,
    noiseFigureDb,
    sinrThresholdDb,
    corrections,
  };
  // Started first: the helpers build the city's engine while the site file is read and checked.
  const pool = new CoveragePool(workerCount, settings);
  try {
    return await computeAndReport(started, flags, settings, pool);
  } finally {
    await pool.close();
  }
}

async function computeAndReport(
  started: number,
  flags: Map<string, string>,
  settings: Omit<
    CoverageSettings,
    'losses' | 'radiusTable' | 'metroUpliftM' | 'zoneWeights' | 'interferenceMarginDb'
  >,
  pool: CoveragePool,
): Promise<number> {
  const {
    mode,
    cellM,
    thresholdDbm,
    minGapAreaKm2,
    sinr,
    loadFraction,
    noiseFigureDb,
    sinrThresholdDb,
    corrections,
  } = settings;
  const sitesPath = requireFlag(flags, 'sites');
  const calibrationPath = flags.get('calibration');
  const out = flags.get('out');
  const sites = readSiteFile(sitesPath);
  const city = readShippedCity();
  const officialKm2 = new Map(
    city.districts.features.map((district) => [
      district.properties.adcode,
      district.properties.area_km2_official,
    ]),
  );
  const cityOfficialKm2 = [...officialKm2.values()].reduce((sum, value) => sum + value, 0);
  // The land the figures use beside the official area, and whether the app explains a difference.
  const againstOfficial = (landKm2: number, official: number, adcode: string | undefined) => {
    const comparison = compareLandArea(landKm2, official, adcode);
    return {
      officialKm2: round(official, 2),
      differenceFromOfficial: round(comparison.difference, 4),
      ...(comparison.differs
        ? {
            landNote: translate('en', 'landArea.noteShort', {
              difference: (comparison.difference * 100).toFixed(1),
            }),
          }
        : {}),
    };
  };
  const engine = new CoverageEngine(city, settings, pool.engineOptions);
  if (pool.bandCount > 1) await pooledCompute(engine, sites.features, pool.bandCount, pool.runBand);
  else engine.computeAll(sites.features);
  const stats = coverageStats(engine);
  const gaps = gapCollection(engine);
  const elapsedMs = Math.round(performance.now() - started);
  const summary = {
    mode,
    cellM,
    thresholdDbm,
    calibration:
      calibrationPath === undefined ? null : { file: calibrationPath, corrections: corrections.length },
    sites: stats.sites,
    landKm2: round(stats.landKm2, 3),
    ...againstOfficial(stats.landKm2, cityOfficialKm2, undefined),
    coveredKm2: round(stats.coveredKm2, 3),
    coveredFraction: round(stats.coveredFraction, 5),
    ...radioFigures(stats),
    districts: stats.districts.map((district) => ({
      adcode: district.adcode,
      name: district.name,
      landKm2: round(district.landKm2, 3),
      ...againstOfficial(district.landKm2, officialKm2.get(district.adcode) ?? 0, district.adcode),
      coveredKm2: round(district.coveredKm2, 3),
      coveredFraction: round(district.coveredFraction, 5),
      ...radioFigures(district),
    })),
    zones: stats.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      coveredFraction: round(zone.coveredFraction, 5),
      ...radioFigures(zone),
    })),
    ...(stats.sinr
      ? {
          sinr: {
            loadFraction,
            noiseFigureDb,
            thresholdDb: sinrThresholdDb,
            gradesKm2: Object.fromEntries(
              Object.entries(stats.sinr.gradesKm2).map(([grade, km2]) => [grade, round(km2, 3)]),
            ),
            qualityGaps: {
              count: stats.sinr.qualityGaps.count,
              areaKm2: round(stats.sinr.qualityGaps.areaKm2, 3),
            },
          },
        }
      : {}),
    gaps: { count: stats.gaps.count, areaKm2: round(stats.gaps.areaKm2, 3), minAreaKm2: minGapAreaKm2 },
    elapsedMs,
  };
  if (out !== undefined) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'gaps.geojson'), `${JSON.stringify(gaps)}\n`);
    if (sinr) {
      writeFileSync(join(out, 'quality-gaps.geojson'), `${JSON.stringify(qualityGapCollection(engine))}\n`);
    }
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
