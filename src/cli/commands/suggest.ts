import type { ZoneCollection } from '../../domain/coverage/city-raster';
import { CoverageEngine } from '../../domain/coverage/coverage-engine';
import type { SuggestArea } from '../../domain/coverage/engine-footprints';
import { loadHighsSolver } from '../../domain/suggest/highs-loader';
import { type SuggestCandidate, suggest } from '../../domain/suggest/suggest';
import { ownTemplate } from '../../domain/suggest/suggest-candidates';
import { BANDS, type Band, type DistrictCollection, SITE_KINDS, type SiteKind } from '../../domain/types';
import { choiceFlag, numberFlag, parseFlags, requireFlag } from '../arguments';
import { CliError } from '../cli-error';
import { readSiteFile } from '../geo-files';
import { readShippedCity } from '../shipped-city';

const FLAGS = [
  'sites',
  'candidates',
  'count',
  'mode',
  'area',
  'min-spacing-m',
  'cell-m',
  'threshold-dbm',
  'kind',
  'band',
  'height-m',
] as const;

export const usage = `usage: npm run --silent cli -- suggest --sites FILE.geojson --candidates FILE.geojson --count N [options]

Chooses new sites among candidate positions to cover the most uncovered land (weighted like the
weak-spot ranking) on the app's engine, and prints one JSON object with the picks in order and the
coverage before and after. A candidate's own attributes (kind, band, heightM, radiusM, azimuthDeg,
tilts …) are used where present; the template flags fill the rest.

options:
  --sites FILE.geojson          the existing and planned sites (required)
  --candidates FILE.geojson     candidate positions: poles or sites, Points with unique ids (required)
  --count N                     how many sites to suggest, 1–10000 (required)
  --mode radius|pathloss        coverage model (default radius)
  --area ADCODE|ZONE_ID         a district adcode (e.g. 310115) or a plan-zone id (default: the city)
  --min-spacing-m M             minimum distance between two suggested sites (default 0)
  --cell-m M                    grid cell size, 25–200 m (default 50)
  --threshold-dbm T             SS-RSRP coverage threshold in path-loss mode (default -105)
  --kind macro|micro|indoor     template kind for candidates without one (default micro)
  --band n28|n41|n78|n79        template band (default n78)
  --height-m H                  template antenna height, metres (default 10)
  --exact                       optimal choice with the HiGHS solver (up to 400 useful candidates)
                                instead of the lazy greedy
  --help                        print this help`;

