/**
 * CSV/TSV reading: encoding by BOM or strict UTF-8 else GB18030, delimiter by Papa Parse's guess among
 * comma, semicolon and tab, RFC 4180 quoting. Blank lines are kept while parsing so every row keeps
 * the number the user sees in Excel; they are dropped afterwards.
 */
import Papa from 'papaparse';
import { findHeaderRow } from './column-detection';
import type { TableSource } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';
import { decodeText } from './text-decoding';

const DELIMITERS = [',', ';', '\t'];

/** Reads delimited text bytes into a table, finding the header row below any title rows. */
export function readDelimitedText(bytes: Uint8Array): TableSource {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new ImportFailureError('notText');
  const parsed = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  const records = parsed.data;
  return tableFromRecords(records, {
    format: 'csv',
    encoding,
    delimiter: DELIMITERS.includes(parsed.meta.delimiter) ? parsed.meta.delimiter : ',',
  });
}

/**
 * A table from raw records (one per row as the user numbers them, starting at row 1): finds the header,
 * trims cells and drops blank rows while keeping their numbers.
 */
export function tableFromRecords(
  records: readonly (readonly (string | undefined)[])[],
  meta: Pick<TableSource, 'format' | 'encoding' | 'delimiter' | 'sheetName'>,
  recordRowNumbers?: readonly number[],
): TableSource {
  const cleaned = records.map((record) => record.map((cell) => (cell ?? '').trim()));
  const headerIndex = findHeaderRow(cleaned);
  if (headerIndex === undefined) throw new ImportFailureError('noHeaderRow');
  if (cleaned.length - headerIndex - 1 > IMPORT_LIMITS.maxRows) {
    throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
  }
  const headers = cleaned[headerIndex]!.map(
    (header, index) => header.replace(/^\uFEFF/, '') || `#${index + 1}`,
  );
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let index = headerIndex + 1; index < cleaned.length; index++) {
    const row = cleaned[index]!;
    if (row.every((cell) => cell === '')) continue;
    rows.push(row);
    rowNumbers.push(recordRowNumbers ? recordRowNumbers[index]! : index + 1);
  }
  const headerRowNumber = recordRowNumbers ? recordRowNumbers[headerIndex]! : headerIndex + 1;
  return { kind: 'table', headers, rows, rowNumbers, headerRowNumber, ...meta };
}
