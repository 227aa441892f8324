import type { SelectionInstance } from './types';

/**
 * The reduced integer program: only candidates that may be chosen and cover something, and demand
 * cells merged when the same set of candidates covers them (their y variables would be identical).
 */
export interface MaxCoverageModel {
  /** Instance candidate index of each model candidate (model variable x_j ↔ candidates[j]). */
  candidates: number[];
  /** For each demand group: summed weight and the model candidates covering it. */
  groupWeight: number[];
  groupCoverers: number[][];
  /** Conflicting model-candidate pairs (closer than the spacing). */
  conflicts: Array<[number, number]>;
}

/** Builds the reduced model from eligible candidates and instance-index conflict pairs. */
export function buildMaxCoverageModel(
  instance: SelectionInstance,
  eligible: Uint8Array,
  conflictPairs: ReadonlyArray<[number, number]>,
): MaxCoverageModel {
  const { coverOffsets, coverSlots } = instance.candidates;
  const weights = instance.demand.weight;
  const coverersOfSlot = new Map<number, number[]>();
  const candidates: number[] = [];
  for (let candidate = 0; candidate < eligible.length; candidate++) {
    if (eligible[candidate] === 0) continue;
    let coversWeight = false;
    for (let entry = coverOffsets[candidate]!; entry < coverOffsets[candidate + 1]!; entry++) {
      if (weights[coverSlots[entry]!]! > 0) coversWeight = true;
    }
    if (!coversWeight) continue;
    const modelIndex = candidates.length;
    candidates.push(candidate);
    for (let entry = coverOffsets[candidate]!; entry < coverOffsets[candidate + 1]!; entry++) {
      const slot = coverSlots[entry]!;
      if (weights[slot]! <= 0) continue;
      const coverers = coverersOfSlot.get(slot);
      // A footprint may list a slot twice; keep each coverer once.
      if (!coverers) coverersOfSlot.set(slot, [modelIndex]);
      else if (coverers[coverers.length - 1] !== modelIndex) coverers.push(modelIndex);
    }
  }
  const groupBySignature = new Map<string, number>();
  const groupWeight: number[] = [];
  const groupCoverers: number[][] = [];
  for (const [slot, coverers] of coverersOfSlot) {
    const signature = coverers.join(',');
    const group = groupBySignature.get(signature);
    if (group === undefined) {
      groupBySignature.set(signature, groupWeight.length);
      groupWeight.push(weights[slot]!);
      groupCoverers.push(coverers);
    } else {
      groupWeight[group]! += weights[slot]!;
    }
  }
  const modelIndexOf = new Map(candidates.map((candidate, modelIndex) => [candidate, modelIndex]));
  const conflicts: Array<[number, number]> = [];
  for (const [a, b] of conflictPairs) {
    const modelA = modelIndexOf.get(a);
    const modelB = modelIndexOf.get(b);
    if (modelA !== undefined && modelB !== undefined) conflicts.push([modelA, modelB]);
  }
  return { candidates, groupWeight, groupCoverers, conflicts };
}

/** Objective sense and the budget row of the LP. */
export type MaxCoverageGoal =
  /** maximise covered weight with at most maxSites sites */
  | { kind: 'max-coverage'; maxSites: number }
  /** minimise sites subject to covered weight ≥ targetWeight and at most maxSites sites */
  | { kind: 'min-sites'; targetWeight: number; maxSites: number };

const TERMS_PER_LINE = 8;

/**
 * CPLEX LP text for the model. Weights are scaled by the largest group weight so coefficients
 * stay near 1; in min-sites mode a secondary term (< 1 in total) prefers more coverage among
 * solutions with the fewest sites.
 */
export function maxCoverageLpText(model: MaxCoverageModel, goal: MaxCoverageGoal): string {
  const scale = model.groupWeight.reduce((largest, weight) => Math.max(largest, weight), Number.MIN_VALUE);
  const totalScaled = model.groupWeight.reduce((sum, weight) => sum + weight / scale, 0);
  const lines: string[] = [];
  const coverTerms = model.groupWeight.map((weight, group) => ({
    coefficient: weight / scale,
    name: `y${group}`,
  }));
  const siteTerms = model.candidates.map((_, index) => ({ coefficient: 1, name: `x${index}` }));
  if (goal.kind === 'max-coverage') {
    lines.push('Maximize', ...formatRow(' obj:', coverTerms));
  } else {
    const secondary = coverTerms.map((term) => ({
      coefficient: -(0.5 * term.coefficient) / Math.max(totalScaled, Number.MIN_VALUE),
      name: term.name,
    }));
    lines.push('Minimize', ...formatRow(' obj:', [...siteTerms, ...secondary]));
  }
  lines.push('Subject To');
  model.groupCoverers.forEach((coverers, group) => {
    const terms = [
      { coefficient: 1, name: `y${group}` },
      ...coverers.map((index) => ({ coefficient: -1, name: `x${index}` })),
    ];
    lines.push(...formatRow(` cover${group}:`, terms, '<= 0'));
  });
  lines.push(...formatRow(' budget:', siteTerms, `<= ${goal.maxSites}`));
  if (goal.kind === 'min-sites') {
    lines.push(...formatRow(' target:', coverTerms, `>= ${formatNumber(goal.targetWeight / scale)}`));
  }
  model.conflicts.forEach(([a, b], index) => {
    lines.push(` spacing${index}: x${a} + x${b} <= 1`);
  });
  lines.push('Bounds');
  model.groupWeight.forEach((_, group) => {
    lines.push(` 0 <= y${group} <= 1`);
  });
  lines.push('Binaries');
  for (let start = 0; start < siteTerms.length; start += TERMS_PER_LINE * 2) {
    lines.push(
      ` ${siteTerms
        .slice(start, start + TERMS_PER_LINE * 2)
        .map((term) => term.name)
        .join(' ')}`,
    );
  }
  lines.push('End');
  return lines.join('\n');
}

function formatRow(
  label: string,
  terms: ReadonlyArray<{ coefficient: number; name: string }>,
  rightHandSide?: string,
): string[] {
  const lines: string[] = [];
  for (let start = 0; start < terms.length || start === 0; start += TERMS_PER_LINE) {
    const chunk = terms.slice(start, start + TERMS_PER_LINE).map((term, position) => {
      const sign = term.coefficient < 0 ? '-' : start + position === 0 ? '' : '+';
      return `${sign} ${formatNumber(Math.abs(term.coefficient))} ${term.name}`;
    });
    lines.push(`${start === 0 ? label : ''} ${chunk.join(' ')}`);
    if (terms.length === 0) break;
  }
  if (rightHandSide) lines[lines.length - 1] += ` ${rightHandSide}`;
  return lines;
}

/** Shortest round-trip decimal; HiGHS' LP reader accepts exponents. */
function formatNumber(value: number): string {
  return String(value);
}
