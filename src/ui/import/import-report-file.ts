/**
 * The import report as a CSV file in the user's language: every rejected row and warning with its
 * code, the translated reason and its details.
 */
import { type Language, translate } from '../../domain/i18n/translate';
import { importReportCsv } from '../../domain/import/import-report';
import type { ImportResult, RejectReason } from '../../domain/import/import-types';
import { rejectionText, warningText } from './import-view';

export function importReportFile(
  result: ImportResult,
  language: Language,
  importFileName: string,
): { text: string; fileName: string } {
  const rejectedCodes = new Set<string>(result.rejected.map((row) => row.reason));
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(language, key, values);
  const label = (code: string, params: Record<string, string | number> | undefined) =>
    rejectedCodes.has(code)
      ? rejectionText(t, { reason: code as RejectReason, params })
      : warningText(t, { code: code as ImportResult['warnings'][number]['code'], params }, result.crs);
  const headers = [
    t('import.report.csv.kind'),
    t(result.rowUnit === 'row' ? 'import.preview.row' : 'import.preview.feature'),
    t('import.report.csv.code'),
    t('import.report.reason'),
    t('import.report.csv.details'),
  ];
  const stem = importFileName.replace(/\.[^.]+$/, '') || 'import';
  return { text: importReportCsv(result, label, headers), fileName: `${stem}-report.csv` };
}
