import { describe, expect, it } from 'vitest';
import {
  createSelectionInstance,
  type GreedyMethod,
  randomDiscInstance,
  selectSites,
  selectSitesSync,
} from '../../../../src/domain/suggest';
import { candidateAt } from '../../support/suggest/layouts';
import { candidateDistanceM, coveredWeightOf } from '../../support/suggest/oracle';

const METHODS: GreedyMethod[] = ['lazy-greedy', 'greedy'];

describe.each(METHODS)('%s on hand-made layouts', (method) => {
  it('picks the candidate that covers the most demand first, then the best complement', () => {
    const instance = createSelectionInstance(
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [
        candidateAt('small', 0, 0, [0, 1, 2]),
        candidateAt('big', 400, 0, [0, 1, 2, 3, 4, 5]),
        candidateAt('east', 800, 0, [6, 7]),
        candidateAt('overlap', 1200, 0, [4, 5, 6]),
      ],
    );
    const result = selectSitesSync(instance, { budget: { kind: 'count', count: 2 } }, method);
    expect(result.picks.map((pick) => pick.id)).toEqual(['big', 'east']);
    expect(result.picks.map((pick) => pick.gainWeight)).toEqual([6, 2]);
    expect(result.picks.map((pick) => pick.cumulativeWeight)).toEqual([6, 8]);
    expect(result.coveredWeight).toBe(8);
    expect(result.totalDemandWeight).toBe(10);
  });

  it('never picks a zero-gain candidate while a positive gain remains, and stops when none does', () => {
    // After 'first', 'twin' (lower index than 'tiny') gains 0 while 'tiny' still gains 1e-9.
    const instance = createSelectionInstance(
      [100, 1e-9, 0],
      [
        candidateAt('first', 0, 0, [0]),
        candidateAt('twin', 300, 0, [0]),
        candidateAt('tiny', 600, 0, [1]),
        candidateAt('worthless', 900, 0, [2]),
      ],
    );
    const result = selectSitesSync(instance, { budget: { kind: 'count', count: 4 } }, method);
    expect(result.picks.map((pick) => pick.id)).toEqual(['first', 'tiny']);
    expect(result.stopReason).toBe('no-positive-gain');
    expect(result.picks.every((pick) => pick.gainWeight > 0)).toBe(true);
  });

  it('breaks equal gains by the lowest candidate index', () => {
    const instance = createSelectionInstance(
      [2, 2, 2],
      [candidateAt('a', 0, 0, [1]), candidateAt('b', 300, 0, [0]), candidateAt('c', 600, 0, [2])],
    );
    const result = selectSitesSync(instance, { budget: { kind: 'count', count: 3 } }, method);
    expect(result.picks.map((pick) => pick.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps chosen sites at least the minimum spacing apart', () => {
    // 'west' and 'west-neighbour' are 200 m apart; with 300 m spacing only one may be chosen.
    const instance = createSelectionInstance(
      [5, 5, 5, 5, 1],
      [
        candidateAt('west', 0, 0, [0, 1]),
        candidateAt('west-neighbour', 200, 0, [2, 3]),
        candidateAt('far', 1000, 0, [4]),
      ],
    );
    const withoutSpacing = selectSitesSync(instance, { budget: { kind: 'count', count: 2 } }, method);
    expect(withoutSpacing.picks.map((pick) => pick.id)).toEqual(['west', 'west-neighbour']);
    const spaced = selectSitesSync(
      instance,
      { budget: { kind: 'count', count: 2 }, minSpacingM: 300 },
      method,
    );
    expect(spaced.picks.map((pick) => pick.id)).toEqual(['west', 'far']);
    expect(spaced.coveredWeight).toBe(11);
  });

  it('keeps away from the given existing positions', () => {
    const instance = createSelectionInstance(
      [5, 5, 1],
      [candidateAt('next-to-existing', 0, 0, [0, 1]), candidateAt('clear', 1000, 0, [2])],
    );
    const existing = candidateAt('existing', 100, 0, []);
    const result = selectSitesSync(
      instance,
      { budget: { kind: 'count', count: 2 }, minSpacingM: 250, avoidPositions: [existing] },
      method,
    );
    expect(result.picks.map((pick) => pick.id)).toEqual(['clear']);
  });

  it('chooses only candidates the area predicate allows', () => {
    const instance = createSelectionInstance(
      [9, 1, 1],
      [
        candidateAt('outside', 0, 0, [0]),
        candidateAt('inside-a', 500, 0, [1]),
        candidateAt('inside-b', 900, 0, [2]),
      ],
    );
    const result = selectSitesSync(
      instance,
      { budget: { kind: 'count', count: 3 }, isCandidateAllowed: (index) => index !== 0 },
      method,
    );
    expect(result.picks.map((pick) => pick.id)).toEqual(['inside-a', 'inside-b']);
  });

  it('reaches a coverage target with as few sites as greedy needs and reports when it cannot', () => {
    const instance = createSelectionInstance(
      [4, 3, 2, 1],
      [candidateAt('a', 0, 0, [0]), candidateAt('b', 300, 0, [1]), candidateAt('c', 600, 0, [2])],
    );
    const target = selectSitesSync(
      instance,
      { budget: { kind: 'target-fraction', targetFraction: 0.7 } },
      method,
    );
    expect(target.picks.map((pick) => pick.id)).toEqual(['a', 'b']);
    expect(target.stopReason).toBe('target-reached');
    expect(target.targetReached).toBe(true);
    const unreachable = selectSitesSync(
      instance,
      { budget: { kind: 'target-weight', targetWeight: 10 } },
      method,
    );
    expect(unreachable.picks).toHaveLength(3);
    expect(unreachable.coveredWeight).toBe(9);
    expect(unreachable.targetReached).toBe(false);
    expect(unreachable.stopReason).toBe('no-positive-gain');
    const capped = selectSitesSync(
      instance,
      { budget: { kind: 'target-weight', targetWeight: 9, maxCount: 1 } },
      method,
    );
    expect(capped.picks.map((pick) => pick.id)).toEqual(['a']);
    expect(capped.stopReason).toBe('count-reached');
  });
});

describe('lazy greedy (CELF) against plain greedy', () => {
  const instance = randomDiscInstance({
    seed: 7,
    columns: 80,
    rows: 80,
    cellSizeM: 50,
    candidateCount: 600,
    minRadiusM: 150,
    maxRadiusM: 400,
    existingSiteCount: 20,
    hotspotCount: 4,
  });

  it('picks the same sequence with the same gains and far fewer evaluations', () => {
    const options = { budget: { kind: 'count', count: 25 } } as const;
    const lazy = selectSitesSync(instance, options, 'lazy-greedy');
    const plain = selectSitesSync(instance, options, 'greedy');
    expect(lazy.picks).toHaveLength(25);
    expect(lazy.picks).toEqual(plain.picks);
    expect(plain.evaluationCount).toBeGreaterThan(25 * 500);
    expect(lazy.evaluationCount).toBeLessThan(plain.evaluationCount / 5);
  });

  it('reports cumulative weights that match an independent recount of the chosen set', () => {
    const result = selectSitesSync(instance, { budget: { kind: 'count', count: 12 }, minSpacingM: 400 });
    const chosen = result.picks.map((pick) => pick.candidateIndex);
    expect(result.coveredWeight).toBeCloseTo(coveredWeightOf(instance, chosen), 3);
    for (let a = 0; a < chosen.length; a++) {
      for (let b = a + 1; b < chosen.length; b++) {
        expect(candidateDistanceM(instance, chosen[a]!, chosen[b]!)).toBeGreaterThan(400 * 0.995);
      }
    }
  });
});

describe('cancel and progress', () => {
  const instance = randomDiscInstance({
    seed: 11,
    columns: 160,
    rows: 160,
    cellSizeM: 50,
    candidateCount: 4000,
    minRadiusM: 150,
    maxRadiusM: 400,
    existingSiteCount: 30,
    hotspotCount: 4,
  });

  it('rejects at once with an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      selectSites(instance, { budget: { kind: 'count', count: 5 }, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops after the pick during which the caller cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = selectSites(instance, {
      budget: { kind: 'count', count: 20 },
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.pickCount);
        if (progress.pickCount === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('yields to the event loop so a cancel sent from a timer lands mid-run', async () => {
    // The abort is queued as a macrotask: it can only land if the runner hands the loop back.
    const controller = new AbortController();
    let lastPick = 0;
    const run = selectSites(
      instance,
      {
        budget: { kind: 'count', count: 400 },
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.pickCount === 1) setTimeout(() => controller.abort(), 0);
          lastPick = progress.pickCount;
        },
      },
      'greedy',
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(lastPick).toBeLessThan(400);
  });

  it('reports progress once per pick with a rising fraction', () => {
    const fractions: number[] = [];
    selectSitesSync(instance, {
      budget: { kind: 'count', count: 4 },
      onProgress: (progress) => fractions.push(progress.fractionDone),
    });
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
  });
});
