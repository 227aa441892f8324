/**
 * Independent oracles for the selection tests: exhaustive enumeration of candidate subsets, and
 * a great-circle spacing check with Turf (the code under test uses a local planar frame).
 */
import distance from '@turf/distance';
import type { SelectionInstance } from '../../../../src/domain/suggest';

/** Weight covered by a set of candidates, recomputed from scratch with a Set. */
export function coveredWeightOf(instance: SelectionInstance, chosen: readonly number[]): number {
  const slots = new Set<number>();
  for (const candidate of chosen) {
    const { coverOffsets, coverSlots } = instance.candidates;
    for (let entry = coverOffsets[candidate]!; entry < coverOffsets[candidate + 1]!; entry++) {
      slots.add(coverSlots[entry]!);
    }
  }
  let weight = 0;
  for (const slot of slots) weight += instance.demand.weight[slot]!;
  return weight;
}

/** Great-circle distance between two candidates, metres. */
export function candidateDistanceM(instance: SelectionInstance, a: number, b: number): number {
  const { lon, lat } = instance.candidates;
  return distance([lon[a]!, lat[a]!], [lon[b]!, lat[b]!], { units: 'meters' });
}

/** Calls visit with every subset of 0..count-1 of size ≤ maxSize whose members pass `compatible`. */
function forEachSubset(
  count: number,
  maxSize: number,
  compatible: (a: number, b: number) => boolean,
  visit: (subset: readonly number[]) => void,
): void {
  const subset: number[] = [];
  const extend = (start: number) => {
    visit(subset);
    if (subset.length === maxSize) return;
    for (let next = start; next < count; next++) {
      if (subset.every((member) => compatible(member, next))) {
        subset.push(next);
        extend(next + 1);
        subset.pop();
      }
    }
  };
  extend(0);
}

/** Best covered weight over all subsets of at most k candidates with no pair closer than spacingM. */
export function bruteForceMaxCoverage(instance: SelectionInstance, k: number, spacingM = 0): number {
  let best = 0;
  const compatible = (a: number, b: number) =>
    spacingM <= 0 || candidateDistanceM(instance, a, b) >= spacingM;
  forEachSubset(instance.candidates.id.length, k, compatible, (subset) => {
    best = Math.max(best, coveredWeightOf(instance, subset));
  });
  return best;
}

/** Fewest candidates whose union reaches targetWeight, or Infinity. */
export function bruteForceMinSites(instance: SelectionInstance, targetWeight: number): number {
  let fewest = Number.POSITIVE_INFINITY;
  const count = instance.candidates.id.length;
  forEachSubset(
    count,
    count,
    () => true,
    (subset) => {
      if (subset.length < fewest && coveredWeightOf(instance, subset) >= targetWeight) fewest = subset.length;
    },
  );
  return fewest;
}
