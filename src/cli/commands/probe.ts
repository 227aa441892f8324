/**
 * `probe --sites FILE --at LON,LAT [--at …] [--points FILE.geojson] [--load 0.5] [--mode pathloss] [--calibration CORRECTIONS.json]`: the
 * exact radio figures at points (not cell centres) — every site reaching each point with its RSRP, path
 * loss and pattern attenuation, the best server, noise, SINR and rate — as one JSON object. The same
 * formulas as the grid, evaluated directly (src/domain/coverage/probe.ts); the grid is tested against it.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { buildCityRaster } from '../../domain/coverage/city-raster';
import { ProbeIndex, type ProbeResult, prepareProbeSites, probePoint } from '../../domain/coverage/probe';
import { defaultCoverageSettings, mergeSettings } from '../../domain/coverage/settings';
import type { DistrictCollection } from '../../domain/types';
import { choiceFlag, numberFlag, parseFlagLists, requireFlag, singleValues } from '../arguments';
import { readCalibrationFile } from '../calibration-file';
import { CliError } from '../cli-error';
import { readShippedGeoJson, readSiteFile } from '../geo-files';

const FLAGS = [
  'sites',
  'at',
  'points',
  'load',
  'mode',
  'threshold-dbm',
  'noise-figure-db',
  'calibration',
] as const;

export const usage = `usage: npm run --silent cli -- probe --sites FILE.geojson --at LON,LAT [--at LON,LAT …] [options]

Exact radio figures at points (WGS84), not at grid cells: every site whose signal reaches the point
(strongest first, with id, band, rsrpDbm, pathLossDb and antennaGainDb — the antenna pattern's
attenuation, ≤ 0), the best server's id and RSRP, the noise per resource element, SINR at load η and a
user's downlink rate (a model estimate, docs/radio.md). One point prints those fields; several print
{ "points": [{ "lon", "lat", …the same fields }] }. Sites are checked with the attribute panel's rules.

options:
  --sites FILE.geojson      FeatureCollection of site Points with unique ids (required)
  --at LON,LAT              a point; repeat for more
  --points FILE.geojson     more points: a FeatureCollection of Points
  --load η                  cell load, 0–1 (default 0.5)
  --mode pathloss           the only mode with RSRP and SINR (radius mode has neither)
  --threshold-dbm T         coverage threshold; the serving and interference floors follow it (default -105)
  --noise-figure-db F       UE noise figure, 0–20 dB (default 7)
  --calibration FILE.json   path-loss corrections per environment class from \`calibrate --out\`
                            (docs/calibration.md); each server's pathLossDb then includes them
  --help                    print this help`;

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** "121.47,31.23" → [121.47, 31.23], or a one-line error. */
function parsePoint(text: string): [number, number] {
  const parts = text.split(',').map((part) => part.trim());
  const [lon, lat] = parts.map(Number);
  if (
    parts.length !== 2 ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    parts.some((part) => part === '')
  ) {
    throw new CliError(`--at must be LON,LAT in degrees, got "${text}"`);
  }
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) throw new CliError(`--at ${text} is not a WGS84 position`);
  return [lon!, lat!];
}

function readPointFile(path: string): [number, number][] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new CliError(`cannot read points file "${path}" (${reason})`);
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new CliError(`points file "${path}" is not a GeoJSON FeatureCollection`);
  }
  return collection.features.map((feature, index) => {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } })?.geometry;
    const coordinates = geometry?.coordinates as unknown[] | undefined;
    if (geometry?.type !== 'Point' || !Array.isArray(coordinates) || coordinates.length < 2) {
      throw new CliError(`points file "${path}", feature ${index}: geometry must be a Point`);
    }
    const [lon, lat] = coordinates as number[];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) {
      throw new CliError(
        `points file "${path}", feature ${index}: coordinates must be [longitude, latitude]`,
      );
    }
    return [lon!, lat!];
  });
}

function printable(result: ProbeResult) {
  return {
    servers: result.servers.map((server) => ({
      id: server.id,
      band: server.band,
      rsrpDbm: round(server.rsrpDbm, 3),
      pathLossDb: round(server.pathLossDb, 3),
      antennaGainDb: round(server.antennaGainDb, 3),
    })),
    bestServerId: result.bestServerId,
    rsrpDbm: round(result.rsrpDbm, 3),
    noiseDbm: round(result.noiseDbm, 3),
    sinrDb: round(result.sinrDb, 3),
    rateMbps: round(result.rateMbps, 2),
  };
}

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const lists = parseFlagLists(args, FLAGS, ['at']);
  const flags = singleValues(lists);
  const sitesPath = requireFlag(flags, 'sites');
  if (flags.get('mode') === 'radius') {
    throw new CliError('probe evaluates path loss: radius mode has no RSRP or SINR (use --mode pathloss)');
  }
  choiceFlag(flags, 'mode', ['pathloss'] as const, 'pathloss');
  const loadFraction = numberFlag(flags, 'load', { min: 0, max: 1 }, 0.5);
  const thresholdDbm = numberFlag(flags, 'threshold-dbm', { min: -160, max: -30 }, -105);
  const noiseFigureDb = numberFlag(flags, 'noise-figure-db', { min: 0, max: 20 }, 7);
  const points = (lists.get('at') ?? []).map(parsePoint);
  const pointsPath = flags.get('points');
  if (pointsPath !== undefined) points.push(...readPointFile(pointsPath));
  if (points.length === 0)
    throw new CliError('give at least one point: --at LON,LAT or --points FILE.geojson');
  const calibrationPath = flags.get('calibration');
  const corrections = calibrationPath === undefined ? [] : readCalibrationFile(calibrationPath);
  const sites = readSiteFile(sitesPath);
  const settings = mergeSettings(defaultCoverageSettings(), {
    corrections,
    mode: 'pathloss',
    sinr: true,
    loadFraction,
    thresholdDbm,
    noiseFigureDb,
  });
  // Only the environment classes are read from the city raster (a site takes its own cell's class).
  const city = buildCityRaster(
    {
      districts: readShippedGeoJson<DistrictCollection>('districts.geojson'),
      metroStations: readShippedGeoJson<FeatureCollection<Point>>('metro-stations.geojson'),
      land: readShippedGeoJson<FeatureCollection<Polygon | MultiPolygon>>('land.geojson'),
    },
    settings,
  );
  const index = new ProbeIndex(prepareProbeSites(sites.features, city, settings));
  const results = points.map(([lon, lat]) => probePoint(index.near(lon, lat), settings, lon, lat));
  const output =
    results.length === 1
      ? printable(results[0]!)
      : {
          points: results.map((result, at) => ({
            lon: points[at]![0],
            lat: points[at]![1],
            ...printable(result),
          })),
        };
  const calibration =
    calibrationPath === undefined
      ? {}
      : { calibration: { file: calibrationPath, corrections: corrections.length } };
  console.log(JSON.stringify({ ...output, ...calibration }));
  return 0;
}
