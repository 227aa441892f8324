import { describe, expect, it } from 'vitest';
import { correctionDb, readCorrections } from '../../../../src/domain/calibration/corrections';
import { fitCorrections, type MatchedSamples } from '../../../../src/domain/calibration/fit-corrections';
import { createSeededRandom } from '../../../../src/domain/geo/seeded-random';

/** Errors offset + slope·log10(d/1 km) + σ·N(0,1) per class, distances log-uniform over 50 m – 3 km. */
function synthesise(
  seed: number,
  classes: { environment: number; count: number; offsetDb: number; slopeDbPerDecade: number }[],
  sigmaDb: number,
): MatchedSamples {
  const random = createSeededRandom(seed);
  const errorDb: number[] = [];
  const distanceM: number[] = [];
  const environment: number[] = [];
  for (const group of classes) {
    for (let index = 0; index < group.count; index++) {
      const d = 10 ** random.between(Math.log10(50), Math.log10(3000));
      distanceM.push(d);
      environment.push(group.environment);
      errorDb.push(
        group.offsetDb + group.slopeDbPerDecade * Math.log10(d / 1000) + sigmaDb * random.normal(),
      );
    }
  }
  return { count: errorDb.length, errorDb, distanceM, environment };
}

describe('fitCorrections', () => {
  it('recovers each class offset and slope within two standard errors', () => {
    const truth = [
      { environment: 0, count: 3000, offsetDb: 6, slopeDbPerDecade: -4 },
      { environment: 1, count: 2000, offsetDb: -3, slopeDbPerDecade: 5 },
      { environment: 2, count: 1500, offsetDb: 9, slopeDbPerDecade: 0 },
    ];
    const fit = fitCorrections(synthesise(11, truth, 7));
    expect(fit.corrections.map((correction) => correction.environment)).toEqual([
      'dense_urban',
      'urban',
      'suburban',
    ]);
    fit.corrections.forEach((correction, index) => {
      const expected = truth[index]!;
      expect(Math.abs(correction.offsetDb - expected.offsetDb)).toBeLessThan(2 * correction.standardErrorDb);
      expect(Math.abs(correction.slopeDbPerDecade - expected.slopeDbPerDecade)).toBeLessThan(
        2 * correction.slopeStandardErrorDb!,
      );
      expect(correction.residualStdDb).toBeGreaterThan(6.5);
      expect(correction.residualStdDb).toBeLessThan(7.5);
      expect(correction.samples).toBe(expected.count);
    });
  });

  it('gives standard errors that cover the truth about 68 % of the time', () => {
    let offsetInside = 0;
    let slopeInside = 0;
    const runs = 300;
    for (let seed = 1; seed <= runs; seed++) {
      const fit = fitCorrections(
        synthesise(seed, [{ environment: 1, count: 200, offsetDb: 5, slopeDbPerDecade: 8 }], 6),
      );
      const [correction] = fit.corrections;
      if (Math.abs(correction!.offsetDb - 5) <= correction!.standardErrorDb) offsetInside++;
      if (Math.abs(correction!.slopeDbPerDecade - 8) <= correction!.slopeStandardErrorDb!) slopeInside++;
    }
    // Binomial(300, 0.683): 0.683 ± 3·0.027.
    for (const inside of [offsetInside, slopeInside]) {
      expect(inside / runs).toBeGreaterThan(0.6);
      expect(inside / runs).toBeLessThan(0.77);
    }
  });

  it('leaves a class with too few samples uncorrected and reports it', () => {
    const fit = fitCorrections(
      synthesise(
        3,
        [
          { environment: 0, count: 500, offsetDb: 4, slopeDbPerDecade: 0 },
          { environment: 3, count: 99, offsetDb: 20, slopeDbPerDecade: 0 },
        ],
        5,
      ),
    );
    expect(fit.corrections.map((correction) => correction.environment)).toEqual(['dense_urban']);
    expect(fit.uncorrected).toEqual([
      { environment: 'rural', samples: 99, reason: 'tooFewSamples', minimum: 100 },
    ]);
  });

  it('fits only an offset when every sample is at nearly the same distance', () => {
    const random = createSeededRandom(5);
    const count = 400;
    const samples: MatchedSamples = {
      count,
      errorDb: Array.from({ length: count }, () => 3 + 2 * random.normal()),
      distanceM: Array.from({ length: count }, () => random.between(480, 520)),
      environment: new Array(count).fill(2),
    };
    const [correction] = fitCorrections(samples).corrections;
    expect(correction!.slopeDbPerDecade).toBe(0);
    expect(correction!.slopeStandardErrorDb).toBeNull();
    expect(Math.abs(correction!.offsetDb - 3)).toBeLessThan(3 * correction!.standardErrorDb);
    expect(correction!.standardErrorDb).toBeCloseTo(2 / Math.sqrt(count), 1);
  });
});

describe('correctionDb', () => {
  const [correction] = readCorrections([
    { environment: 'urban', offsetDb: 5, slopeDbPerDecade: 10, minDistanceM: 100, maxDistanceM: 2000 },
  ]);

  it('is the offset at 1 km and changes by the slope per decade', () => {
    expect(correctionDb(correction, 1000)).toBeCloseTo(5, 12);
    expect(correctionDb(correction, 100)).toBeCloseTo(-5, 12);
  });

  it('clamps the distance to the fitted range instead of extrapolating', () => {
    expect(correctionDb(correction, 10)).toBeCloseTo(-5, 12);
    expect(correctionDb(correction, 50_000)).toBeCloseTo(5 + 10 * Math.log10(2), 12);
    expect(correctionDb(undefined, 500)).toBe(0);
  });

  it('refuses corrections that are not corrections', () => {
    expect(() => readCorrections([{ environment: 'moon', offsetDb: 1, slopeDbPerDecade: 0 }])).toThrow(
      /environment/,
    );
    expect(() => readCorrections([{ environment: 'urban', offsetDb: 400, slopeDbPerDecade: 0 }])).toThrow(
      /offsetDb/,
    );
    expect(() =>
      readCorrections([
        { environment: 'urban', offsetDb: 1, slopeDbPerDecade: 0 },
        { environment: 'urban', offsetDb: 2, slopeDbPerDecade: 0 },
      ]),
    ).toThrow(/twice/);
  });
});
