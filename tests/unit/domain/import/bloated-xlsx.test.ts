/**
 * Issue 14 item 2: a workbook whose formatting reaches far below its data (a real one has 366 rows of
 * data and 1,048,562 <row> elements) is read: only rows holding a value count against the row limit,
 * and the empty rows are passed over without reading their cells.
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../../src/domain/import/limits';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { scanSheetRows } from '../../../../src/domain/import/xlsx-reader';
import { writeXlsx, type XlsxCell } from '../../support/import/xlsx-writer';

describe('an xlsx with formatting to the bottom of the sheet', () => {
  it('reads its 366 data rows although it holds more empty <row> elements than the row limit', async () => {
    const rows = new Map<number, XlsxCell[]>([
      [1, ['Cell Name', 'Longitude', 'Latitude', 'Height(m)', 'Azimuth']],
    ]);
    for (let row = 2; row <= 367; row++) {
      rows.set(row, [`Cell_name_${row}`, 121.3 + row * 0.0005, 31.2, 30, row % 3 === 0 ? 'NA' : 120]);
    }
    const formattedRowsTo = IMPORT_LIMITS.maxRows + 100_000;
    const bytes = writeXlsx({ name: 'Sheet1', rows, formattedRowsTo });
    const outcome = await readImportSource({ name: 'enb_list.xlsx', bytes });
    if (!outcome.ok || outcome.source.kind !== 'table') throw new Error(JSON.stringify(outcome));
    expect(outcome.source.rows).toHaveLength(366);
    expect(outcome.source.rowNumbers.at(-1)).toBe(367);
    expect(outcome.source.headers).toEqual(['Cell Name', 'Longitude', 'Latitude', 'Height(m)', 'Azimuth']);
  });
});

describe('row numbers in a sheet', () => {
  const row = (attributes: string, value?: string) =>
    value === undefined
      ? `<row${attributes}/>`
      : `<row${attributes}><c t="inlineStr"><is><t>${value}</t></is></c></row>`;
  const numbersOf = (rows: string) => {
    const numbers: number[] = [];
    scanSheetRows(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, [], (_record, number) =>
      numbers.push(number),
    );
    return numbers;
  };

  it('numbers a row without r by the rows before it, empty ones included, as Excel shows them', () => {
    expect(numbersOf([row('', 'a'), row(''), row(''), row('', 'b')].join(''))).toEqual([1, 4]);
    expect(numbersOf([row(' r="2"', 'a'), row(' r="3"'), row('', 'b'), row(' r="9"', 'c')].join(''))).toEqual(
      [2, 4, 9],
    );
  });
});
