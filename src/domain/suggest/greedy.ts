import { maxPickCountOf, targetWeightOf, totalDemandWeight, validateSelectionInstance } from './instance';
import { type CandidatePicker, LazyGreedyPicker, PlainGreedyPicker } from './pickers';
import { SelectionState } from './selection-state';
import type {
  SelectionInstance,
  SelectionOptions,
  SelectionPick,
  SelectionResult,
  SelectionStopReason,
} from './types';

export type GreedyMethod = 'lazy-greedy' | 'greedy';

/** The async runner hands the event loop back this often, so a worker can receive a cancel. */
const YIELD_EVERY_MS = 25;

/**
 * Relative slack when comparing covered weight to a target: the running sum of gains and the
 * caller's target are computed in different orders.
 */
const TARGET_RELATIVE_TOLERANCE = 1e-12;

/** Greedy site selection, synchronous (CLI, tests, bench). Throws the signal's reason if aborted. */
export function selectSitesSync(
  instance: SelectionInstance,
  options: SelectionOptions,
  method: GreedyMethod = 'lazy-greedy',
): SelectionResult {
  const run = runGreedy(instance, options, method);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * Greedy site selection that yields to the event loop every ~25 ms, so a worker stays responsive
 * to cancel messages. Rejects with the signal's reason (an AbortError by default) when aborted.
 */
export async function selectSites(
  instance: SelectionInstance,
  options: SelectionOptions,
  method: GreedyMethod = 'lazy-greedy',
): Promise<SelectionResult> {
  const run = runGreedy(instance, options, method);
  let lastYield = performance.now();
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
  }
}

/** One pick per step; the generator lets the sync and async runners share the loop. */
function* runGreedy(
  instance: SelectionInstance,
  options: SelectionOptions,
  method: GreedyMethod,
): Generator<void, SelectionResult> {
  const startMs = performance.now();
  validateSelectionInstance(instance);
  options.signal?.throwIfAborted();
  const state = new SelectionState(instance, options);
  const picker: CandidatePicker = method === 'lazy-greedy' ? new LazyGreedyPicker() : new PlainGreedyPicker();
  const demandWeight = totalDemandWeight(instance);
  const targetWeight = targetWeightOf(options.budget, demandWeight);
  const targetWithSlack = targetWeight - TARGET_RELATIVE_TOLERANCE * Math.max(demandWeight, 1);
  const maxPicks = maxPickCountOf(options.budget);
  const picks: SelectionPick[] = [];
  let coveredWeight = 0;
  let coveredCellCount = 0;
  let stopReason: SelectionStopReason = 'count-reached';

  for (;;) {
    if (coveredWeight >= targetWithSlack) {
      stopReason = 'target-reached';
      break;
    }
    if (picks.length >= maxPicks) {
      stopReason = 'count-reached';
      break;
    }
    state.throwIfAborted();
    const choice = picker.nextPick(state);
    if (choice === null) {
      stopReason = 'no-positive-gain';
      break;
    }
    state.choose(choice.candidateIndex);
    coveredWeight += choice.gainWeight;
    coveredCellCount += choice.gainCellCount;
    picks.push({
      candidateIndex: choice.candidateIndex,
      id: instance.candidates.id[choice.candidateIndex]!,
      lon: instance.candidates.lon[choice.candidateIndex]!,
      lat: instance.candidates.lat[choice.candidateIndex]!,
      gainWeight: choice.gainWeight,
      gainCellCount: choice.gainCellCount,
      cumulativeWeight: coveredWeight,
      cumulativeCellCount: coveredCellCount,
    });
    options.onProgress?.({
      pickCount: picks.length,
      coveredWeight,
      evaluationCount: state.evaluationCount,
      fractionDone: Number.isFinite(targetWeight)
        ? Math.min(1, coveredWeight / Math.max(targetWeight, Number.MIN_VALUE))
        : picks.length / Math.max(maxPicks, 1),
    });
    yield;
  }

  return {
    method,
    picks,
    totalDemandWeight: demandWeight,
    totalDemandCellCount: instance.demand.weight.length,
    coveredWeight,
    coveredCellCount,
    stopReason,
    targetReached: Number.isFinite(targetWeight) && coveredWeight >= targetWithSlack,
    evaluationCount: state.evaluationCount,
    elapsedMs: performance.now() - startMs,
  };
}
