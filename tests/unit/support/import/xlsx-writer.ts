/**
 * Writes a minimal but complete .xlsx (OOXML parts zipped with fflate) that Excel and LibreOffice
 * open: content types, package and workbook relationships, workbook, styles, shared strings and one
 * sheet. Text cells go to shared strings (or inline strings when asked), numbers stay numbers.
 */
import { zipSync } from 'fflate';

export type XlsxCell = string | number | { inline: string } | null;

export interface XlsxSheet {
  name: string;
  /** Rows by spreadsheet row number (1-based); missing numbers are empty rows. */
  rows: Map<number, XlsxCell[]>;
  /** Merged ranges such as "A1:H1". */
  merges?: string[];
  /**
   * Formatting down to this row: an empty <row> with a style-only cell for every row after the data,
   * as Excel leaves when a format is applied to whole columns (a real workbook reaches row 1,048,564).
   */
  formattedRowsTo?: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnLetters(index: number): string {
  let letters = '';
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) {
    letters = String.fromCharCode(65 + ((value - 1) % 26)) + letters;
  }
  return letters;
}

const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

/** The bytes of an .xlsx workbook with one sheet. */
export function writeXlsx(sheet: XlsxSheet): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const rowsXml: string[] = [];
  for (const rowNumber of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const cells = sheet.rows.get(rowNumber)!;
    const cellsXml = cells.map((cell, column) => {
      const reference = `${columnLetters(column)}${rowNumber}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${reference}"><v>${cell}</v></c>`;
      if (typeof cell === 'object') {
        return `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
      }
      let index = sharedIndex.get(cell);
      if (index === undefined) {
        index = shared.length;
        shared.push(cell);
        sharedIndex.set(cell, index);
      }
      return `<c r="${reference}" t="s"><v>${index}</v></c>`;
    });
    rowsXml.push(`<row r="${rowNumber}">${cellsXml.join('')}</row>`);
  }
  const lastDataRow = Math.max(0, ...sheet.rows.keys());
  for (let rowNumber = lastDataRow + 1; rowNumber <= (sheet.formattedRowsTo ?? 0); rowNumber++) {
    rowsXml.push(
      `<row r="${rowNumber}" spans="1:39" s="1" customFormat="1"><c r="A${rowNumber}" s="1"/></row>`,
    );
  }
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const text = (xml: string) => new TextEncoder().encode(header + xml);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': text(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': text(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': text(
      `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets>` +
        `<sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': text(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${relationships}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': text(
      `<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ),
    'xl/sharedStrings.xml': text(
      `<sst xmlns="${main}" count="${shared.length}" uniqueCount="${shared.length}">` +
        shared.map((value) => `<si><t xml:space="preserve">${escapeXml(value)}</t></si>`).join('') +
        '</sst>',
    ),
    'xl/worksheets/sheet1.xml': text(
      `<worksheet xmlns="${main}" xmlns:r="${relationships}"><sheetData>${rowsXml.join('')}</sheetData>${merges}</worksheet>`,
    ),
  };
  return zipSync(files, { level: 6, mtime: FIXED_TIME });
}
