/**
 * CSV/TSV reading: encoding by BOM or strict UTF-8 else GB18030, delimiter by the header row it names
 * best among comma, semicolon and tab, RFC 4180 quoting by Papa Parse. The file is decoded and parsed
 * in chunks that end at a record boundary, and each row goes to a TableBuilder as it is parsed: memory
 * holds the file's bytes, one chunk of text and the rows kept, never the whole text or every parsed
 * record, and a file with more rows than the limit stops at the first row too many. Blank lines are
 * kept while parsing so every row keeps the number the user sees in Excel.
 */
import Papa from 'papaparse';
import { findHeaderRow, headerScore } from './column-detection';
import { IMPORT_FIELDS, type ProgressCallback, type TableSource } from './import-types';
import { ImportFailureError, throwIfAborted } from './limits';
import { TableBuilder } from './table-builder';
import { detectEncoding } from './text-decoding';

const DELIMITERS = [',', ';', '\t'];
/** Bytes decoded and parsed per step: large enough to be fast, small next to the file. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface DelimitedReadOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/** Reads delimited text bytes into a table, finding the header row below any title rows. */
export async function readDelimitedText(
  bytes: Uint8Array,
  options: DelimitedReadOptions = {},
): Promise<TableSource> {
  const { encoding, start } = detectEncoding(bytes);
  const head = new TextDecoder(encoding).decode(bytes.subarray(start, start + HEAD_BYTES));
  const delimiter = chooseDelimiter(head);
  // '\n' also ends CRLF lines (the '\r' is trimmed with the cell); only old Mac files use '\r' alone.
  const newline = head.includes('\n') || !head.includes('\r') ? '\n' : '\r';
  const table = new TableBuilder({ format: 'csv', encoding, delimiter });
  const decoder = new TextDecoder(encoding);
  // Text decoded but not parsed yet: pieces, so a record longer than a chunk is joined only once.
  let pieces: string[] = [];
  let inside = false;
  let rowNumber = 0;
  const parseRecords = (text: string, final: boolean) => {
    if (text.includes('\u0000')) throw new ImportFailureError('notText');
    const records = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false }).data;
    // A chunk cut after a line end parses to one last empty record that is not a row of the file.
    const count = !final && records.length > 0 ? records.length - 1 : records.length;
    for (let index = 0; index < count; index++) table.add(records[index]!, ++rowNumber);
  };
  for (let offset = start; offset < bytes.byteLength; offset += CHUNK_BYTES) {
    const end = Math.min(offset + CHUNK_BYTES, bytes.byteLength);
    const last = end === bytes.byteLength;
    const text = decoder.decode(bytes.subarray(offset, end), { stream: !last });
    const scan = recordBoundary(text, newline, inside);
    inside = scan.insideAtEnd;
    if (last || scan.cut > 0) {
      const cut = last ? text.length : scan.cut;
      parseRecords(pieces.join('') + text.slice(0, cut), last);
      pieces = cut < text.length ? [text.slice(cut)] : [];
    } else {
      pieces.push(text);
    }
    throwIfAborted(options.signal);
    options.onProgress?.((end - start) / Math.max(1, bytes.byteLength - start), 'read');
    if (!last) await yieldToEventLoop();
  }
  return table.finish();
}

/**
 * Where to cut decoded text between two records: just after the last line end outside quotes (0 when
 * there is none), and whether the text ends inside a quoted field. `insideAtStart` carries the state
 * from the text before. RFC 4180 doubles quotes inside quoted fields, so the parity of the quotes
 * tells whether a line end is inside a field. Linear: each quote and line end is looked at once.
 */
export function recordBoundary(
  text: string,
  newline: string,
  insideAtStart: boolean,
): { cut: number; insideAtEnd: boolean } {
  let inside = insideAtStart;
  let lastEnd = -1;
  let position = 0;
  for (;;) {
    const quote = text.indexOf('"', position);
    const limit = quote === -1 ? text.length : quote;
    if (!inside && limit > position) {
      const lineEnd = text.lastIndexOf(newline, limit - 1);
      if (lineEnd >= position) lastEnd = lineEnd;
    }
    if (quote === -1) break;
    inside = !inside;
    position = quote + 1;
  }
  // After a cut the rest starts outside quotes; its own quotes decide how it ends.
  return { cut: lastEnd + 1, insideAtEnd: inside };
}

/**
 * The delimiter whose header row names the most known columns, then whose rows agree on the field
 * count. Counting characters is not enough: a semicolon file with decimal commas ("121,47") has as
 * many commas as semicolons.
 */
export function chooseDelimiter(text: string): string {
  const head = text.slice(0, HEAD_BYTES);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 30, skipEmptyLines: true }).data;
    const headerIndex = findHeaderRow(rows) ?? 0;
    const header = (rows[headerIndex] ?? []).slice(0, 1024);
    const named = header.filter((cell) => IMPORT_FIELDS.some((field) => headerScore(cell, field) > 0)).length;
    const below = rows.slice(headerIndex + 1);
    const consistent =
      below.length === 0 ? 0 : below.filter((row) => row.length === header.length).length / below.length;
    const score = named * 10 + (header.length > 1 ? consistent * 5 + 1 : 0);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
