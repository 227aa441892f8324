/**
 * The one order of weak spots, used by every list that ranks them (the coverage panel, the suggestion
 * form, the district view and report, the map's priority classes): priority score first, then area, then
 * id, so equal scores never swap places between panels or after an edit.
 */
import type { GapProperties } from './gaps';

/** Sort comparator: highest priority first; ties by larger area, then lower id. */
export function compareGapPriority(left: GapProperties, right: GapProperties): number {
  return right.priorityScore - left.priorityScore || right.areaKm2 - left.areaKm2 || left.id - right.id;
}

/** The gaps in ranked order (a new array; the input is left alone). */
export function rankGaps<Gap extends { properties: GapProperties }>(gaps: readonly Gap[]): Gap[] {
  return [...gaps].sort((left, right) => compareGapPriority(left.properties, right.properties));
}
