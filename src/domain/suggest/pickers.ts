import type { SelectionState } from './selection-state';

/** The next site to choose, with its marginal gain; null when no eligible candidate gains > 0. */
export interface PickChoice {
  candidateIndex: number;
  gainWeight: number;
  gainCellCount: number;
}

export interface CandidatePicker {
  nextPick(state: SelectionState): PickChoice | null;
}

/**
 * Plain greedy: every round evaluates every eligible candidate. Ties go to the lowest candidate
 * index (strict `>`), the same rule the lazy picker's heap order encodes.
 */
export class PlainGreedyPicker implements CandidatePicker {
  nextPick(state: SelectionState): PickChoice | null {
    let best: PickChoice | null = null;
    for (let candidate = 0; candidate < state.candidateCount; candidate++) {
      if (state.eligible[candidate] === 0) continue;
      const gain = state.gainOf(candidate);
      if (gain > 0 && (best === null || gain > best.gainWeight)) {
        best = { candidateIndex: candidate, gainWeight: gain, gainCellCount: state.lastGainCellCount };
      }
    }
    return best;
  }
}

/**
 * Lazy greedy (CELF, Leskovec et al. 2007). Coverage is submodular, so a gain computed in an
 * earlier round is an upper bound on the gain now. A max-heap holds those stale bounds; only the
 * top is re-evaluated, until a freshly evaluated candidate stays on top. Heap order is
 * (gain descending, index ascending), so the pick equals plain greedy's including ties.
 */
export class LazyGreedyPicker implements CandidatePicker {
  private heap = new Int32Array(0);
  private heapSize = 0;
  private bound = new Float64Array(0);
  private boundCellCount = new Int32Array(0);
  /** Round in which bound[candidate] was computed; -1 = never. */
  private evaluatedInRound = new Int32Array(0);
  private round = -1;

  nextPick(state: SelectionState): PickChoice | null {
    this.round++;
    if (this.round === 0) this.initialise(state);
    while (this.heapSize > 0) {
      const top = this.heap[0]!;
      if (state.eligible[top] === 0) {
        this.popTop();
        continue;
      }
      if (this.evaluatedInRound[top] === this.round) {
        // Fresh and still on top: nothing else can beat it. A fresh top of 0 means no gain remains.
        if (!(this.bound[top]! > 0)) return null;
        this.popTop();
        return {
          candidateIndex: top,
          gainWeight: this.bound[top]!,
          gainCellCount: this.boundCellCount[top]!,
        };
      }
      this.bound[top] = state.gainOf(top);
      this.boundCellCount[top] = state.lastGainCellCount;
      this.evaluatedInRound[top] = this.round;
      this.siftDown(0);
    }
    return null;
  }

  private initialise(state: SelectionState): void {
    const count = state.candidateCount;
    this.bound = new Float64Array(count);
    this.boundCellCount = new Int32Array(count);
    this.evaluatedInRound = new Int32Array(count).fill(-1);
    this.heap = new Int32Array(count);
    this.heapSize = 0;
    for (let candidate = 0; candidate < count; candidate++) {
      if (state.eligible[candidate] === 0) continue;
      const gain = state.gainOf(candidate);
      this.bound[candidate] = gain;
      this.boundCellCount[candidate] = state.lastGainCellCount;
      this.evaluatedInRound[candidate] = 0;
      // Gains only shrink, so a candidate worth nothing now is worth nothing later.
      if (gain > 0) this.heap[this.heapSize++] = candidate;
    }
    for (let position = (this.heapSize >> 1) - 1; position >= 0; position--) this.siftDown(position);
  }

  /** True when candidate a belongs above candidate b. */
  private before(a: number, b: number): boolean {
    const boundA = this.bound[a]!;
    const boundB = this.bound[b]!;
    return boundA > boundB || (boundA === boundB && a < b);
  }

  private popTop(): void {
    this.heapSize--;
    if (this.heapSize > 0) {
      this.heap[0] = this.heap[this.heapSize]!;
      this.siftDown(0);
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const size = this.heapSize;
    let position = start;
    const item = heap[position]!;
    for (;;) {
      const left = 2 * position + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(heap[right]!, heap[left]!) ? right : left;
      if (!this.before(heap[child]!, item)) break;
      heap[position] = heap[child]!;
      position = child;
    }
    heap[position] = item;
  }
}
