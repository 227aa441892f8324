import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSelectionInstance,
  ExactSelectionTooLargeError,
  type ExactSolver,
  loadHighsSolver,
  randomDiscInstance,
  selectSitesExact,
  selectSitesSync,
} from '../../../../src/domain/suggest';
import { candidateAt, smallInstanceArbitrary } from '../../support/suggest/layouts';
import { bruteForceMaxCoverage, bruteForceMinSites, candidateDistanceM } from '../../support/suggest/oracle';

let solver: ExactSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** Greedy's worst-case guarantee for monotone submodular coverage (Nemhauser et al. 1978). */
const GREEDY_GUARANTEE = 1 - 1 / Math.E;

describe('exact mode (HiGHS)', () => {
  it('beats greedy where greedy is known to go wrong: one big middle vs two halves', () => {
    // Greedy takes 'middle' (7 cells), then 'right' (3 more) = 10; the optimum is both halves = 12.
    const weights = Array.from({ length: 12 }, () => 1);
    const instance = createSelectionInstance(weights, [
      candidateAt('middle', 0, 0, [2, 3, 4, 5, 6, 7, 8]),
      candidateAt('left', 500, 0, [0, 1, 2, 3, 4, 5]),
      candidateAt('right', 1000, 0, [6, 7, 8, 9, 10, 11]),
    ]);
    const greedy = selectSitesSync(instance, { budget: { kind: 'count', count: 2 } });
    const exact = selectSitesExact(instance, { budget: { kind: 'count', count: 2 }, solver });
    expect(greedy.coveredWeight).toBe(10);
    expect(greedy.picks.map((pick) => pick.id)).toEqual(['middle', 'right']);
    expect(exact.coveredWeight).toBe(12);
    expect(exact.provenOptimal).toBe(true);
    expect(exact.picks.map((pick) => pick.id).sort()).toEqual(['left', 'right']);
    expect(exact.picks.map((pick) => pick.cumulativeWeight)).toEqual([6, 12]);
  });

  it('equals greedy when footprints are disjoint (greedy is then optimal)', () => {
    const instance = createSelectionInstance(
      [3, 1, 4, 1, 5, 9, 2, 6],
      [0, 1, 2, 3].map((index) => candidateAt(`c${index}`, index * 500, 0, [2 * index, 2 * index + 1])),
    );
    const greedy = selectSitesSync(instance, { budget: { kind: 'count', count: 2 } });
    const exact = selectSitesExact(instance, { budget: { kind: 'count', count: 2 }, solver });
    // Pair weights 4, 5, 14, 8: the best two are c2 and c3.
    expect(greedy.coveredWeight).toBe(22);
    expect(greedy.picks.map((pick) => pick.id)).toEqual(['c2', 'c3']);
    expect(exact.picks.map((pick) => pick.id)).toEqual(greedy.picks.map((pick) => pick.id));
  });

  it('matches brute force over all k-subsets with and without spacing on seeded disc layouts', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const instance = randomDiscInstance({
        seed,
        columns: 30,
        rows: 30,
        cellSizeM: 50,
        candidateCount: 14,
        minRadiusM: 150,
        maxRadiusM: 400,
        existingSiteCount: 2,
        hotspotCount: 2,
      });
      for (const spacingM of [0, 500]) {
        const optimum = bruteForceMaxCoverage(instance, 4, spacingM);
        const exact = selectSitesExact(instance, {
          budget: { kind: 'count', count: 4 },
          minSpacingM: spacingM,
          solver,
        });
        expect(exact.coveredWeight).toBeCloseTo(optimum, 6);
        const greedy = selectSitesSync(instance, {
          budget: { kind: 'count', count: 4 },
          minSpacingM: spacingM,
        });
        expect(greedy.coveredWeight).toBeLessThanOrEqual(optimum * (1 + 1e-12));
        const chosen = exact.picks.map((pick) => pick.candidateIndex);
        for (const a of chosen) {
          for (const b of chosen)
            if (a < b) expect(candidateDistanceM(instance, a, b)).toBeGreaterThan(spacingM * 0.995);
        }
      }
    }
  });

  it('finds the fewest sites for a target, as brute force does', () => {
    const instance = randomDiscInstance({
      seed: 21,
      columns: 30,
      rows: 30,
      cellSizeM: 50,
      candidateCount: 12,
      minRadiusM: 150,
      maxRadiusM: 400,
      existingSiteCount: 1,
      hotspotCount: 2,
    });
    const targetWeight = 0.8 * bruteForceMaxCoverage(instance, 12);
    const fewest = bruteForceMinSites(instance, targetWeight);
    const exact = selectSitesExact(instance, { budget: { kind: 'target-weight', targetWeight }, solver });
    expect(exact.picks).toHaveLength(fewest);
    expect(exact.targetReached).toBe(true);
    const greedy = selectSitesSync(instance, { budget: { kind: 'target-weight', targetWeight } });
    expect(greedy.picks.length).toBeGreaterThanOrEqual(fewest);
  });

  it('respects the area predicate and keeps away from existing positions', () => {
    const instance = createSelectionInstance(
      [9, 5, 1, 1],
      [
        candidateAt('outside', 0, 0, [0]),
        candidateAt('near-existing', 1000, 0, [1]),
        candidateAt('ok-a', 2000, 0, [2]),
        candidateAt('ok-b', 3000, 0, [3]),
      ],
    );
    const exact = selectSitesExact(instance, {
      budget: { kind: 'count', count: 3 },
      isCandidateAllowed: (index) => index !== 0,
      minSpacingM: 200,
      avoidPositions: [candidateAt('existing', 1100, 0, [])],
      solver,
    });
    expect(exact.picks.map((pick) => pick.id).sort()).toEqual(['ok-a', 'ok-b']);
    expect(exact.coveredWeight).toBe(2);
  });

  it('refuses instances with more candidates than the limit, with a clear error', () => {
    const instance = createSelectionInstance(
      [1],
      Array.from({ length: 401 }, (_, index) => candidateAt(`c${index}`, index * 10, 0, [0])),
    );
    expect(() => selectSitesExact(instance, { budget: { kind: 'count', count: 1 }, solver })).toThrow(
      ExactSelectionTooLargeError,
    );
    expect(() => selectSitesExact(instance, { budget: { kind: 'count', count: 1 }, solver })).toThrow(
      /at most 400/,
    );
  });
});

