/**
 * Site selection (maximum coverage location problem) on an abstract instance.
 * The instance is engine-agnostic: demand cells with weights, and candidates with the demand
 * they would cover. instance-from-footprints.ts builds one from the coverage engine.
 */

/** Uncovered demand: one entry per grid cell that still needs coverage ("demand slot"). */
export interface SelectionDemand {
  /** Grid cell index of each demand slot (kept so picks can be drawn and re-checked). */
  cellIndex: Int32Array;
  /** Weight of each slot, e.g. cell area m² × priority; finite and ≥ 0. */
  weight: Float64Array;
}

/**
 * Candidate positions and their footprints in CSR layout. Footprint entries are demand SLOTS
 * (positions in SelectionDemand), not grid cell indices: the covered state is then a dense array
 * the length of the demand, and cells that are already covered or outside the area never appear.
 */
export interface SelectionCandidates {
  id: readonly string[];
  lon: Float64Array;
  lat: Float64Array;
  /** Length candidateCount + 1; candidate j covers coverSlots[coverOffsets[j] .. coverOffsets[j+1]). */
  coverOffsets: Int32Array;
  coverSlots: Int32Array;
}

export interface SelectionInstance {
  demand: SelectionDemand;
  candidates: SelectionCandidates;
}

/** How many sites: a fixed count, or a covered-weight target reached with as few sites as possible. */
export type SelectionBudget =
  | { kind: 'count'; count: number }
  /** targetWeight in the instance's weight unit; maxCount caps the number of picks. */
  | { kind: 'target-weight'; targetWeight: number; maxCount?: number }
  /** targetFraction of the instance's total demand weight (the uncovered demand), 0..1. */
  | { kind: 'target-fraction'; targetFraction: number; maxCount?: number };

export interface SelectionProgress {
  pickCount: number;
  coveredWeight: number;
  evaluationCount: number;
  /** 0..1: picks against the count budget, or covered weight against the target. */
  fractionDone: number;
}

/** A position near which no candidate may be chosen (e.g. existing sites). */
export interface LonLat {
  lon: number;
  lat: number;
}

export interface SelectionOptions {
  budget: SelectionBudget;
  /** Minimum distance between two chosen sites, metres; pairs closer than this conflict. 0 = none. */
  minSpacingM?: number;
  /** Candidates closer than minSpacingM to any of these positions are never chosen. */
  avoidPositions?: readonly LonLat[];
  /** Extra area restriction on candidates; the caller normally filters when building the instance. */
  isCandidateAllowed?: (candidateIndex: number) => boolean;
  onProgress?: (progress: SelectionProgress) => void;
  signal?: AbortSignal;
}

export type SelectionMethod = 'lazy-greedy' | 'greedy' | 'exact';

export type SelectionStopReason =
  | 'count-reached'
  | 'target-reached'
  /** Every remaining allowed candidate would add zero weight. */
  | 'no-positive-gain';

/** One chosen site, in pick order. Gains are marginal: what this pick adds to the ones before it. */
export interface SelectionPick {
  candidateIndex: number;
  id: string;
  lon: number;
  lat: number;
  gainWeight: number;
  gainCellCount: number;
  cumulativeWeight: number;
  cumulativeCellCount: number;
}

export interface SelectionResult {
  method: SelectionMethod;
  picks: SelectionPick[];
  /** Sum of all demand weights in the instance (the uncovered demand before selection). */
  totalDemandWeight: number;
  totalDemandCellCount: number;
  coveredWeight: number;
  coveredCellCount: number;
  stopReason: SelectionStopReason;
  /** True when a target budget was met (always false for count budgets). */
  targetReached: boolean;
  /** Marginal-gain evaluations (one evaluation = one pass over one candidate's footprint). */
  evaluationCount: number;
  elapsedMs: number;
}
