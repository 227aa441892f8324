/**
 * `calibrate --sites FILE --measurements FILE [--crs wgs84|cgcs2000|gcj02|bd09] [--out CORRECTIONS.json]`
 * compares the path-loss model with drive-test or MR measurements and fits one correction per environment
 * class (docs/calibration.md). Prints one JSON object: samples, before and after ({meanErrorDb, stdDb,
 * rmseDb}, error = prediction − measurement), corrections, rejected rows with reasons (plus the classes
 * left uncorrected, the figures by class and how samples were matched). --out writes the corrections for
 * `coverage --calibration`, only after everything succeeded.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { buildCalibrationReport } from '../../domain/calibration/calibration-report';
import { compareMeasurements } from '../../domain/calibration/compare-measurements';
import type { ErrorStatistics } from '../../domain/calibration/error-statistics';
import type { ZoneCollection } from '../../domain/coverage/city-raster';
import { CoverageEngine } from '../../domain/coverage/coverage-engine';
import { buildMeasurements } from '../../domain/import/build-measurements';
import { prepareImportGeography } from '../../domain/import/geography';
import { COORDINATE_SYSTEMS } from '../../domain/import/import-types';
import { readImportSource } from '../../domain/import/read-source';
import { createXmldomParser } from '../../domain/import/xmldom-parser';
import type { DistrictCollection } from '../../domain/types';
import { choiceFlag, parseFlags, requireFlag } from '../arguments';
import { writeCalibrationFile } from '../calibration-file';
import { CliError } from '../cli-error';
import { REPOSITORY_ROOT, readShippedGeoJson, readSiteFile } from '../geo-files';
import { failureLine, readBytes } from './import';

const FLAGS = ['sites', 'measurements', 'crs', 'out'] as const;
const round = (value: number, digits = 3): number | null =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;
const figures = (statistics: ErrorStatistics) => ({
  meanErrorDb: round(statistics.meanErrorDb),
  stdDb: round(statistics.stdDb),
  rmseDb: round(statistics.rmseDb),
});

export const usage = `usage: npm run --silent cli -- calibrate --sites SITES.geojson --measurements FILE [--crs ${COORDINATE_SYSTEMS.join('|')}] [--out CORRECTIONS.json]
  Compares the path-loss model with drive-test/MR measurements (CSV UTF-8/GBK, xlsx, GeoJSON; RSRP in dBm)
  and fits per environment class error = offset + slope·log10(d / 1 km) (docs/calibration.md).
  --help    print this help`;

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  const flags = parseFlags(args, FLAGS);
  const sitesPath = requireFlag(flags, 'sites');
  const measurementsPath = requireFlag(flags, 'measurements');
  const crs = choiceFlag(flags, 'crs', COORDINATE_SYSTEMS, 'wgs84');
  const out = flags.get('out');
  const sites = readSiteFile(sitesPath);
  const bytes = readBytes(measurementsPath);
  type Polygons = FeatureCollection<Polygon | MultiPolygon>;
  const districts = readShippedGeoJson<DistrictCollection>('districts.geojson');
  const land = readShippedGeoJson<Polygons>('land.geojson');
  const geography = prepareImportGeography({
    districts,
    land,
    water: [
      readShippedGeoJson<Polygons>('sea.geojson'),
      readShippedGeoJson<Polygons>('water-bodies.geojson'),
    ],
  });
  const read = await readImportSource({ name: measurementsPath, bytes }, { parseXml: createXmldomParser() });
  if (!read.ok) throw new CliError(failureLine(measurementsPath, read.failure));
  const imported = await buildMeasurements(read.source, { crs }, geography);
  if (imported.mapping.fields.rsrp.column === undefined)
    throw new CliError(`"${measurementsPath}" has no RSRP column (RSRP, SS-RSRP, 电平 …)`);
  const engine = new CoverageEngine(
    {
      districts,
      metroStations: readShippedGeoJson<FeatureCollection<Point>>('metro-stations.geojson'),
      land,
      zones: existsSync(resolve(REPOSITORY_ROOT, 'data/geo/plan-zones.geojson'))
        ? readShippedGeoJson<ZoneCollection>('plan-zones.geojson')
        : undefined,
    },
    { mode: 'pathloss', cellM: 50 },
  );
  const comparison = compareMeasurements(
    sites.features,
    [imported.measurements],
    engine.city,
    engine.settings,
  );
  const preview = buildCalibrationReport(comparison, [], engine.city.districts);
  const report = buildCalibrationReport(comparison, preview.fit.corrections, engine.city.districts);
  const rejected = [...imported.rejected, ...comparison.rejected.map(({ rejection }) => rejection)].sort(
    (left, right) => left.row - right.row,
  );
  const corrections = report.fit.corrections.map((correction) => ({
    environment: correction.environment,
    offsetDb: round(correction.offsetDb),
    slopeDbPerDecade: round(correction.slopeDbPerDecade),
    samples: correction.samples,
    standardErrorDb: round(correction.standardErrorDb),
    slopeStandardErrorDb:
      correction.slopeStandardErrorDb === null ? null : round(correction.slopeStandardErrorDb),
    residualStdDb: round(correction.residualStdDb),
    minDistanceM: round(correction.minDistanceM, 1),
    maxDistanceM: round(correction.maxDistanceM, 1),
  }));
  const result = {
    samples: report.samples,
    before: figures(report.before),
    after: figures(report.after),
    corrections,
    rejected,
    uncorrected: report.fit.uncorrected,
    minimumSamples: report.minimumSamples,
    byEnvironment: report.byEnvironment.map((group) => ({
      environment: group.environment,
      samples: group.samples,
      before: figures(group.before),
      after: figures(group.after),
      tooFew: group.tooFew,
    })),
    matchedBy: report.matchedBy,
    unmatchedIds: comparison.unmatchedIds,
    total: imported.total,
    warnings: imported.warnings,
    crs,
    elapsedMs: Math.round(performance.now() - started),
  };
  if (out !== undefined)
    writeCalibrationFile(out, {
      samples: result.samples,
      before: result.before,
      after: result.after,
      corrections,
      uncorrected: result.uncorrected,
      sites: sitesPath,
      measurements: measurementsPath,
    });
  console.log(JSON.stringify(result));
  return 0;
}
