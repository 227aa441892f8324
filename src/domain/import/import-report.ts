/**
 * The import report as CSV for download: one line per rejected row, one per row given a default (so
 * every fixed row is named), then one per other warning. UTF-8 with a BOM and CRLF for Excel; every
 * cell goes through the export's formula guard, because rejected values are the user's own text and a
 * value like "=HYPERLINK(…)" must stay text.
 */
import { csvCell, UTF8_BOM } from '../export/csv-export';
import type { ImportResult, ImportWarning, RejectedRow } from './import-types';

/** Turns a code and its params into words; the UI passes its translator, the default prints the code. */
export type ReportLabeler = (code: string, params: Record<string, string | number> | undefined) => string;

const formatParams = (params: Record<string, string | number> | undefined): string =>
  params
    ? Object.entries(params)
        .map(([key, value]) => `${key}=${value}`)
        .join('; ')
    : '';

const defaultLabeler: ReportLabeler = (code) => code;

/** CSV text of the rejected rows and warnings (encode with TextEncoder to save). */
export function importReportCsv(
  result: Pick<ImportResult, 'rejected' | 'warnings' | 'rowUnit'>,
  label: ReportLabeler = defaultLabeler,
  headers: readonly string[] = ['kind', result.rowUnit, 'code', 'reason', 'details'],
): string {
  const lines = [headers.map((header) => csvCell(header)).join(',')];
  const rejectedLine = (rejected: RejectedRow) => [
    'rejected',
    rejected.row,
    rejected.reason,
    label(rejected.reason, rejected.params),
    formatParams(rejected.params),
  ];
  const warningLine = (warning: ImportWarning) => [
    'warning',
    undefined,
    warning.code,
    label(warning.code, warning.params),
    formatParams(warning.params),
  ];
  for (const rejected of result.rejected) lines.push(rejectedLine(rejected).map(csvCell).join(','));
  for (const warning of result.warnings) {
    if (!warning.rows) continue;
    const { rows: _shortList, count: _count, example: _example, ...params } = warning.params ?? {};
    const reason = label(warning.code, warning.params);
    for (const row of warning.rows) {
      lines.push(['default', row, warning.code, reason, formatParams(params)].map(csvCell).join(','));
    }
  }
  for (const warning of result.warnings) {
    if (!warning.rows) lines.push(warningLine(warning).map(csvCell).join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** How many imported rows (or features) took at least one default: each row counted once. */
export function defaultedRowCount(result: Pick<ImportResult, 'warnings'>): number {
  const rows = new Set<number>();
  for (const warning of result.warnings) {
    if (warning.code !== 'defaultApplied' && warning.code !== 'defaultPoleHeight') continue;
    for (const row of warning.rows ?? []) rows.add(row);
  }
  return rows.size;
}
