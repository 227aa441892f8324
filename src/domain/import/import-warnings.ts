/**
 * The file-level warnings of an import: what the reader noticed, datum and swap hints, columns left
 * unused, and one warning per kind of default applied (field and fix, with the count and every row),
 * so no row is ever fixed silently.
 */
import type { ImportGeography } from './geography';
import { datumWarnings, looksSwapped } from './heuristics';
import type {
  BuildOptions,
  ColumnMapping,
  DefaultFix,
  ImportField,
  ImportSource,
  ImportWarning,
} from './import-types';
import { type RowFix, usedColumns } from './row-values';

/** Rows per kind of fix, in the order the kinds were first met. */
export class FixTally {
  private readonly rowsByKind = new Map<
    string,
    { field: ImportField; fix: DefaultFix; rows: number[]; example?: string }
  >();

  add(row: number, fixes: readonly RowFix[]): void {
    for (const { field, fix, value } of fixes) {
      const key = `${field}:${fix}`;
      const entry = this.rowsByKind.get(key);
      if (entry) entry.rows.push(row);
      else
        this.rowsByKind.set(key, {
          field,
          fix,
          rows: [row],
          ...(value === undefined ? {} : { example: value }),
        });
    }
  }

  /** Forgets rows that were not imported after all (rejected later: outside Shanghai, duplicates). */
  keepOnly(imported: ReadonlySet<number>): void {
    for (const [key, entry] of this.rowsByKind) {
      entry.rows = entry.rows.filter((row) => imported.has(row));
      if (entry.rows.length === 0) this.rowsByKind.delete(key);
    }
  }

  /** One 'defaultApplied' warning per kind of fix: field, fix, count, the rows and a value as written. */
  warnings(): ImportWarning[] {
    return [...this.rowsByKind.values()].map(({ field, fix, rows, example }) => ({
      code: 'defaultApplied',
      params: {
        field,
        fix,
        count: rows.length,
        rows: rowList(rows),
        ...(example === undefined ? {} : { example }),
      },
      rows,
    }));
  }
}

/** Row numbers as short text for a message: "2, 5, 7–9, 12 … (+431)". */
export function rowList(rows: readonly number[], shown = 12): string {
  const parts: string[] = [];
  let index = 0;
  let listed = 0;
  while (index < rows.length && parts.length < shown) {
    let end = index;
    while (end + 1 < rows.length && rows[end + 1] === rows[end]! + 1) end++;
    parts.push(end > index ? `${rows[index]}–${rows[end]}` : String(rows[index]));
    listed += end - index + 1;
    index = end + 1;
  }
  const rest = rows.length - listed;
  return rest > 0 ? `${parts.join(', ')} … (+${rest})` : parts.join(', ');
}

/** Reader warnings, a declared projected system, lat/lon swapped, datum hints and unused columns. */
export function collectWarnings(
  source: ImportSource,
  mapping: ColumnMapping,
  options: BuildOptions,
  rawPositions: readonly [number, number][],
  outOfRangePositions: readonly [number, number][],
  geography: ImportGeography | undefined,
): ImportWarning[] {
  const warnings: ImportWarning[] = [...(source.readWarnings ?? [])];
  if (source.kind === 'features' && source.declaredCrs) {
    warnings.push({ code: 'projectedCoordinates', params: { crs: source.declaredCrs } });
  }
  if (!options.swapLatLon && looksSwapped([...rawPositions, ...outOfRangePositions])) {
    warnings.push({ code: 'latLonSwapped' });
  }
  warnings.push(...datumWarnings(rawPositions, options.crs, geography));
  const used = usedColumns(mapping, options.layer);
  const ignored = mapping.columns.filter((_, index) => !used.has(index));
  if (ignored.length > 0) {
    warnings.push({
      code: 'ignoredColumns',
      params: { count: ignored.length, columns: ignored.slice(0, 30).join(', ') },
    });
  }
  return warnings;
}
