/**
 * Ordinary least squares for one straight line, y ≈ intercept + slope·x, with the standard error of each
 * coefficient. Sums are kept as running means and co-moments (Welford's update), not as raw Σx, Σx², Σxy:
 * log-distances cluster around one value and raw sums would cancel catastrophically in Σx² − (Σx)²/n.
 * Formulas (docs/calibration.md): slope = Sxy/Sxx, intercept = ȳ − slope·x̄, s² = (Syy − slope·Sxy)/(n − 2),
 * SE(slope) = s/√Sxx, SE(intercept) = s·√(1/n + x̄²/Sxx).
 */

export interface LinearFit {
  count: number;
  intercept: number;
  slope: number;
  /** Residual standard error s = √(SSR/(n − 2)); NaN below 3 points. */
  residualStandardError: number;
  interceptStandardError: number;
  slopeStandardError: number;
  /** Mean and standard deviation of x (the spread that pins the slope down). */
  xMean: number;
  xStandardDeviation: number;
}

/** The mean-only fit y ≈ intercept (slope fixed at 0), when x does not spread enough to fit a slope. */
export interface MeanFit {
  count: number;
  mean: number;
  standardDeviation: number;
  standardError: number;
}

export class LinearFitAccumulator {
  private n = 0;
  private meanX = 0;
  private meanY = 0;
  /** Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ), updated in one pass. */
  private sxx = 0;
  private syy = 0;
  private sxy = 0;

  get count(): number {
    return this.n;
  }

  add(x: number, y: number): void {
    this.n++;
    const dx = x - this.meanX;
    const dy = y - this.meanY;
    this.meanX += dx / this.n;
    this.meanY += dy / this.n;
    // (x − new x̄) and (y − new ȳ) complete the co-moment update exactly.
    this.sxx += dx * (x - this.meanX);
    this.syy += dy * (y - this.meanY);
    this.sxy += dx * (y - this.meanY);
  }

  /** The least-squares line; undefined below two points or when every x is equal. */
  line(): LinearFit | undefined {
    const { n, sxx, sxy, syy, meanX, meanY } = this;
    if (n < 2 || !(sxx > 0)) return undefined;
    const slope = sxy / sxx;
    const intercept = meanY - slope * meanX;
    const residualSum = Math.max(0, syy - slope * sxy);
    const s = n > 2 ? Math.sqrt(residualSum / (n - 2)) : Number.NaN;
    return {
      count: n,
      intercept,
      slope,
      residualStandardError: s,
      interceptStandardError: s * Math.sqrt(1 / n + (meanX * meanX) / sxx),
      slopeStandardError: s / Math.sqrt(sxx),
      xMean: meanX,
      xStandardDeviation: Math.sqrt(sxx / n),
    };
  }

  /** The mean of y with its standard error; undefined without points. */
  mean(): MeanFit | undefined {
    const { n, syy, meanY } = this;
    if (n === 0) return undefined;
    const standardDeviation = n > 1 ? Math.sqrt(syy / (n - 1)) : Number.NaN;
    return { count: n, mean: meanY, standardDeviation, standardError: standardDeviation / Math.sqrt(n) };
  }
}
