/**
 * One call from file bytes to an import result: read, detect the columns, convert and validate.
 * The UI uses the two steps separately (read once, then build again after the user changes the
 * mapping or datum); the CLI and tests use this.
 */
import { buildImport, detectSourceMapping } from './build-import';
import type { ImportGeography } from './geography';
import type { BuildOptions, ColumnMapping, ImportFailure, ImportResult, ImportSource } from './import-types';
import { type ImportFileInput, type ReadOptions, readImportSource } from './read-source';

export type ImportOutcome =
  | { ok: true; result: ImportResult; source: SourceSummary }
  | { ok: false; failure: ImportFailure };

/** What was read, for the dialog's header line and the CLI output. */
export interface SourceSummary {
  format: ImportSource['format'];
  kind: ImportSource['kind'];
  encoding?: string;
  delimiter?: string;
  sheetName?: string;
  headerRowNumber?: number;
  columns: string[];
}

/** A short description of a source (no rows). */
export function summariseSource(source: ImportSource): SourceSummary {
  if (source.kind === 'table') {
    return {
      format: source.format,
      kind: 'table',
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheetName: source.sheetName,
      headerRowNumber: source.headerRowNumber,
      columns: source.headers,
    };
  }
  return { format: source.format, kind: 'features', encoding: source.encoding, columns: source.fields };
}

/** Reads and imports a file in one go. Only cancellation rejects (AbortError). */
export async function importFile(
  input: ImportFileInput,
  options: BuildOptions & Pick<ReadOptions, 'parseXml' | 'format'>,
  geography?: ImportGeography,
): Promise<ImportOutcome> {
  const read = await readImportSource(input, options);
  if (!read.ok) return read;
  const result = await buildImport(read.source, options, geography);
  return { ok: true, result, source: summariseSource(read.source) };
}

/** A preview for the mapping dialog: the detected mapping and the first rows as text. */
export function previewSource(
  source: ImportSource,
  rowCount = 20,
): {
  summary: SourceSummary;
  mapping: ColumnMapping;
  rows: { number: number; cells: string[] }[];
  total: number;
} {
  const mapping = detectSourceMapping(source);
  const rows =
    source.kind === 'table'
      ? source.rows.slice(0, rowCount).map((cells, index) => ({ number: source.rowNumbers[index]!, cells }))
      : source.features.slice(0, rowCount).map((feature) => ({
          number: feature.number,
          cells: source.fields.map((field) => feature.attributes[field] ?? ''),
        }));
  const total = source.kind === 'table' ? source.rows.length : source.features.length;
  return { summary: summariseSource(source), mapping, rows, total };
}
