/**
 * Counting before parsing: JSON.parse and an XML DOM allocate every value of a text at once, so a
 * 200 MB file of millions of tiny objects would exhaust a tab before the row limit could refuse it.
 * A linear count of the characters that open values bounds the work first.
 */
import { IMPORT_LIMITS, ImportFailureError } from './limits';

/** Occurrences of `needle` in `text`, counting no further than `stopAfter`. */
export function countUpTo(text: string, needle: string, stopAfter: number): number {
  let count = 0;
  for (
    let at = text.indexOf(needle);
    at >= 0 && count <= stopAfter;
    at = text.indexOf(needle, at + needle.length)
  ) {
    count++;
  }
  return count;
}

/**
 * Refuses a text whose values could not fit the limits: more than `perRow` × maxRows of `rowNeedle`
 * (objects of a JSON file, placemarks of a KML), or more separators (commas, tags) than maxCells.
 */
export function boundValues(text: string, rowNeedle: string, perRow: number, cellNeedle: string): void {
  const rowLimit = IMPORT_LIMITS.maxRows * perRow;
  if (countUpTo(text, rowNeedle, rowLimit) > rowLimit) {
    throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
  }
  if (countUpTo(text, cellNeedle, IMPORT_LIMITS.maxCells) > IMPORT_LIMITS.maxCells) {
    throw new ImportFailureError('tooManyCells', { limit: IMPORT_LIMITS.maxCells });
  }
}
