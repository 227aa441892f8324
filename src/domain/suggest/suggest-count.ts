/**
 * How many candidate positions a suggestion would consider in its area, before running it: the
 * figure the form shows, and what decides whether exact mode is offered (the solver's limit counts
 * only the useful ones among these, so this count is an upper bound and never offers too much).
 */
import type { CoverageEngine } from '../coverage/coverage-engine';
import { areaMask, cellAt, type SuggestArea } from '../coverage/engine-footprints';

/** Positions (lon, lat interleaved) that fall in the area; for weak spots every position counts. */
export function countCandidatesInArea(
  engine: CoverageEngine,
  area: SuggestArea,
  lonLat: Float64Array,
): number {
  const positions = lonLat.length / 2;
  // Weak-spot areas keep every candidate (a site outside a gap can still cover it), as suggest does.
  if (area.kind === 'gaps') return positions;
  const { mask } = areaMask(engine, area);
  let count = 0;
  for (let index = 0; index < positions; index++) {
    if (mask[cellAt(engine, lonLat[2 * index]!, lonLat[2 * index + 1]!)] === 1) count++;
  }
  return count;
}
