/**
 * Summary of prediction errors, error = predicted − measured RSRP in dB (positive: the model is
 * optimistic). Mean error (bias), standard deviation (sample, n − 1) and root-mean-square error, with
 * RMSE² = mean² + (n − 1)/n · std² (docs/calibration.md).
 */

export interface ErrorStatistics {
  count: number;
  meanErrorDb: number;
  stdDb: number;
  rmseDb: number;
}

/** One-pass accumulator (Welford's mean and second moment, and the plain mean square). */
export class ErrorAccumulator {
  private n = 0;
  private mean = 0;
  private secondMoment = 0;
  private sumSquares = 0;

  get count(): number {
    return this.n;
  }

  add(errorDb: number): void {
    this.n++;
    const delta = errorDb - this.mean;
    this.mean += delta / this.n;
    this.secondMoment += delta * (errorDb - this.mean);
    this.sumSquares += errorDb * errorDb;
  }

  /** The statistics so far; NaN where a figure needs more samples (mean: 1, std: 2). */
  result(): ErrorStatistics {
    const { n } = this;
    return {
      count: n,
      meanErrorDb: n > 0 ? this.mean : Number.NaN,
      stdDb: n > 1 ? Math.sqrt(this.secondMoment / (n - 1)) : Number.NaN,
      rmseDb: n > 0 ? Math.sqrt(this.sumSquares / n) : Number.NaN,
    };
  }
}

/** Statistics of a list of errors. */
export function errorStatistics(errorsDb: ArrayLike<number>): ErrorStatistics {
  const accumulator = new ErrorAccumulator();
  for (let index = 0; index < errorsDb.length; index++) accumulator.add(errorsDb[index]!);
  return accumulator.result();
}