describe('properties over random small instances (fixed seeds)', () => {
  it('greedy ≥ (1 − 1/e) × optimum, never above it, and lazy = plain greedy pick for pick', () => {
    fc.assert(
      fc.property(smallInstanceArbitrary, ({ instance, k }) => {
        const optimum = bruteForceMaxCoverage(instance, k);
        const lazy = selectSitesSync(instance, { budget: { kind: 'count', count: k } }, 'lazy-greedy');
        const plain = selectSitesSync(instance, { budget: { kind: 'count', count: k } }, 'greedy');
        expect(lazy.picks).toEqual(plain.picks);
        expect(lazy.evaluationCount).toBeLessThanOrEqual(plain.evaluationCount);
        expect(lazy.coveredWeight).toBeGreaterThanOrEqual(GREEDY_GUARANTEE * optimum - 1e-9);
        expect(lazy.coveredWeight).toBeLessThanOrEqual(optimum + 1e-9);
        expect(lazy.picks.every((pick) => pick.gainWeight > 0)).toBe(true);
      }),
      { seed: 20_240_607, numRuns: 300 },
    );
  });

  it('HiGHS equals brute force', () => {
    fc.assert(
      fc.property(smallInstanceArbitrary, ({ instance, k }) => {
        const exact = selectSitesExact(instance, { budget: { kind: 'count', count: k }, solver });
        expect(exact.coveredWeight).toBeCloseTo(bruteForceMaxCoverage(instance, k), 9);
        expect(exact.picks.length).toBeLessThanOrEqual(k);
      }),
      { seed: 7_031_974, numRuns: 60 },
    );
  });
});
