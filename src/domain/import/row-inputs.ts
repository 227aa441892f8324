/**
 * The rows of a source as the import reads them: each row's mapped cells (tables and feature
 * attributes alike), and whole rows for finding exact duplicates.
 */
import type { ColumnMapping, ImportField, ImportSource } from './import-types';
import type { RowInput } from './row-values';

export interface RowInputs {
  count: number;
  at(index: number): RowInput;
  /** Every cell of a row (attributes of a feature, with its position), for exact-duplicate detection. */
  wholeRow(index: number): string;
}

export function rowInputs(source: ImportSource, mapping: ColumnMapping): RowInputs {
  const columnOf = (field: ImportField) => mapping.fields[field].column;
  const mapped = (field: ImportField) => columnOf(field) !== undefined;
  if (source.kind === 'table') {
    return {
      count: source.rows.length,
      at: (index) => {
        const row = source.rows[index]!;
        return {
          number: source.rowNumbers[index]!,
          mapped,
          cell: (field) => {
            const column = columnOf(field);
            return column === undefined ? '' : (row[column] ?? '');
          },
        };
      },
      wholeRow: (index) => source.rows[index]!.join('\u0000'),
    };
  }
  return {
    count: source.features.length,
    at: (index) => {
      const feature = source.features[index]!;
      return {
        number: feature.number,
        position: feature.position,
        problem: feature.problem,
        geometryType: feature.geometryType,
        mapped: (field) => field === 'lon' || field === 'lat' || mapped(field),
        cell: (field) => {
          const column = columnOf(field);
          const name =
            column === undefined || field === 'lon' || field === 'lat' ? undefined : source.fields[column];
          return name === undefined ? '' : (feature.attributes[name] ?? '');
        },
      };
    },
    wholeRow: (index) => {
      const feature = source.features[index]!;
      const cells = source.fields.map((field) => feature.attributes[field] ?? '');
      return `${feature.position?.join(',') ?? feature.problem}\u0000${cells.join('\u0000')}`;
    },
  };
}

/**
 * Rows that repeat an earlier row cell for cell (the same sector twice), as row index → first row's
 * index. Rows are compared through a hash, and equal hashes through their cells.
 */
export function exactDuplicates(rows: RowInputs): Map<number, number> {
  const firstByHash = new Map<number, number>();
  const duplicates = new Map<number, number>();
  for (let index = 0; index < rows.count; index++) {
    const text = rows.wholeRow(index);
    const hash = hashText(text);
    const first = firstByHash.get(hash);
    if (first === undefined) firstByHash.set(hash, index);
    else if (rows.wholeRow(first) === text) duplicates.set(index, first);
  }
  return duplicates;
}

/** 53-bit FNV-1a-style hash of a string (two 32-bit lanes). */
function hashText(text: string): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x0100019d);
  }
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff);
}
