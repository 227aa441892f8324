/**
 * CSV/TSV reading: encoding by BOM or strict UTF-8 else GB18030, delimiter by Papa Parse's guess among
 * comma, semicolon and tab, RFC 4180 quoting. Blank lines are kept while parsing so every row keeps
 * the number the user sees in Excel; they are dropped afterwards.
 */
import Papa from 'papaparse';
import { findHeaderRow, headerScore } from './column-detection';
import { IMPORT_FIELDS, type TableSource } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';
import { decodeText } from './text-decoding';

const DELIMITERS = [',', ';', '\t'];

/** Reads delimited text bytes into a table, finding the header row below any title rows. */
export function readDelimitedText(bytes: Uint8Array): TableSource {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new ImportFailureError('notText');
  const delimiter = chooseDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  return tableFromRecords(parsed.data, { format: 'csv', encoding, delimiter });
}

/**
 * The delimiter whose header row names the most known columns, then whose rows agree on the field
 * count. Counting characters is not enough: a semicolon file with decimal commas ("121,47") has as
 * many commas as semicolons.
 */
export function chooseDelimiter(text: string): string {
  const head = text.slice(0, 64 * 1024);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 30, skipEmptyLines: true }).data;
    const headerIndex = findHeaderRow(rows) ?? 0;
    const header = rows[headerIndex] ?? [];
    const named = header.filter((cell) => IMPORT_FIELDS.some((field) => headerScore(cell, field) > 0)).length;
    const below = rows.slice(headerIndex + 1);
    const consistent =
      below.length === 0 ? 0 : below.filter((row) => row.length === header.length).length / below.length;
    const score = named * 10 + (header.length > 1 ? consistent * 5 + 1 : 0);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
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
