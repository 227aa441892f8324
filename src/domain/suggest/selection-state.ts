import { SpacingIndex } from './spacing';
import type { SelectionInstance, SelectionOptions } from './types';

/** How often (in gain evaluations) long loops look at the abort signal. */
const ABORT_CHECK_INTERVAL = 2048;

/**
 * The mutable state both greedy variants share: which demand slots are covered, which candidates
 * may still be chosen (allowed, not chosen, not within the spacing of a chosen site), and the
 * gain-evaluation counter that the benchmark compares.
 */
export class SelectionState {
  readonly instance: SelectionInstance;
  readonly candidateCount: number;
  readonly covered: Uint8Array;
  /** 1 = may still be chosen. */
  readonly eligible: Uint8Array;
  evaluationCount = 0;
  /** Uncovered cell count seen by the latest gainOf call. */
  lastGainCellCount = 0;
  private readonly spacingIndex: SpacingIndex | null;
  private readonly signal: AbortSignal | undefined;

  constructor(instance: SelectionInstance, options: SelectionOptions) {
    this.instance = instance;
    this.signal = options.signal;
    const { candidates } = instance;
    this.candidateCount = candidates.id.length;
    this.covered = new Uint8Array(instance.demand.weight.length);
    this.eligible = new Uint8Array(this.candidateCount).fill(1);
    if (options.isCandidateAllowed) {
      for (let index = 0; index < this.candidateCount; index++) {
        if (!options.isCandidateAllowed(index)) this.eligible[index] = 0;
      }
    }
    const spacingM = options.minSpacingM ?? 0;
    if (!(spacingM >= 0) || !Number.isFinite(spacingM)) {
      throw new Error(`Selection: minSpacingM must be a finite number ≥ 0, got ${spacingM}.`);
    }
    this.spacingIndex = spacingM > 0 ? new SpacingIndex(candidates.lon, candidates.lat, spacingM) : null;
    if (this.spacingIndex) {
      for (const position of options.avoidPositions ?? []) {
        this.spacingIndex.forEachWithinSpacing(position, (index) => {
          this.eligible[index] = 0;
        });
      }
    }
  }

  /** Weight the candidate would add now; also sets lastGainCellCount. Counts one evaluation. */
  gainOf(candidate: number): number {
    this.evaluationCount++;
    if ((this.evaluationCount & (ABORT_CHECK_INTERVAL - 1)) === 0) this.throwIfAborted();
    const { coverOffsets, coverSlots } = this.instance.candidates;
    const weights = this.instance.demand.weight;
    const covered = this.covered;
    let gain = 0;
    let cellCount = 0;
    const end = coverOffsets[candidate + 1]!;
    for (let entry = coverOffsets[candidate]!; entry < end; entry++) {
      const slot = coverSlots[entry]!;
      if (covered[slot] === 0) {
        gain += weights[slot]!;
        cellCount++;
      }
    }
    this.lastGainCellCount = cellCount;
    return gain;
  }

  /** Marks the candidate's cells covered and removes it and its spacing conflicts from the pool. */
  choose(candidate: number): void {
    const { coverOffsets, coverSlots } = this.instance.candidates;
    for (let entry = coverOffsets[candidate]!; entry < coverOffsets[candidate + 1]!; entry++) {
      this.covered[coverSlots[entry]!] = 1;
    }
    this.eligible[candidate] = 0;
    this.spacingIndex?.forEachConflicting(candidate, (other) => {
      this.eligible[other] = 0;
    });
  }

  throwIfAborted(): void {
    this.signal?.throwIfAborted();
  }
}
