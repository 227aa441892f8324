import type { SelectionBudget, SelectionInstance } from './types';

/** Plain-array description of one candidate, for hand-made and small instances. */
export interface CandidateInput {
  id: string;
  lon: number;
  lat: number;
  /** Demand slots this candidate would cover. */
  coverSlots: readonly number[];
}

/** Builds a CSR selection instance from plain arrays (tests, small hand-made layouts). */
export function createSelectionInstance(
  demandWeights: readonly number[],
  candidates: readonly CandidateInput[],
  demandCellIndex?: readonly number[],
): SelectionInstance {
  const coverOffsets = new Int32Array(candidates.length + 1);
  let entryCount = 0;
  candidates.forEach((candidate, index) => {
    entryCount += candidate.coverSlots.length;
    coverOffsets[index + 1] = entryCount;
  });
  const coverSlots = new Int32Array(entryCount);
  candidates.forEach((candidate, index) => {
    coverSlots.set(candidate.coverSlots, coverOffsets[index]!);
  });
  const instance: SelectionInstance = {
    demand: {
      cellIndex: Int32Array.from(demandCellIndex ?? demandWeights.map((_, slot) => slot)),
      weight: Float64Array.from(demandWeights),
    },
    candidates: {
      id: candidates.map((candidate) => candidate.id),
      lon: Float64Array.from(candidates, (candidate) => candidate.lon),
      lat: Float64Array.from(candidates, (candidate) => candidate.lat),
      coverOffsets,
      coverSlots,
    },
  };
  validateSelectionInstance(instance);
  return instance;
}

/** Throws a descriptive error when array lengths, offsets, slots or weights are inconsistent. */
export function validateSelectionInstance(instance: SelectionInstance): void {
  const { demand, candidates } = instance;
  const demandCount = demand.weight.length;
  if (demand.cellIndex.length !== demandCount) {
    throw new Error('Selection instance: demand.cellIndex and demand.weight differ in length.');
  }
  for (let slot = 0; slot < demandCount; slot++) {
    const weight = demand.weight[slot]!;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `Selection instance: demand weight at slot ${slot} is ${weight}; must be finite and ≥ 0.`,
      );
    }
  }
  const candidateCount = candidates.id.length;
  if (candidates.lon.length !== candidateCount || candidates.lat.length !== candidateCount) {
    throw new Error('Selection instance: candidate id, lon and lat differ in length.');
  }
  if (candidates.coverOffsets.length !== candidateCount + 1 || candidates.coverOffsets[0] !== 0) {
    throw new Error('Selection instance: coverOffsets must have candidateCount + 1 entries starting at 0.');
  }
  for (let index = 0; index < candidateCount; index++) {
    if (candidates.coverOffsets[index + 1]! < candidates.coverOffsets[index]!) {
      throw new Error(`Selection instance: coverOffsets decrease at candidate ${index}.`);
    }
  }
  if (candidates.coverOffsets[candidateCount] !== candidates.coverSlots.length) {
    throw new Error('Selection instance: last coverOffsets entry must equal coverSlots length.');
  }
  for (const slot of candidates.coverSlots) {
    if (slot < 0 || slot >= demandCount) {
      throw new Error(`Selection instance: cover slot ${slot} outside demand (0..${demandCount - 1}).`);
    }
  }
}

/** Sum of all demand weights of the instance. */
export function totalDemandWeight(instance: SelectionInstance): number {
  let total = 0;
  for (const weight of instance.demand.weight) total += weight;
  return total;
}

/** Weight and cell count covered by a set of candidates together (each cell counted once). */
export function coverageOfCandidateSet(
  instance: SelectionInstance,
  candidateIndices: Iterable<number>,
): { weight: number; cellCount: number } {
  const { coverOffsets, coverSlots } = instance.candidates;
  const covered = new Uint8Array(instance.demand.weight.length);
  let weight = 0;
  let cellCount = 0;
  for (const candidate of candidateIndices) {
    for (let entry = coverOffsets[candidate]!; entry < coverOffsets[candidate + 1]!; entry++) {
      const slot = coverSlots[entry]!;
      if (covered[slot] === 0) {
        covered[slot] = 1;
        weight += instance.demand.weight[slot]!;
        cellCount++;
      }
    }
  }
  return { weight, cellCount };
}

/** Covered weight at which a target budget is met, or Infinity for a count budget. */
export function targetWeightOf(budget: SelectionBudget, demandWeight: number): number {
  if (budget.kind === 'target-weight') return budget.targetWeight;
  if (budget.kind === 'target-fraction') return budget.targetFraction * demandWeight;
  return Number.POSITIVE_INFINITY;
}

/** Largest number of picks a budget allows (Infinity for a target without a cap). */
export function maxPickCountOf(budget: SelectionBudget): number {
  const limit = budget.kind === 'count' ? budget.count : (budget.maxCount ?? Number.POSITIVE_INFINITY);
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isInteger(limit) || limit < 0)) {
    throw new Error(`Selection budget: site count must be a non-negative integer, got ${limit}.`);
  }
  return limit;
}
