/**
 * The parameter check (工参体检) as a CSV file in the user's language: one line per finding with its
 * row, the check and what was found (the value and the row it pairs with).
 */
// The check's strings load with the import feature, not the first screen: register them here.
import '../../domain/i18n/feature-messages';
import { type Language, translate } from '../../domain/i18n/translate';
import { type CheckLabels, parameterCheckCsv } from '../../domain/import/check-report';
import type { ImportResult } from '../../domain/import/import-types';

/** Null when the dry run has no check (a layer the check does not apply to). */
export function importCheckFile(
  result: ImportResult,
  language: Language,
  importFileName: string,
): { text: string; fileName: string } | null {
  if (!result.check) return null;
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(language, key, values);
  const labels: CheckLabels = {
    check: (code) => t(`import.check.code.${code}`),
    detail: (finding) =>
      t(`import.check.detail.${finding.code}`, {
        value: finding.value ?? '',
        otherRow: finding.otherRow ?? '',
      }),
    headers: [
      t(result.rowUnit === 'row' ? 'import.preview.row' : 'import.preview.feature'),
      t('import.check.csv.check'),
      t('import.check.csv.detail'),
    ],
  };
  const stem = importFileName.replace(/\.[^.]+$/, '') || 'import';
  return { text: parameterCheckCsv(result.check, labels), fileName: `${stem}-check.csv` };
}
