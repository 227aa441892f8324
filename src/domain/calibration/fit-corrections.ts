/**
 * Fits one correction per environment class to matched samples: error ≈ offset + slope·log10(d / 1 km)
 * by least squares (linear-fit.ts). A class with fewer than MINIMUM_SAMPLES_PER_CLASS samples is left
 * uncorrected and reported; a class whose distances barely spread gets its offset only (a slope fitted
 * on a narrow range would be noise extrapolated to the whole range).
 */
import type { DensityClass } from '../plan/district-facts';
import { ENVIRONMENT_CLASSES, type EnvironmentCorrection, MINIMUM_SAMPLES_PER_CLASS } from './corrections';
import { LinearFitAccumulator } from './linear-fit';

/** Matched samples as columns: the error before correction, the distance and class of the serving site. */
export interface MatchedSamples {
  count: number;
  /** Predicted − measured RSRP, dB. */
  errorDb: ArrayLike<number>;
  /** Distance from the serving site, metres. */
  distanceM: ArrayLike<number>;
  /** ENVIRONMENT_CLASSES index of the serving site's class. */
  environment: ArrayLike<number>;
}

/** Below this standard deviation of log10(d), in decades (d within about ±25 %), no slope is fitted. */
export const MINIMUM_LOG_DISTANCE_SPREAD = 0.1;
/** Distances below this are read as this: the 38.901 formulas start at 10 m. */
export const MINIMUM_FIT_DISTANCE_M = 10;

export interface UncorrectedClass {
  environment: DensityClass;
  samples: number;
  reason: 'tooFewSamples';
  minimum: number;
}

export interface CorrectionFit {
  corrections: EnvironmentCorrection[];
  /** Classes with samples but too few of them (classes without any sample are not listed). */
  uncorrected: UncorrectedClass[];
}

/** log10 of a distance in km, for the fit and for applying it (d clamped to the 10 m floor). */
export const logDistanceKm = (distanceM: number): number =>
  Math.log10(Math.max(MINIMUM_FIT_DISTANCE_M, distanceM) / 1000);

export function fitCorrections(samples: MatchedSamples, minimum = MINIMUM_SAMPLES_PER_CLASS): CorrectionFit {
  const accumulators = ENVIRONMENT_CLASSES.map(() => new LinearFitAccumulator());
  const nearest = ENVIRONMENT_CLASSES.map(() => Number.POSITIVE_INFINITY);
  const farthest = ENVIRONMENT_CLASSES.map(() => 0);
  for (let index = 0; index < samples.count; index++) {
    const environment = samples.environment[index]!;
    const distanceM = Math.max(MINIMUM_FIT_DISTANCE_M, samples.distanceM[index]!);
    accumulators[environment]!.add(Math.log10(distanceM / 1000), samples.errorDb[index]!);
    if (distanceM < nearest[environment]!) nearest[environment] = distanceM;
    if (distanceM > farthest[environment]!) farthest[environment] = distanceM;
  }
  const corrections: EnvironmentCorrection[] = [];
  const uncorrected: UncorrectedClass[] = [];
  ENVIRONMENT_CLASSES.forEach((environment, classIndex) => {
    const accumulator = accumulators[classIndex]!;
    if (accumulator.count === 0) return;
    if (accumulator.count < minimum) {
      uncorrected.push({ environment, samples: accumulator.count, reason: 'tooFewSamples', minimum });
      return;
    }
    const range = { minDistanceM: nearest[classIndex]!, maxDistanceM: farthest[classIndex]! };
    const line = accumulator.line();
    if (line && line.xStandardDeviation >= MINIMUM_LOG_DISTANCE_SPREAD) {
      corrections.push({
        environment,
        offsetDb: line.intercept,
        slopeDbPerDecade: line.slope,
        samples: line.count,
        standardErrorDb: line.interceptStandardError,
        slopeStandardErrorDb: line.slopeStandardError,
        residualStdDb: line.residualStandardError,
        ...range,
      });
      return;
    }
    const mean = accumulator.mean()!;
    corrections.push({
      environment,
      offsetDb: mean.mean,
      slopeDbPerDecade: 0,
      samples: mean.count,
      standardErrorDb: mean.standardError,
      slopeStandardErrorDb: null,
      residualStdDb: mean.standardDeviation,
      ...range,
    });
  });
  return { corrections, uncorrected };
}
