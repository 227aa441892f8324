import { describe, expect, it } from 'vitest';
import { detectColumns, findHeaderRow, headerScore } from '../../../../src/domain/import/column-detection';
import { chooseDelimiter, readDelimitedText } from '../../../../src/domain/import/csv-reader';
import { detectFormat } from '../../../../src/domain/import/detect-format';
import { decodeText, encodingFromCodePage } from '../../../../src/domain/import/text-decoding';
import {
  parseBand,
  parseCoordinateCell,
  parseNumberCell,
  parseSiteKind,
} from '../../../../src/domain/import/value-parsing';
import { encodeGbk } from '../../support/import/gbk';

describe('values as planners write them', () => {
  it('bands', () => {
    const cases: [string, string | undefined][] = [
      ['3.5G', 'n78'],
      ['n78', 'n78'],
      ['N78', 'n78'],
      ['NR 3.5G', 'n78'],
      ['3500M', 'n78'],
      ['2.6GHz', 'n41'],
      ['2.6G', 'n41'],
      ['700M', 'n28'],
      ['n28', 'n28'],
      ['4.9G', 'n79'],
      ['1.8G', undefined],
      ['n1', undefined],
      ['5G', undefined],
      ['', undefined],
    ];
    for (const [text, band] of cases) expect(parseBand(text), text).toBe(band);
  });

  it('kinds', () => {
    expect(parseSiteKind('宏站')).toBe('macro');
    expect(parseSiteKind(' 微站 ')).toBe('micro');
    expect(parseSiteKind('室分')).toBe('indoor');
    expect(parseSiteKind('Macro')).toBe('macro');
    expect(parseSiteKind('卫星站')).toBeUndefined();
  });

  it('numbers with units and coordinates in degrees-minutes-seconds', () => {
    expect(parseNumberCell('35m')).toBe(35);
    expect(parseNumberCell('35 米')).toBe(35);
    expect(parseNumberCell('120°')).toBe(120);
    expect(parseNumberCell('tall')).toBeUndefined();
    expect(parseCoordinateCell('121.4737')).toBe(121.4737);
    expect(parseCoordinateCell('121,4737')).toBe(121.4737);
    expect(parseCoordinateCell(`121°28'25.32"E`)).toBeCloseTo(121 + 28 / 60 + 25.32 / 3600, 9);
    expect(parseCoordinateCell('31度13分48秒')).toBeCloseTo(31 + 13 / 60 + 48 / 3600, 9);
    expect(parseCoordinateCell('31.2S')).toBe(-31.2);
    expect(parseCoordinateCell("121°75'")).toBeUndefined();
    expect(parseCoordinateCell('abc')).toBeUndefined();
  });
});

describe('column detection', () => {
  it('matches Chinese and English names, ignoring case, brackets and spaces', () => {
    const mapping = detectColumns([
      '站点ID',
      '站点名称',
      'LONGITUDE',
      '纬度(WGS84)',
      '天线挂高（米）',
      '方位角',
      '总下倾角',
      '频段',
      '类型',
    ]);
    expect(mapping.fields.lon.column).toBe(2);
    expect(mapping.fields.lat.column).toBe(3);
    expect(mapping.fields.height.column).toBe(4);
    expect(mapping.fields.tilt.column).toBe(6);
    expect(mapping.needsReview).toBe(false);
  });

  it('asks the user when two columns fit equally, or only partially', () => {
    const tie = detectColumns(['GCJ经度', 'WGS经度', '纬度']);
    expect(tie.fields.lon.column).toBe(0);
    expect(tie.fields.lon.alternatives).toEqual([1]);
    expect(tie.needsReview).toBe(true);
    const partial = detectColumns(['基站经度', '基站纬度']);
    expect(partial.fields.lon.confidence).toBe('partial');
    expect(partial.needsReview).toBe(true);
    const missing = detectColumns(['名称', '地址']);
    expect(missing.fields.lon.column).toBeUndefined();
    expect(missing.needsReview).toBe(true);
  });

  it('asks when the coordinate column holds no numbers', () => {
    expect(
      detectColumns(
        ['lon', 'lat'],
        [
          ['east', 'north'],
          ['west', 'south'],
        ],
      ).needsReview,
    ).toBe(true);
    expect(detectColumns(['lon', 'lat'], [['121.4', '31.2']]).needsReview).toBe(false);
  });

  it('single letters match only as words', () => {
    expect(headerScore('X', 'lon')).toBe(2);
    expect(headerScore('Point_X', 'lon')).toBe(1);
    expect(headerScore('index', 'lon')).toBe(0);
  });

  it('finds the header below title rows', () => {
    expect(findHeaderRow([['上海市5G基站工参表'], [], ['站名', '经度', '纬度'], ['a', '121', '31']])).toBe(2);
    expect(findHeaderRow([['just', 'text']])).toBe(0);
  });
});

describe('encodings, delimiters and formats', () => {
  it('BOM, strict UTF-8, else GB18030; UTF-16 with BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
    expect(decodeText(encodeGbk('经度')).encoding).toBe('gb18030');
    expect(decodeText(encodeGbk('经度')).text).toBe('经度');
    expect(decodeText(new TextEncoder().encode('经度')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xcf, 0x7e])).text).toBe('经');
  });

  it('code pages of .cpg files', () => {
    expect(encodingFromCodePage('GBK')).toBe('gb18030');
    expect(encodingFromCodePage('ANSI 936')).toBe('gb18030');
    expect(encodingFromCodePage('UTF-8\r\n')).toBe('utf-8');
    expect(encodingFromCodePage('nonsense')).toBeUndefined();
  });

  it('a semicolon file with decimal commas is not mistaken for a comma file', () => {
    expect(chooseDelimiter('名称;经度;纬度\na;121,47;31,23\n')).toBe(';');
    expect(chooseDelimiter('名称\t经度\t纬度\na\t121.47\t31.23\n')).toBe('\t');
    expect(chooseDelimiter('名称,经度,纬度\n"a;b",121.47,31.23\n')).toBe(',');
  });

  it('keeps spreadsheet row numbers across blank lines and multi-line quoted cells', async () => {
    const table = await readDelimitedText(
      new TextEncoder().encode('name,lon,lat\n"two\nlines",121.4,31.2\n\nb,121.5,31.3\n'),
    );
    expect(table.rows.map((row) => row[0])).toEqual(['two\nlines', 'b']);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('formats from name and bytes', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    expect(detectFormat('a.xlsx', zip)).toBe('xlsx');
    expect(detectFormat('a.kmz', zip)).toBe('kmz');
    expect(detectFormat('a.zip', zip)).toBe('shapefile');
    expect(detectFormat('a.txt', new TextEncoder().encode(' {"type":"FeatureCollection"}'))).toBe('geojson');
    expect(detectFormat('a.kml', new TextEncoder().encode('<?xml version="1.0"?><kml/>'))).toBe('kml');
    expect(detectFormat('a.csv', new TextEncoder().encode('a,b'))).toBe('csv');
    expect(detectFormat('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBeUndefined();
  });
});
