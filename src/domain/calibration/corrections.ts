/**
 * Per-environment corrections of the path-loss prediction, fitted on measurements (fit-corrections.ts)
 * and applied wherever the model predicts (kernels, point evaluation, SINR). The error model is
 * error(d) = predicted − measured ≈ offset + slope·log10(d / 1 km), so a corrected prediction is
 * RSRP − error(d): the offset is the error at 1 km, the slope its change per decade of distance.
 * Outside the distances the class was fitted on, d is clamped to that range: a fit never extrapolates.
 */
import type { DensityClass } from '../plan/district-facts';

export const ENVIRONMENT_CLASSES: readonly DensityClass[] = ['dense_urban', 'urban', 'suburban', 'rural'];

/**
 * Fewest samples of a class for a correction. Below it the class stays uncorrected and is reported:
 * docs/calibration.md gives the reason (shadowing of σ ≈ 6–8 dB, correlated over ~50 m along a route).
 */
export const MINIMUM_SAMPLES_PER_CLASS = 100;

export interface EnvironmentCorrection {
  environment: DensityClass;
  /** Mean prediction error at 1 km, dB (subtracted from the prediction). */
  offsetDb: number;
  /** Change of the error per decade of distance, dB (0 when the distances did not spread enough). */
  slopeDbPerDecade: number;
  /** Samples the class was fitted on. */
  samples: number;
  /** Standard error of offsetDb, dB. */
  standardErrorDb: number;
  /** Standard error of slopeDbPerDecade, dB per decade; null when the slope was not fitted. */
  slopeStandardErrorDb: number | null;
  /** Residual standard deviation of the class after the correction, dB. */
  residualStdDb: number;
  /** Distances the fit saw; the correction clamps d to this range. */
  minDistanceM: number;
  maxDistanceM: number;
}

/** The correction of each class by DENSITY_CLASSES index (undefined: none). */
export type CorrectionTable = readonly (EnvironmentCorrection | undefined)[];

export function correctionTable(corrections: readonly EnvironmentCorrection[]): CorrectionTable {
  return ENVIRONMENT_CLASSES.map((environment) =>
    corrections.find((correction) => correction.environment === environment),
  );
}

/** The error the correction predicts at a distance, dB (0 without a correction). */
export function correctionDb(correction: EnvironmentCorrection | undefined, distanceM: number): number {
  if (!correction) return 0;
  const clampedM = Math.min(correction.maxDistanceM, Math.max(correction.minDistanceM, distanceM));
  return correction.offsetDb + correction.slopeDbPerDecade * Math.log10(clampedM / 1000);
}

/** A short text that changes whenever the correction does (kernel cache keys). */
export function correctionKey(correction: EnvironmentCorrection | undefined): string {
  if (!correction) return '-';
  return `${correction.offsetDb}|${correction.slopeDbPerDecade}|${correction.minDistanceM}|${correction.maxDistanceM}`;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Limits a correction must respect to be applied: anything larger is not a calibration but a mistake. */
export const CORRECTION_LIMITS = {
  offsetDb: 60,
  slopeDbPerDecade: 60,
  distanceM: { min: 1, max: 100_000 },
} as const;

/** Distances a correction without its own range applies over: the model's 10 m – 10 km. */
export const DEFAULT_CORRECTION_RANGE_M = { min: 10, max: 10_000 } as const;

const optionalNumber = (
  record: Record<string, unknown>,
  key: string,
  minimum: number,
): string | undefined => {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return isFiniteNumber(value) && value >= minimum ? undefined : `${key} must be a number ≥ ${minimum}`;
};

/**
 * Checks a correction read from a file or a stored scenario; returns the reason it is unusable, or
 * undefined when it is fine. Only environment, offsetDb and slopeDbPerDecade are required, so a
 * correction can be written by hand; the rest describe the fit.
 */
export function correctionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  if (!ENVIRONMENT_CLASSES.includes(record.environment as DensityClass))
    return `environment must be one of ${ENVIRONMENT_CLASSES.join(', ')}`;
  if (!isFiniteNumber(record.offsetDb) || Math.abs(record.offsetDb) > CORRECTION_LIMITS.offsetDb)
    return `offsetDb must be a number within ±${CORRECTION_LIMITS.offsetDb}`;
  if (
    !isFiniteNumber(record.slopeDbPerDecade) ||
    Math.abs(record.slopeDbPerDecade) > CORRECTION_LIMITS.slopeDbPerDecade
  )
    return `slopeDbPerDecade must be a number within ±${CORRECTION_LIMITS.slopeDbPerDecade}`;
  if (record.samples !== undefined && (!Number.isInteger(record.samples) || (record.samples as number) < 0))
    return 'samples must be an integer ≥ 0';
  const { min, max } = CORRECTION_LIMITS.distanceM;
  const near = record.minDistanceM ?? DEFAULT_CORRECTION_RANGE_M.min;
  const far = record.maxDistanceM ?? DEFAULT_CORRECTION_RANGE_M.max;
  if (!isFiniteNumber(near) || !isFiniteNumber(far) || near < min || far > max || near > far)
    return `minDistanceM ≤ maxDistanceM must lie within ${min}–${max} m`;
  return (
    optionalNumber(record, 'standardErrorDb', 0) ??
    optionalNumber(record, 'slopeStandardErrorDb', 0) ??
    optionalNumber(record, 'residualStdDb', 0)
  );
}

/** Reads a list of corrections; throws an Error naming the first bad entry or a repeated class. */
export function readCorrections(value: unknown): EnvironmentCorrection[] {
  if (!Array.isArray(value)) throw new Error('corrections must be an array');
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const problem = correctionProblem(entry);
    if (problem) throw new Error(`corrections[${index}]: ${problem}`);
    const record = entry as Record<string, unknown>;
    const environment = record.environment as DensityClass;
    if (seen.has(environment)) throw new Error(`corrections[${index}]: ${environment} is corrected twice`);
    seen.add(environment);
    const numberOr = (key: string, fallback: number) =>
      isFiniteNumber(record[key]) ? record[key] : fallback;
    return {
      environment,
      offsetDb: record.offsetDb as number,
      slopeDbPerDecade: record.slopeDbPerDecade as number,
      samples: numberOr('samples', 0),
      standardErrorDb: numberOr('standardErrorDb', 0),
      slopeStandardErrorDb: isFiniteNumber(record.slopeStandardErrorDb) ? record.slopeStandardErrorDb : null,
      residualStdDb: numberOr('residualStdDb', 0),
      minDistanceM: numberOr('minDistanceM', DEFAULT_CORRECTION_RANGE_M.min),
      maxDistanceM: numberOr('maxDistanceM', DEFAULT_CORRECTION_RANGE_M.max),
    };
  });
}
