/**
 * A compact .xlsx reader over fflate: workbook → relationships → the sheet XML and shared strings.
 * Only what a site list needs: cell text and numbers of one sheet; formulas give their cached value,
 * styles are ignored. The `xlsx` npm package is stale and has known vulnerabilities, hence our own.
 * Sheets and shared strings are scanned linearly (xml-scan.ts), never with backtracking patterns:
 * Excel's formatting often reaches the sheet's last row, and a real workbook with 366 rows of data
 * holds 1,048,562 empty <row> elements — they are skipped at the cost of finding them, and only rows
 * with data count against the row limit.
 */

import { detectColumns } from './column-detection';
import type { TableSource } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';
import { TableBuilder } from './table-builder';
import { elementAt, type ForwardSearch, forwardSearch, rootPrefix } from './xml-scan';
import { attributeOf, decodeXmlEntities, rejectDoctype } from './xml-text';
import { createInflationBudget, type InflationBudget, unzipWithLimits } from './zip-reader';

const MAX_SHEETS_TRIED = 20;
/** Most shared strings kept: far above a 200,000-row sheet's distinct texts, far below memory trouble. */
const MAX_SHARED_STRINGS = 4_000_000;

function partText(files: Map<string, Uint8Array>, name: string): string | undefined {
  const bytes = files.get(name);
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  rejectDoctype(text.slice(0, 4096));
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
  const prefix = rootPrefix(xml, 'sst');
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const strings: string[] = [];
  const search = forwardSearch(xml);
  for (let at = search(open, 0); at >= 0; ) {
    const item = elementAt(xml, at, open, close, xml.length, search);
    if (!item) break;
    if (strings.length >= MAX_SHARED_STRINGS) {
      throw new ImportFailureError('invalidXlsx', { part: `sharedStrings (over ${MAX_SHARED_STRINGS})` });
    }
    strings.push(textRuns(xml, item.contentStart, item.contentEnd, prefix, search));
    at = search(open, item.next);
  }
  return strings;
}

/** The text of the <t> runs between start and end, skipping phonetic <rPh> runs. */
function textRuns(xml: string, start: number, end: number, prefix: string, search: Search): string {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const phoneticOpen = `<${prefix}rPh`;
  const phoneticClose = `</${prefix}rPh>`;
  let text = '';
  let at = start;
  while (at < end) {
    const run = search(tOpen, at);
    if (run < 0 || run >= end) break;
    const phonetic = search(phoneticOpen, at);
    if (phonetic >= 0 && phonetic < run) {
      const skipped = elementAt(xml, phonetic, phoneticOpen, phoneticClose, end, search);
      if (!skipped) break;
      at = skipped.next;
      continue;
    }
    const element = elementAt(xml, run, tOpen, tClose, end, search);
    if (!element) break;
    text += xml.slice(element.contentStart, element.contentEnd);
    at = element.next;
  }
  return decodeOoxmlEscapes(decodeXmlEntities(text));
}

/** OOXML writes control characters as _xHHHH_. */
function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** "AB" → 27 (0-based), from a cell reference's letters. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

type Search = ForwardSearch;

interface SheetTags {
  search: Search;
  prefix: string;
  rowOpen: string;
  rowClose: string;
  cellOpen: string;
  cellClose: string;
  valueOpen: string;
  valueClose: string;
  inlineOpen: string;
}

function sheetTags(xml: string): SheetTags {
  const prefix = rootPrefix(xml, 'worksheet');
  return {
    search: forwardSearch(xml),
    prefix,
    rowOpen: `<${prefix}row`,
    rowClose: `</${prefix}row>`,
    cellOpen: `<${prefix}c`,
    cellClose: `</${prefix}c>`,
    valueOpen: `<${prefix}v`,
    valueClose: `</${prefix}v>`,
    inlineOpen: `<${prefix}is`,
  };
}

function cellText(
  xml: string,
  type: string | undefined,
  start: number,
  end: number,
  tags: SheetTags,
  sharedStrings: readonly string[],
): string {
  if (type === 'inlineStr') return textRuns(xml, start, end, tags.prefix, tags.search);
  const valueAt = tags.search(tags.valueOpen, start);
  if (valueAt < 0 || valueAt >= end) return '';
  const element = elementAt(xml, valueAt, tags.valueOpen, tags.valueClose, end, tags.search);
  if (!element) return '';
  const value = xml.slice(element.contentStart, element.contentEnd);
  if (type === 's') return sharedStrings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  if (type === 'str' || type === 'e' || type === 'd') return decodeOoxmlEscapes(decodeXmlEntities(value));
  const number = value.length <= 40 ? Number(value) : Number.NaN;
  // Excel stores doubles with 17 digits ("31.230399999999999"); the shortest form is what the user typed.
  return Number.isFinite(number) ? String(number) : decodeXmlEntities(value);
}

/**
 * Calls `onRow` with each row that holds a value (a <v> or an inline string), with its spreadsheet
 * row number. Rows without one — formatting only — are passed over without reading their cells.
 * Returns how many cells lay beyond the column limit and were left out.
 */