const round = (value: number, digits = 6): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  // --exact is a switch (no value); the other flags are `--name value` pairs.
  const exact = args.includes('--exact');
  const flags = parseFlags(
    args.filter((arg) => arg !== '--exact'),
    FLAGS,
  );
  const sitesPath = requireFlag(flags, 'sites');
  const candidatesPath = requireFlag(flags, 'candidates');
  const count = numberFlag(flags, 'count', { min: 1, max: 10_000 });
  if (!Number.isInteger(count)) throw new CliError(`--count must be a whole number, got ${count}`);
  const mode = choiceFlag(flags, 'mode', ['radius', 'pathloss'] as const, 'radius');
  const minSpacingM = numberFlag(flags, 'min-spacing-m', { min: 0, max: 100_000 }, 0);
  const cellM = numberFlag(flags, 'cell-m', { min: 25, max: 200 }, 50);
  const thresholdDbm = numberFlag(flags, 'threshold-dbm', { min: -160, max: -30 }, -105);
  const kind = choiceFlag<SiteKind>(flags, 'kind', SITE_KINDS, 'micro');
  const band = choiceFlag<Band>(flags, 'band', BANDS, 'n78');
  const heightM = numberFlag(flags, 'height-m', { min: 1, max: 150 }, 10);

  const sites = readSiteFile(sitesPath);
  const candidates = readCandidates(candidatesPath);
  const city = readShippedCity();
  const area = areaOf(flags.get('area'), city.districts, city.zones);
  const engine = new CoverageEngine(city, { mode, cellM, thresholdDbm });
  engine.computeAll(sites.features);
  let result: Awaited<ReturnType<typeof suggest>>;
  try {
    result = await suggest(
      engine,
      {
        area,
        candidates,
        template: { kind, band, heightM },
        budget: { kind: 'count', count },
        minSpacingM,
        method: exact ? 'exact' : 'lazy-greedy',
      },
      { loadSolver: () => loadHighsSolver() },
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ExactSelectionTooLargeError')
      throw new CliError(error.message);
    throw error;
  }
  console.log(
    JSON.stringify({
      mode,
      area,
      method: result.method,
      suggested: result.picks.map((pick) => ({
        rank: pick.rank,
        id: pick.id,
        lon: pick.lon,
        lat: pick.lat,
        ...(pick.poleId !== undefined ? { poleId: pick.poleId } : {}),
        gainKm2: round(pick.gainKm2),
        gainPercentagePoints: round(pick.gainPercentagePoints, 4),
        gapsClosed: pick.gapsClosed.length,
      })),
      areaLandKm2: round(result.areaLandKm2, 3),
      coveredKm2Before: round(result.coveredKm2Before),
      coveredKm2After: round(result.coveredKm2After),
      coveredFractionBefore: round(result.coveredKm2Before / result.areaLandKm2),
      coveredFractionAfter: round(result.coveredKm2After / result.areaLandKm2),
      cityCoveredKm2Before: round(result.cityCoveredKm2Before),
      cityCoveredKm2After: round(result.cityCoveredKm2After),
      candidateCount: result.candidateCount,
      usefulCandidateCount: result.usefulCandidateCount,
      evaluationCount: result.evaluationCount,
      stopReason: result.stopReason,
      suggestMs: Math.round(result.elapsedMs),
      elapsedMs: Math.round(performance.now() - started),
    }),
  );
  return 0;
}

/** District adcode or plan-zone id → area; no flag = the whole city. */
function areaOf(
  raw: string | undefined,
  districts: DistrictCollection,
  zones: ZoneCollection | undefined,
): SuggestArea {
  if (raw === undefined) return { kind: 'city' };
  if (districts.features.some((feature) => feature.properties.adcode === raw)) {
    return { kind: 'district', adcode: raw };
  }
  if (zones?.features.some((feature) => feature.properties.id === raw)) return { kind: 'zone', id: raw };
  throw new CliError(`--area "${raw}" is neither a district adcode (e.g. 310115) nor a plan-zone id`);
}

/**
 * Candidate positions: a FeatureCollection of Points with unique ids (a pole file or a site file),
 * checked with the attribute panel's rules. A feature without `kind` is taken as a comprehensive pole,
 * so the suggestion keeps its poleId. Each candidate keeps its own site attributes (kind, band,
 * heightM — a pole's height is where its antenna hangs —, radiusM, azimuthDeg, tilts …): the
 * template flags only fill what a candidate does not say.
 */
function readCandidates(path: string): SuggestCandidate[] {
  let collection: ReturnType<typeof readSiteFile>;
  try {
    collection = readSiteFile(path);
  } catch (error) {
    if (error instanceof CliError) throw new CliError(error.message.replace('sites file', 'candidates file'));
    throw error;
  }
  return collection.features.map((feature) => {
    const { id, poleId } = feature.properties;
    const isPole = feature.properties.kind === undefined;
    const template = ownTemplate(feature.properties);
    return {
      id: String(id),
      lon: feature.geometry.coordinates[0]!,
      lat: feature.geometry.coordinates[1]!,
      source: isPole ? 'pole' : 'file',
      ...(Object.keys(template).length > 0 ? { template } : {}),
      ...(isPole ? { poleId: String(id) } : poleId ? { poleId } : {}),
    } satisfies SuggestCandidate;
  });
}
