/**
 * A compact .xlsx reader over fflate: workbook → relationships → the sheet XML and shared strings,
 * read with regular expressions (no DOM, so it runs in a worker and in Node). Only what a site list
 * needs: cell text and numbers of one sheet; formulas give their cached value, styles are ignored.
 * The `xlsx` npm package is stale and has known vulnerabilities, hence our own reader.
 */

import { detectColumns } from './column-detection';
import { tableFromRecords } from './csv-reader';
import type { TableSource } from './import-types';
import { ImportFailureError } from './limits';
import { attributeOf, decodeXmlEntities, rejectDoctype } from './xml-text';
import { unzipWithLimits } from './zip-reader';

/** Columns beyond this are ignored, so a cell reference like XFD1 cannot make every row 16,384 wide. */
const MAX_COLUMNS = 1024;
const MAX_SHEETS_TRIED = 20;

function partText(files: Map<string, Uint8Array>, name: string): string | undefined {
  const bytes = files.get(name);
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  rejectDoctype(text);
  return text;
}

/** "xl/" + target, or the absolute target without its leading slash. */
function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

interface SheetRef {
  name: string;
  path: string;
}

function sheetRefs(workbook: string, relationships: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const match of relationships.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attributeOf(match[1]!, 'Id');
    const target = attributeOf(match[1]!, 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheets: SheetRef[] = [];
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = attributeOf(match[1]!, 'id');
    const path = id === undefined ? undefined : targets.get(id);
    if (path) sheets.push({ name: attributeOf(match[1]!, 'name') ?? path, path });
  }
  return sheets;
}

/** Shared strings: each <si> is the concatenation of its <t> runs, phonetic (<rPh>) runs excluded. */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const item of xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)) {
    strings.push(textRuns(item[1] ?? ''));
  }
  return strings;
}

function textRuns(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const run of withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += run[1];
  return decodeOoxmlEscapes(decodeXmlEntities(text));
}

/** OOXML writes control characters as _xHHHH_. */
function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** "AB" → 27 (0-based 27), undefined when not letters. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function cellText(type: string | undefined, inner: string, sharedStrings: readonly string[]): string {
  if (type === 'inlineStr') return textRuns(inner);
  const value = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (value === undefined) return '';
  if (type === 's') return sharedStrings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  if (type === 'str' || type === 'e' || type === 'd') return decodeOoxmlEscapes(decodeXmlEntities(value));
  const number = Number(value);
  // Excel stores doubles with 17 digits ("31.230399999999999"); the shortest form is what the user typed.
  return Number.isFinite(number) ? String(number) : decodeXmlEntities(value);
}

/** Rows of one sheet as records, with their spreadsheet row numbers. */
export function readSheetRows(
  xml: string,
  sharedStrings: readonly string[],
): { records: string[][]; rowNumbers: number[] } {
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  let previousRow = 0;
  const rowPattern = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellPattern = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const row of xml.matchAll(rowPattern)) {
    const declared = Number(attributeOf(row[1]!, 'r'));
    const rowNumber = Number.isInteger(declared) && declared > previousRow ? declared : previousRow + 1;
    previousRow = rowNumber;
    const record: string[] = [];
    let nextColumn = 0;
    for (const cell of (row[2] ?? '').matchAll(cellPattern)) {
      const reference = /^([A-Z]{1,3})\d*$/.exec(attributeOf(cell[1]!, 'r') ?? '');
      const column = reference ? columnIndex(reference[1]!) : nextColumn;
      nextColumn = column + 1;
      if (column >= MAX_COLUMNS) continue;
      const text = cellText(attributeOf(cell[1]!, 't'), cell[2] ?? '', sharedStrings);
      while (record.length < column) record.push('');
      record[column] = text;
    }
    records.push(record);
    rowNumbers.push(rowNumber);
  }
  return { records, rowNumbers };
}

/** Reads the first sheet that has coordinate columns (else the first sheet) of an .xlsx file. */
export function readXlsx(bytes: Uint8Array): TableSource {
  const isPart = (name: string) =>
    name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml';
  const { files, names } = unzipWithLimits(bytes, (entry) => isPart(entry.name));
  const workbook = partText(files, 'xl/workbook.xml');
  const relationships = partText(files, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships) throw new ImportFailureError('invalidXlsx', { part: 'xl/workbook.xml' });
  const sharedXml = partText(files, 'xl/sharedStrings.xml');
  const sharedStrings = sharedXml ? readSharedStrings(sharedXml) : [];
  const sheets = sheetRefs(workbook, relationships).filter((sheet) => names.includes(sheet.path));
  if (sheets.length === 0) throw new ImportFailureError('invalidXlsx', { part: 'worksheet' });
  let first: TableSource | undefined;
  for (const sheet of sheets.slice(0, MAX_SHEETS_TRIED)) {
    const sheetFiles = unzipWithLimits(bytes, (entry) => entry.name === sheet.path).files;
    const xml = partText(sheetFiles, sheet.path) ?? '';
    const { records, rowNumbers } = readSheetRows(xml, sharedStrings);
    let table: TableSource;
    try {
      table = tableFromRecords(
        records,
        { format: 'xlsx', encoding: 'xlsx', sheetName: sheet.name },
        rowNumbers,
      );
    } catch (error) {
      if (error instanceof ImportFailureError && error.code === 'noHeaderRow') continue;
      throw error;
    }
    first ??= table;
    const mapping = detectColumns(table.headers);
    if (mapping.fields.lon.column !== undefined && mapping.fields.lat.column !== undefined) return table;
  }
  if (!first) throw new ImportFailureError('noHeaderRow');
  return first;
}
