/**
 * Synthetic drive-test measurements (示意数据) for tests, benchmarks and trying the calibration by hand:
 * the plain model's median RSRP from the best server at each point, minus a known error per environment
 * class, error = offset + slope·log10(d / 1 km), minus Gaussian noise of σ dB. A calibration on them should
 * find the offsets and slopes back within their standard errors (docs/calibration.md). Points are drawn
 * around randomly chosen sites, 30 m – 1.5 km out (log-uniform), so distances spread over two decades.
 */
import { ENVIRONMENT_CLASSES } from '../calibration/corrections';
import { SiteSearch } from '../calibration/site-search';
import type { CityRaster } from '../coverage/city-raster';
import { prepareProbeSites } from '../coverage/probe';
import type { CoverageSettings } from '../coverage/settings';
import { createSeededRandom } from '../geo/seeded-random';
import { wgs84ToGcj02 } from '../import/coordinate-systems';
import type { DensityClass } from '../plan/district-facts';
import type { SiteFeature } from '../types';

export interface SyntheticError {
  offsetDb: number;
  slopeDbPerDecade: number;
}

export interface SyntheticMeasurementOptions {
  count: number;
  seed: number;
  /** The error each class shows (classes not listed: none). */
  truth: Partial<Record<DensityClass, SyntheticError>>;
  sigmaDb: number;
  /** Datum of the written positions: GCJ-02 as an Amap-based logger writes them. */
  crs?: 'wgs84' | 'gcj02';
  /** Write the serving cell id column (小区). */
  withCellIds?: boolean;
  /** Only around sites for which this holds (e.g. inside one district). */
  aroundSite?: (site: SiteFeature) => boolean;
}

const METRES_PER_DEGREE = 111_320;
const START_MS = Date.UTC(2026, 10, 2, 1, 0, 0);

/** A CSV (UTF-8, Chinese headers) of synthetic measurements, and each row's error before noise. */
export function synthesiseMeasurements(
  sites: readonly SiteFeature[],
  city: CityRaster,
  settings: CoverageSettings,
  options: SyntheticMeasurementOptions,
): { csv: string; expectedErrorDb: number[] } {
  const plain: CoverageSettings = { ...settings, mode: 'pathloss', corrections: [] };
  const probeSites = prepareProbeSites(sites, city, plain);
  const search = new SiteSearch(probeSites, plain.losses.userHeightM);
  const random = createSeededRandom(options.seed);
  const anchors = sites.filter((site) => options.aroundSite?.(site) ?? true);
  if (anchors.length === 0) throw new Error('no site to measure around');
  const header = ['时间', '经度', '纬度', 'SS-RSRP(dBm)', ...(options.withCellIds ? ['小区'] : [])];
  const lines = [header.join(',')];
  const expectedErrorDb: number[] = [];
  while (expectedErrorDb.length < options.count) {
    const anchor = anchors[random.integerBelow(anchors.length)]!;
    const [siteLon, siteLat] = anchor.geometry.coordinates as [number, number];
    const distanceM = 10 ** random.between(Math.log10(30), Math.log10(1500));
    const bearing = random.between(0, 2 * Math.PI);
    const lat = siteLat + (distanceM * Math.cos(bearing)) / METRES_PER_DEGREE;
    const lon =
      siteLon + (distanceM * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((siteLat * Math.PI) / 180));
    const hit = search.strongest(lon, lat);
    if (!hit) continue;
    const server = probeSites[hit.site]!;
    const truth = options.truth[server.environment] ?? { offsetDb: 0, slopeDbPerDecade: 0 };
    const error =
      truth.offsetDb + truth.slopeDbPerDecade * Math.log10(Math.max(10, hit.link.distanceM) / 1000);
    const measured =
      hit.link.rsrpDbm + plain.losses.shadowMarginDb - error - options.sigmaDb * random.normal();
    // A logger's range: anything outside is an error the import rejects, not a measurement.
    if (measured < -150 || measured > -20) continue;
    const [writtenLon, writtenLat] = options.crs === 'gcj02' ? wgs84ToGcj02(lon, lat) : [lon, lat];
    const time = new Date(START_MS + expectedErrorDb.length * 1000)
      .toISOString()
      .replace('T', ' ')
      .slice(0, 19);
    const cells = [time, writtenLon.toFixed(7), writtenLat.toFixed(7), measured.toFixed(2)];
    if (options.withCellIds) cells.push(server.feature.properties.id);
    lines.push(cells.join(','));
    expectedErrorDb.push(error);
  }
  return { csv: `${lines.join('\n')}\n`, expectedErrorDb };
}

/** The classes of DENSITY order, for callers building `truth`. */
export const SYNTHETIC_CLASSES = ENVIRONMENT_CLASSES;
