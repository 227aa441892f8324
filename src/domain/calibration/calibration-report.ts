/**
 * The comparison's figures: mean error, standard deviation and RMSE of prediction − measurement for the
 * whole set, by environment class and by district, before and after a set of corrections; a histogram
 * and an error-by-distance table; the per-class fit. `after` uses the corrections given — the fit's own
 * (a preview) or the scenario's applied calibration.
 */
import type { DistrictInfo } from '../coverage/city-raster';
import type { DensityClass } from '../plan/district-facts';
import type { MeasurementComparison } from './compare-measurements';
import { MATCH_METHODS, type MatchMethod } from './compare-measurements';
import {
  correctionDb,
  correctionTable,
  ENVIRONMENT_CLASSES,
  type EnvironmentCorrection,
  MINIMUM_SAMPLES_PER_CLASS,
} from './corrections';
import { ErrorAccumulator, type ErrorStatistics } from './error-statistics';
import { type CorrectionFit, fitCorrections } from './fit-corrections';

export interface GroupFigures {
  samples: number;
  before: ErrorStatistics;
  after: ErrorStatistics;
  /** Fewer samples than MINIMUM_SAMPLES_PER_CLASS: its figures say little (the UI warns). */
  tooFew: boolean;
}

export interface DistanceBin {
  fromM: number;
  toM: number;
  samples: number;
  before: ErrorStatistics;
  after: ErrorStatistics;
}

export interface CalibrationReport {
  samples: number;
  before: ErrorStatistics;
  after: ErrorStatistics;
  byEnvironment: (GroupFigures & { environment: DensityClass })[];
  byDistrict: (GroupFigures & { adcode: string; name: string })[];
  /** Counts per HISTOGRAM bin: [underflow, bins…, overflow]. */
  histogram: { firstDb: number; binDb: number; bins: number; before: number[]; after: number[] };
  distance: DistanceBin[];
  matchedBy: Record<MatchMethod, number>;
  /** The fit on these samples (whatever corrections `after` used). */
  fit: CorrectionFit;
  minimumSamples: number;
}

export const HISTOGRAM = { firstDb: -30, binDb: 2, bins: 30 } as const;
/** Distance bins of the error-vs-distance chart, metres. */
export const DISTANCE_EDGES_M = [
  0, 50, 100, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000, 10_000,
] as const;

const histogramSlot = (errorDb: number): number => {
  const bin = Math.floor((errorDb - HISTOGRAM.firstDb) / HISTOGRAM.binDb);
  return bin < 0 ? 0 : bin >= HISTOGRAM.bins ? HISTOGRAM.bins + 1 : bin + 1;
};

const distanceSlot = (distanceM: number): number => {
  for (let index = 1; index < DISTANCE_EDGES_M.length; index++)
    if (distanceM < DISTANCE_EDGES_M[index]!) return index - 1;
  return DISTANCE_EDGES_M.length - 2;
};

class PairAccumulator {
  readonly before = new ErrorAccumulator();
  readonly after = new ErrorAccumulator();
  add(before: number, after: number): void {
    this.before.add(before);
    this.after.add(after);
  }
  figures(): GroupFigures {
    const samples = this.before.count;
    return {
      samples,
      before: this.before.result(),
      after: this.after.result(),
      tooFew: samples < MINIMUM_SAMPLES_PER_CLASS,
    };
  }
}

/** The error after corrections for each matched sample. */
export function correctedErrors(
  comparison: MeasurementComparison,
  corrections: readonly EnvironmentCorrection[],
): Float32Array {
  const table = correctionTable(corrections);
  const result = new Float32Array(comparison.count);
  for (let index = 0; index < comparison.count; index++) {
    const correction = table[comparison.environment[index]!];
    result[index] = comparison.errorDb[index]! - correctionDb(correction, comparison.distanceM[index]!);
  }
  return result;
}

export function buildCalibrationReport(
  comparison: MeasurementComparison,
  corrections: readonly EnvironmentCorrection[],
  districts: readonly DistrictInfo[],
): CalibrationReport {
  const after = correctedErrors(comparison, corrections);
  const whole = new PairAccumulator();
  const environments = ENVIRONMENT_CLASSES.map(() => new PairAccumulator());
  const byDistrict = districts.map(() => new PairAccumulator());
  const distance = DISTANCE_EDGES_M.slice(1).map(() => new PairAccumulator());
  const histogramBefore = new Array<number>(HISTOGRAM.bins + 2).fill(0);
  const histogramAfter = new Array<number>(HISTOGRAM.bins + 2).fill(0);
  const matchedBy = { id: 0, pci: 0, bestServer: 0 } as Record<MatchMethod, number>;
  for (let index = 0; index < comparison.count; index++) {
    const before = comparison.errorDb[index]!;
    const corrected = after[index]!;
    whole.add(before, corrected);
    environments[comparison.environment[index]!]!.add(before, corrected);
    const district = comparison.district[index]!;
    if (district > 0) byDistrict[district - 1]?.add(before, corrected);
    distance[distanceSlot(comparison.distanceM[index]!)]!.add(before, corrected);
    histogramBefore[histogramSlot(before)]!++;
    histogramAfter[histogramSlot(corrected)]!++;
    matchedBy[MATCH_METHODS[comparison.matchedBy[index]!]!]++;
  }
  const figures = whole.figures();
  return {
    samples: comparison.count,
    before: figures.before,
    after: figures.after,
    byEnvironment: ENVIRONMENT_CLASSES.map((environment, index) => ({
      environment,
      ...environments[index]!.figures(),
    })).filter((group) => group.samples > 0),
    byDistrict: districts
      .map((district, index) => ({
        adcode: district.adcode,
        name: district.name,
        ...byDistrict[index]!.figures(),
      }))
      .filter((group) => group.samples > 0),
    histogram: { ...HISTOGRAM, before: histogramBefore, after: histogramAfter },
    distance: distance
      .map((bin, index) => ({
        fromM: DISTANCE_EDGES_M[index]!,
        toM: DISTANCE_EDGES_M[index + 1]!,
        ...bin.figures(),
      }))
      .filter((bin) => bin.samples > 0)
      .map(({ tooFew: _tooFew, ...bin }) => bin),
    matchedBy,
    fit: fitCorrections(comparison),
    minimumSamples: MINIMUM_SAMPLES_PER_CLASS,
  };
}