export function scanSheetRows(
  xml: string,
  sharedStrings: readonly string[],
  onRow: (record: string[], rowNumber: number) => void,
): { droppedCells: number } {
  const tags = sheetTags(xml);
  const { search } = tags;
  let droppedCells = 0;
  // Row numbers: a row's r attribute when it has one, else the one after the previous row. Only rows
  // with a value are numbered; empty ones are counted, so their r is never parsed.
  let previousRow = 0;
  let emptySince = 0;
  const holdsValue = (start: number, end: number) => {
    const value = search(tags.valueOpen, start);
    if (value >= 0 && value < end) return true;
    const inline = search(tags.inlineOpen, start);
    return inline >= 0 && inline < end;
  };
  for (let at = search(tags.rowOpen, 0); at >= 0; ) {
    const row = elementAt(xml, at, tags.rowOpen, tags.rowClose, xml.length, search);
    if (!row) break;
    if (row.contentEnd > row.contentStart && holdsValue(row.contentStart, row.contentEnd)) {
      const declared = Number(attributeOf(row.attributes, 'r'));
      const implied = previousRow + emptySince + 1;
      const rowNumber = Number.isInteger(declared) && declared > previousRow ? declared : implied;
      previousRow = rowNumber;
      emptySince = 0;
      const record: string[] = [];
      droppedCells += readRowCells(xml, row.contentStart, row.contentEnd, tags, sharedStrings, record);
      onRow(record, rowNumber);
    } else {
      emptySince++;
    }
    at = search(tags.rowOpen, row.next);
  }
  return { droppedCells };
}

function readRowCells(
  xml: string,
  start: number,
  end: number,
  tags: SheetTags,
  sharedStrings: readonly string[],
  record: string[],
): number {
  let dropped = 0;
  let nextColumn = 0;
  for (let at = tags.search(tags.cellOpen, start); at >= 0 && at < end; ) {
    const cell = elementAt(xml, at, tags.cellOpen, tags.cellClose, end, tags.search);
    if (!cell) break;
    const reference = /^([A-Z]{1,3})\d*$/.exec(attributeOf(cell.attributes, 'r') ?? '');
    const column = reference ? columnIndex(reference[1]!) : nextColumn;
    nextColumn = column + 1;
    if (column >= IMPORT_LIMITS.maxColumns) {
      dropped++;
    } else if (cell.contentEnd > cell.contentStart) {
      const type = attributeOf(cell.attributes, 't');
      const text = cellText(xml, type, cell.contentStart, cell.contentEnd, tags, sharedStrings);
      while (record.length < column) record.push('');
      record[column] = text;
    }
    at = tags.search(tags.cellOpen, cell.next);
  }
  return dropped;
}

/** Rows of one sheet as records with their spreadsheet row numbers (rows without values left out). */
export function readSheetRows(
  xml: string,
  sharedStrings: readonly string[],
): { records: string[][]; rowNumbers: number[] } {
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  scanSheetRows(xml, sharedStrings, (record, rowNumber) => {
    records.push(record);
    rowNumbers.push(rowNumber);
  });
  return { records, rowNumbers };
}

function readSheet(xml: string, sharedStrings: readonly string[], name: string): TableSource {
  const table = new TableBuilder({ format: 'xlsx', encoding: 'xlsx', sheetName: name });
  const { droppedCells } = scanSheetRows(xml, sharedStrings, (record, rowNumber) =>
    table.add(record, rowNumber),
  );
  table.noteDroppedCells(droppedCells);
  return table.finish();
}

/** Reads the first sheet that has coordinate columns (else the first sheet) of an .xlsx file. */
export function readXlsx(bytes: Uint8Array, budget: InflationBudget = createInflationBudget()): TableSource {
  const isPart = (name: string) =>
    name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml';
  const { files, names } = unzipWithLimits(bytes, (entry) => isPart(entry.name), budget);
  const workbook = partText(files, 'xl/workbook.xml');
  const relationships = partText(files, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships) throw new ImportFailureError('invalidXlsx', { part: 'xl/workbook.xml' });
  const sharedXml = partText(files, 'xl/sharedStrings.xml');
  files.clear();
  const sharedStrings = sharedXml ? readSharedStrings(sharedXml) : [];
  const sheets = sheetRefs(workbook, relationships).filter((sheet) => names.includes(sheet.path));
  if (sheets.length === 0) throw new ImportFailureError('invalidXlsx', { part: 'worksheet' });
  let first: TableSource | undefined;
  for (const sheet of sheets.slice(0, MAX_SHEETS_TRIED)) {
    const sheetFiles = unzipWithLimits(bytes, (entry) => entry.name === sheet.path, budget).files;
    const xml = partText(sheetFiles, sheet.path) ?? '';
    sheetFiles.clear();
    let table: TableSource;
    try {
      table = readSheet(xml, sharedStrings, sheet.name);
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
