/**
 * The parameter check (工参体检) as text for the dialog and as CSV for download: one line per finding
 * with its row, the check, the value and the row it pairs with. UTF-8 with a BOM, CRLF, cells guarded
 * against formulas, like every CSV the app writes.
 */
import { csvCell, UTF8_BOM } from '../export/csv-export';
import { rowList } from './import-warnings';
import { CHECK_CODES, type CheckCode, type CheckFinding, type ParameterCheck } from './parameter-check';

/** Findings grouped by check, in the checks' order, with their rows. */
export function checkGroups(check: ParameterCheck): { code: CheckCode; rows: number[]; rowText: string }[] {
  return CHECK_CODES.filter((code) => check.counts[code] > 0).map((code) => {
    const rows = [...new Set(check.findings.filter((finding) => finding.code === code).map((f) => f.row))];
    return { code, rows, rowText: rowList(rows) };
  });
}

/** Words for a check and for one finding's detail; the default prints codes and values. */
export interface CheckLabels {
  check(code: CheckCode): string;
  detail(finding: CheckFinding): string;
  headers: readonly [row: string, check: string, detail: string];
}

const codeLabels: CheckLabels = {
  check: (code) => code,
  detail: (finding) =>
    [
      finding.value === undefined ? '' : `value=${finding.value}`,
      finding.otherRow ? `otherRow=${finding.otherRow}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  headers: ['row', 'check', 'detail'],
};

/** CSV text of every finding (encode with TextEncoder to save). */
export function parameterCheckCsv(check: ParameterCheck, labels: CheckLabels = codeLabels): string {
  const lines = [labels.headers.map((header) => csvCell(header)).join(',')];
  for (const finding of check.findings) {
    lines.push([finding.row, labels.check(finding.code), labels.detail(finding)].map(csvCell).join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
