/**
 * Prediction against measurement, sample by sample: each sample is matched to its serving site — the
 * site whose id the file names, else the strongest site with the file's PCI, else the model's best server
 * at that point — and the model's median RSRP from that site at the exact point is compared with the
 * measured one. "Median" means without the planning shadow margin: a drive test measures the signal, not
 * the design margin (docs/calibration.md). The prediction is the probe's (coverage/probe.ts) with the
 * plain model; corrections are applied afterwards (calibration-report.ts), so a fit never stacks on a fit.
 */
import type { CityRaster } from '../coverage/city-raster';
import { columnOf, rowOf } from '../coverage/grid';
import { prepareProbeSites } from '../coverage/probe';
import type { CoverageSettings } from '../coverage/settings';
import type { RejectedRow } from '../import/import-types';
import type { SiteFeature } from '../types';
import { ENVIRONMENT_CLASSES } from './corrections';
import type { MeasurementColumns } from './measurement-set';
import { ServingSites } from './serving-sites';
import { SiteSearch } from './site-search';

/** How a sample found its serving site. */
export const MATCH_METHODS = ['id', 'pci', 'bestServer'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/** Matched samples as columns (one entry per matched sample, in set then file order). */
export interface MeasurementComparison {
  count: number;
  /** Which measurement set (index into the sets given) and which sample of it. */
  setIndex: Uint16Array;
  sampleIndex: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  measuredDbm: Float32Array;
  /** The plain model's median RSRP from the serving site, dBm. */
  predictedDbm: Float32Array;
  /** predicted − measured, dB. */
  errorDb: Float32Array;
  /** 2D distance to the serving site, metres. */
  distanceM: Float32Array;
  /** ENVIRONMENT_CLASSES index of the serving site's class. */
  environment: Uint8Array;
  /** 1-based district index of the sample's cell (CityRaster.district), 0 outside every district. */
  district: Uint8Array;
  /** MATCH_METHODS index. */
  matchedBy: Uint8Array;
  /** Index of the serving site in the sites given. */
  siteIndex: Int32Array;
  /** Samples with no site within its model's range, per set, with row and reason. */
  rejected: { setIndex: number; rejection: RejectedRow }[];
  /** Samples whose file named a cell or PCI that no site has (they fell back to the best server). */
  unmatchedIds: number;
}

export interface CompareOptions {
  signal?: AbortSignal;
  /** Called every few thousand samples with the share done. */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_EVERY = 4096;

/** Compares every sample of the sets with the plain model (settings' corrections are ignored). */
export function* compareMeasurementSteps(
  sites: readonly SiteFeature[],
  sets: readonly MeasurementColumns[],
  city: CityRaster,
  settings: CoverageSettings,
): Generator<number, MeasurementComparison> {
  const plain: CoverageSettings = { ...settings, mode: 'pathloss', corrections: [] };
  const search = new SiteSearch(prepareProbeSites(sites, city, plain), plain.losses.userHeightM);
  // The comparison is with the median: the planning margin is added back (see the header).
  const marginDb = plain.losses.shadowMarginDb;
  // Every sample's serving site, searched tile by tile (serving-sites.ts), then read back in file order.
  const serving = new ServingSites(search, sets);
  const { total } = serving;
  for (let from = 0; from < total; from += PROGRESS_EVERY) {
    if (from > 0) yield from / total;
    serving.searchRange(from, Math.min(total, from + PROGRESS_EVERY));
  }
  const columns = allocate(total);
  const rejected: MeasurementComparison['rejected'] = [];
  let count = 0;
  const { grid } = city;
  for (let index = 0; index < total; index++) {
    const setIndex = serving.setOf[index]!;
    const set = sets[setIndex]!;
    const sample = serving.sampleOf[index]!;
    const lon = serving.lon[index]!;
    const lat = serving.lat[index]!;
    const site = serving.site[index]!;
    if (site < 0) {
      rejected.push({
        setIndex,
        rejection: {
          row: set.rowNumbers[sample]!,
          reason: 'farFromSites',
          // Shown to the user: six decimals are 0.1 m, the datum conversion's digits beyond say nothing.
          params: { lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) },
        },
      });
      continue;
    }
    const measured = set.rsrpDbm[sample]!;
    const predicted = serving.rsrpDbm[index]! + marginDb;
    const column = columnOf(grid, lon);
    const row = rowOf(grid, lat);
    const inside = column >= 0 && row >= 0 && column < grid.columns && row < grid.rows;
    columns.setIndex[count] = setIndex;
    columns.sampleIndex[count] = sample;
    columns.lon[count] = lon;
    columns.lat[count] = lat;
    columns.measuredDbm[count] = measured;
    columns.predictedDbm[count] = predicted;
    columns.errorDb[count] = predicted - measured;
    columns.distanceM[count] = serving.distanceM[index]!;
    columns.environment[count] = ENVIRONMENT_CLASSES.indexOf(search.sites[site]!.environment);
    columns.district[count] = inside ? city.district[row * grid.columns + column]! : 0;
    columns.matchedBy[count] = serving.method[index]!;
    columns.siteIndex[count] = site;
    count++;
  }
  return { ...trim(columns, count), count, rejected, unmatchedIds: serving.unmatchedIds };
}

/** The comparison in one call (Node, tests). */
export function compareMeasurements(
  sites: readonly SiteFeature[],
  sets: readonly MeasurementColumns[],
  city: CityRaster,
  settings: CoverageSettings,
): MeasurementComparison {
  const steps = compareMeasurementSteps(sites, sets, city, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

type Columns = Omit<MeasurementComparison, 'count' | 'rejected' | 'unmatchedIds'>;

function allocate(length: number): Columns {
  return {
    setIndex: new Uint16Array(length),
    sampleIndex: new Uint32Array(length),
    lon: new Float64Array(length),
    lat: new Float64Array(length),
    measuredDbm: new Float32Array(length),
    predictedDbm: new Float32Array(length),
    errorDb: new Float32Array(length),
    distanceM: new Float32Array(length),
    environment: new Uint8Array(length),
    district: new Uint8Array(length),
    matchedBy: new Uint8Array(length),
    siteIndex: new Int32Array(length),
  };
}

function trim(columns: Columns, count: number): Columns {
  const result = {} as Record<keyof Columns, unknown>;
  for (const [key, column] of Object.entries(columns) as [keyof Columns, Columns[keyof Columns]][])
    result[key] = column.slice(0, count);
  return result as Columns;
}
