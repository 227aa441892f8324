import { buildMaxCoverageModel, type MaxCoverageGoal, maxCoverageLpText } from './exact-model';
import type { ExactSolver } from './highs-loader';
import {
  coverageOfCandidateSet,
  maxPickCountOf,
  targetWeightOf,
  totalDemandWeight,
  validateSelectionInstance,
} from './instance';
import { SelectionState } from './selection-state';
import { SpacingIndex } from './spacing';
import type { SelectionInstance, SelectionOptions, SelectionPick, SelectionResult } from './types';

/** Exact mode refuses more (eligible, covering) candidates than this unless told otherwise. */
export const EXACT_MAX_CANDIDATES = 400;

export interface ExactSelectionOptions extends Omit<SelectionOptions, 'onProgress'> {
  /** A loaded HiGHS (see loadHighsSolver); injected so domain code never decides how wasm loads. */
  solver: ExactSolver;
  maxCandidates?: number;
  /** HiGHS wall-clock limit, seconds; on hitting it the best solution found is returned. */
  timeLimitS?: number;
  /** HiGHS relative MIP gap; 0 proves optimality exactly (the default: this is the test oracle). */
  relativeGap?: number;
}

export interface ExactSelectionResult extends SelectionResult {
  method: 'exact';
  /** HiGHS proved the solution optimal (within relativeGap). */
  provenOptimal: boolean;
  solverStatus: string;
  solveMs: number;
  modelCandidateCount: number;
  modelDemandGroupCount: number;
  conflictPairCount: number;
}

/** Thrown when an instance is too large for exact mode. */
export class ExactSelectionTooLargeError extends Error {
  constructor(candidateCount: number, limit: number) {
    super(
      `Exact selection handles at most ${limit} candidates; this area has ${candidateCount}. ` +
        'Use lazy greedy, or narrow the area or the candidate set.',
    );
    this.name = 'ExactSelectionTooLargeError';
  }
}

/**
 * Optimal site selection by integer programming with HiGHS: x_j binary per candidate,
 * 0 ≤ y_g ≤ 1 per demand group with y_g ≤ Σ x_j over its coverers, Σ x ≤ k, and x_a + x_b ≤ 1
 * for pairs closer than the spacing. Count budgets maximise covered weight; target budgets
 * minimise the number of sites. Picks are reported in greedy order within the optimal set.
 */
export function selectSitesExact(
  instance: SelectionInstance,
  options: ExactSelectionOptions,
): ExactSelectionResult {
  const startMs = performance.now();
  validateSelectionInstance(instance);
  options.signal?.throwIfAborted();
  const eligibility = new SelectionState(instance, options);
  const spacingM = options.minSpacingM ?? 0;
  const conflictPairs =
    spacingM > 0
      ? new SpacingIndex(instance.candidates.lon, instance.candidates.lat, spacingM).conflictPairs()
      : [];
  const model = buildMaxCoverageModel(instance, eligibility.eligible, conflictPairs);
  const limit = options.maxCandidates ?? EXACT_MAX_CANDIDATES;
  if (model.candidates.length > limit) throw new ExactSelectionTooLargeError(model.candidates.length, limit);

  const demandWeight = totalDemandWeight(instance);
  const targetWeight = targetWeightOf(options.budget, demandWeight);
  const budgetSiteLimit = maxPickCountOf(options.budget);
  const maxSites = Math.min(budgetSiteLimit, model.candidates.length);
  const solveStartMs = performance.now();
  let chosen: number[] = [];
  let solverStatus = 'Empty';
  let provenOptimal = true;
  if (maxSites > 0 && model.groupWeight.length > 0 && !(targetWeight <= 0)) {
    const solveGoal = (goal: MaxCoverageGoal) => {
      const solution = options.solver.solve(maxCoverageLpText(model, goal), {
        output_flag: false,
        mip_rel_gap: options.relativeGap ?? 0,
        time_limit: options.timeLimitS ?? 60,
      });
      const picked = model.candidates.filter((_, index) => {
        const column = solution.Columns[`x${index}`];
        return column !== undefined && 'Primal' in column && column.Primal > 0.5;
      });
      return { status: solution.Status, picked };
    };
    let outcome = Number.isFinite(targetWeight)
      ? solveGoal({ kind: 'min-sites', targetWeight, maxSites })
      : solveGoal({ kind: 'max-coverage', maxSites });
    // An unreachable target still deserves the best coverage the site cap allows.
    if (outcome.status === 'Infeasible') outcome = solveGoal({ kind: 'max-coverage', maxSites });
    if (outcome.status !== 'Optimal' && outcome.status !== 'Time limit reached') {
      throw new Error(`HiGHS could not solve the site-selection model: ${outcome.status}.`);
    }
    solverStatus = outcome.status;
    provenOptimal = outcome.status === 'Optimal';
    chosen = outcome.picked;
  }
  const solveMs = performance.now() - solveStartMs;
  const picks = orderByMarginalGain(instance, chosen);
  const covered = coverageOfCandidateSet(instance, chosen);
  const targetReached = Number.isFinite(targetWeight) && covered.weight >= targetWeight * (1 - 1e-9);
  return {
    method: 'exact',
    picks,
    totalDemandWeight: demandWeight,
    totalDemandCellCount: instance.demand.weight.length,
    coveredWeight: covered.weight,
    coveredCellCount: covered.cellCount,
    stopReason: targetReached
      ? 'target-reached'
      : picks.length >= budgetSiteLimit
        ? 'count-reached'
        : 'no-positive-gain',
    targetReached,
    evaluationCount: 0,
    elapsedMs: performance.now() - startMs,
    provenOptimal,
    solverStatus,
    solveMs,
    modelCandidateCount: model.candidates.length,
    modelDemandGroupCount: model.groupWeight.length,
    conflictPairCount: model.conflicts.length,
  };
}

/** Orders an optimal set as greedy would rank it, so the UI's list and curve read the same way. */
function orderByMarginalGain(instance: SelectionInstance, chosen: readonly number[]): SelectionPick[] {
  const state = new SelectionState(instance, { budget: { kind: 'count', count: chosen.length } });
  const remaining = [...chosen].sort((a, b) => a - b);
  const picks: SelectionPick[] = [];
  let cumulativeWeight = 0;
  let cumulativeCellCount = 0;
  while (remaining.length > 0) {
    let bestPosition = 0;
    let bestGain = -1;
    let bestCellCount = 0;
    remaining.forEach((candidate, position) => {
      const gain = state.gainOf(candidate);
      if (gain > bestGain) {
        bestGain = gain;
        bestPosition = position;
        bestCellCount = state.lastGainCellCount;
      }
    });
    // HiGHS may set a useless x to 1 under "≤ k"; such a site adds nothing and is not suggested.
    if (!(bestGain > 0)) break;
    const candidate = remaining.splice(bestPosition, 1)[0]!;
    state.choose(candidate);
    cumulativeWeight += bestGain;
    cumulativeCellCount += bestCellCount;
    picks.push({
      candidateIndex: candidate,
      id: instance.candidates.id[candidate]!,
      lon: instance.candidates.lon[candidate]!,
      lat: instance.candidates.lat[candidate]!,
      gainWeight: bestGain,
      gainCellCount: bestCellCount,
      cumulativeWeight,
      cumulativeCellCount,
    });
  }
  return picks;
}
