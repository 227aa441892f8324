import { describe, expect, it } from 'vitest';
import { LinearFitAccumulator } from '../../../../src/domain/calibration/linear-fit';
import { createSeededRandom } from '../../../../src/domain/geo/seeded-random';

/**
 * An independent least-squares solver: Householder QR of the n × 2 design matrix [1, x], then back
 * substitution; standard errors from (RᵀR)⁻¹ = (XᵀX)⁻¹ and the residual sum. No running moments.
 */
function householderLine(xs: readonly number[], ys: readonly number[]) {
  const n = xs.length;
  const columns = [xs.map(() => 1), [...xs]];
  const y = [...ys];
  const r = [
    [0, 0],
    [0, 0],
  ];
  for (let k = 0; k < 2; k++) {
    const column = columns[k]!;
    let norm = 0;
    for (let i = k; i < n; i++) norm += column[i]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = column[k]! > 0 ? -norm : norm;
    const v = column.map((value, i) => (i < k ? 0 : i === k ? value - alpha : value));
    const vNorm2 = v.reduce((sum, value) => sum + value * value, 0);
    const reflect = (target: number[]) => {
      const dot = target.reduce((sum, value, i) => sum + value * v[i]!, 0);
      for (let i = 0; i < n; i++) target[i] = target[i]! - (2 * dot * v[i]!) / vNorm2;
    };
    for (let j = k; j < 2; j++) reflect(columns[j]!);
    reflect(y);
    for (let j = k; j < 2; j++) r[k]![j] = columns[j]![k]!;
  }
  const slope = y[1]! / r[1]![1]!;
  const intercept = (y[0]! - r[0]![1]! * slope) / r[0]![0]!;
  let residualSum = 0;
  for (let i = 2; i < n; i++) residualSum += y[i]! ** 2;
  const s2 = residualSum / (n - 2);
  // (RᵀR)⁻¹ for upper-triangular R = [[a, b], [0, c]]: R⁻¹ = [[1/a, −b/(ac)], [0, 1/c]].
  const [a, b, c] = [r[0]![0]!, r[0]![1]!, r[1]![1]!];
  const inverse = [
    [1 / a, -b / (a * c)],
    [0, 1 / c],
  ];
  const covariance00 = inverse[0]![0]! ** 2 + inverse[0]![1]! ** 2;
  const covariance11 = inverse[1]![1]! ** 2;
  return {
    intercept,
    slope,
    interceptStandardError: Math.sqrt(s2 * covariance00),
    slopeStandardError: Math.sqrt(s2 * covariance11),
    residualStandardError: Math.sqrt(s2),
  };
}

describe('LinearFitAccumulator', () => {
  it('fits a small set worked by hand', () => {
    // x = 0, 1, 2, 3; y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, Syy = 8.75.
    const fit = new LinearFitAccumulator();
    [1, 3, 2, 5].forEach((y, x) => {
      fit.add(x, y);
    });
    const line = fit.line()!;
    expect(line.slope).toBeCloseTo(1.1, 12);
    expect(line.intercept).toBeCloseTo(2.75 - 1.1 * 1.5, 12);
    // SSR = 8.75 − 1.1·5.5 = 2.7, s² = 1.35.
    expect(line.residualStandardError).toBeCloseTo(Math.sqrt(1.35), 12);
    expect(line.slopeStandardError).toBeCloseTo(Math.sqrt(1.35 / 5), 12);
    expect(line.interceptStandardError).toBeCloseTo(Math.sqrt(1.35 * (1 / 4 + 2.25 / 5)), 12);
  });

  it('agrees with a Householder QR solution on noisy, clustered log-distances', () => {
    const random = createSeededRandom(7);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let index = 0; index < 2000; index++) {
      // log10(d / 1 km) for d in 0.3–1.2 km: a narrow cluster where raw power sums lose digits.
      const x = Math.log10(random.between(300, 1200) / 1000);
      xs.push(x);
      ys.push(4 + 9 * x + 7 * random.normal());
    }
    const fit = new LinearFitAccumulator();
    xs.forEach((x, index) => {
      fit.add(x, ys[index]!);
    });
    const line = fit.line()!;
    const reference = householderLine(xs, ys);
    expect(line.intercept).toBeCloseTo(reference.intercept, 9);
    expect(line.slope).toBeCloseTo(reference.slope, 9);
    expect(line.interceptStandardError).toBeCloseTo(reference.interceptStandardError, 9);
    expect(line.slopeStandardError).toBeCloseTo(reference.slopeStandardError, 9);
    expect(line.residualStandardError).toBeCloseTo(reference.residualStandardError, 9);
  });

  it('stays exact where raw sums of squares cancel (x around 10⁶)', () => {
    const fit = new LinearFitAccumulator();
    for (let index = 0; index < 1000; index++) fit.add(1e6 + index * 1e-3, 2 + 3 * (index * 1e-3));
    const line = fit.line()!;
    expect(line.slope).toBeCloseTo(3, 6);
    expect(line.residualStandardError).toBeLessThan(1e-3);
  });

  it('has no line for fewer than two points or a single x, but has a mean', () => {
    const fit = new LinearFitAccumulator();
    fit.add(1, 2);
    expect(fit.line()).toBeUndefined();
    fit.add(1, 4);
    expect(fit.line()).toBeUndefined();
    expect(fit.mean()).toMatchObject({ count: 2, mean: 3 });
    expect(fit.mean()!.standardDeviation).toBeCloseTo(Math.SQRT2, 12);
  });
});
