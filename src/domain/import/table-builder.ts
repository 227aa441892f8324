/**
 * Building a table from records as a reader streams them (CSV chunk by chunk, xlsx row by row): the
 * first rows are held until the header row is found below any title rows, then each data row is
 * trimmed and kept, blank rows are dropped (their numbers are not reused), and the limits apply as the
 * rows arrive — a file with more rows than the limit is refused at the first row too many, before
 * the rest is read, and a row wider than the column limit is cut with one warning.
 */
import { findHeaderRow } from './column-detection';
import type { ImportWarning, TableSource } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';

/** Rows findHeaderRow looks through for the header. */
const HEADER_SCAN_ROWS = 30;

type TableMeta = Pick<TableSource, 'format' | 'encoding' | 'delimiter' | 'sheetName'>;

export class TableBuilder {
  private readonly pending: { cells: string[]; number: number }[] = [];
  private headers: string[] | undefined;
  private headerRowNumber = 0;
  private readonly rows: string[][] = [];
  private readonly rowNumbers: number[] = [];
  private widestDropped = 0;
  private cellCount = 0;
  private rowsCut = 0;

  constructor(private readonly meta: TableMeta) {}

  /** Adds the record the user sees as row `number` (1-based, blank rows included). */
  add(record: readonly (string | undefined)[], number: number): void {
    if (this.headers === undefined) {
      this.pending.push({ cells: this.clean(record), number });
      if (this.pending.length >= HEADER_SCAN_ROWS) this.settleHeader();
      return;
    }
    this.keep(this.clean(record), number);
  }

  /** True once the header is known and a blank or data row costs only its own cells. */
  get headerFound(): boolean {
    return this.headers !== undefined;
  }

  /** Number of data rows kept so far. */
  get rowCount(): number {
    return this.rows.length;
  }

  /** Cells a reader left out beyond the column limit (xlsx skips them while scanning). */
  noteDroppedCells(count: number): void {
    if (count <= 0) return;
    this.rowsCut++;
    this.widestDropped = Math.max(this.widestDropped, count);
  }

  /** The table; throws noHeaderRow when no row has content. */
  finish(): TableSource {
    if (this.headers === undefined) this.settleHeader();
    const readWarnings: ImportWarning[] = [];
    if (this.rowsCut > 0) {
      readWarnings.push({
        code: 'extraColumnsDropped',
        params: { limit: IMPORT_LIMITS.maxColumns, count: this.widestDropped },
      });
    }
    return {
      kind: 'table',
      headers: this.headers!,
      rows: this.rows,
      rowNumbers: this.rowNumbers,
      headerRowNumber: this.headerRowNumber,
      ...this.meta,
      ...(readWarnings.length > 0 ? { readWarnings } : {}),
    };
  }

  private clean(record: readonly (string | undefined)[]): string[] {
    const width = Math.min(record.length, IMPORT_LIMITS.maxColumns);
    if (record.length > width) {
      this.rowsCut++;
      this.widestDropped = Math.max(this.widestDropped, record.length - width);
    }
    const cells = new Array<string>(width);
    for (let index = 0; index < width; index++) cells[index] = (record[index] ?? '').trim();
    return cells;
  }

  private settleHeader(): void {
    const headerIndex = findHeaderRow(this.pending.map((row) => row.cells));
    if (headerIndex === undefined) throw new ImportFailureError('noHeaderRow');
    const header = this.pending[headerIndex]!;
    this.headers = header.cells.map((cell, index) => cell.replace(/^\uFEFF/, '') || `#${index + 1}`);
    this.headerRowNumber = header.number;
    for (const row of this.pending.slice(headerIndex + 1)) this.keep(row.cells, row.number);
    this.pending.length = 0;
  }

  private keep(cells: string[], number: number): void {
    if (cells.every((cell) => cell === '')) return;
    if (this.rows.length >= IMPORT_LIMITS.maxRows) {
      throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
    }
    this.cellCount += cells.length;
    if (this.cellCount > IMPORT_LIMITS.maxCells) {
      throw new ImportFailureError('tooManyCells', { limit: IMPORT_LIMITS.maxCells });
    }
    this.rows.push(cells);
    this.rowNumbers.push(number);
  }
}
