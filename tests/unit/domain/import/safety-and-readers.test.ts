import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { readSharedStrings, readSheetRows } from '../../../../src/domain/import/xlsx-reader';
import { unzipWithLimits } from '../../../../src/domain/import/zip-reader';
import { encodeGbk } from '../../support/import/gbk';
import { parseXml } from '../../support/import/load';
import { WGS84_PRJ, writeDbf, writeShp } from '../../support/import/shapefile-writer';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (name: string, bytes: Uint8Array) => readImportSource({ name, bytes }, { parseXml });

describe('safety limits', () => {
  it('refuses a file over 200 MB before reading it', async () => {
    const outcome = await read('huge.csv', new Uint8Array(200 * 1024 * 1024 + 1));
    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'fileTooLarge', params: { sizeMb: 200, limitMb: 200 } },
    });
  });

  it('refuses KML with a DOCTYPE (billion laughs) without expanding anything', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&b;</name><Point><coordinates>121.4,31.2</coordinates></Point></Placemark></kml>';
    expect(await read('laughs.kml', utf8(laughs))).toEqual({ ok: false, failure: { code: 'xmlDoctype' } });
    const kmz = zipSync({ 'doc.kml': utf8(laughs) });
    expect(await read('laughs.kmz', kmz)).toEqual({ ok: false, failure: { code: 'xmlDoctype' } });
  });

  it('refuses a zip whose entries would unpack beyond the limit, before inflating', () => {
    // 64 MB of zeros compress to ~64 kB: a small bomb, checked against a small limit.
    const bomb = zipSync({ 'doc.kml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() =>
      unzipWithLimits(bomb, () => true, { maxEntries: 10, maxUncompressedBytes: 32 * 1024 * 1024 }),
    ).toThrow(expect.objectContaining({ code: 'zipTooLarge' }));
  });

  it('refuses a zip with too many entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 10_001; index++) files[`f${index}.txt`] = new Uint8Array(0);
    const outcome = await read('many.kmz', zipSync(files, { level: 0 }));
    expect(outcome).toEqual({ ok: false, failure: { code: 'zipTooManyEntries', params: { limit: 10_000 } } });
  });

  it('a zip entry that lies about its size yields truncated data, never more than declared', () => {
    const honest = zipSync({ 'doc.kml': utf8('<kml>'.repeat(1000)) });
    // Patch the central directory's uncompressed size (offset 24 in the central header) down to 10 bytes.
    const central = honest.findLastIndex(
      (_, index) =>
        honest[index] === 0x50 &&
        honest[index + 1] === 0x4b &&
        honest[index + 2] === 0x01 &&
        honest[index + 3] === 0x02,
    );
    new DataView(honest.buffer).setUint32(central + 24, 10, true);
    const { files } = unzipWithLimits(honest, () => true);
    expect(files.get('doc.kml')!.length).toBe(10);
  });

  it('text in a CSV never becomes anything but a string', async () => {
    const outcome = await read('x.csv', utf8('name,lon,lat\n<script>alert(1)</script>,121.4,31.2\n'));
    expect(outcome.ok && outcome.source.kind === 'table' && outcome.source.rows[0]![0]).toBe(
      '<script>alert(1)</script>',
    );
  });
});

describe('reader details', () => {
  it('xlsx: shared strings with rich-text runs, phonetic runs and escapes', () => {
    const strings = readSharedStrings(
      '<sst><si><r><t>经</t></r><r><t>度</t></r><rPh><t>jing</t></rPh></si><si><t>a&amp;b_x000D_</t></si><si/></sst>',
    );
    expect(strings).toEqual(['经度', 'a&b\r', '']);
  });

  it('xlsx: cells are placed by their reference, rows keep their numbers, absurd columns are dropped', () => {
    const { records, rowNumbers } = readSheetRows(
      '<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2"><v>31.230399999999999</v></c>' +
        '<c r="XFD2"><v>1</v></c></row><row r="5"><c r="A5" t="b"><v>1</v></c></row></sheetData>',
      ['经度'],
    );
    expect(records).toEqual([['', '经度', '', '31.2304'], ['TRUE']]);
    expect(rowNumbers).toEqual([2, 5]);
  });

  it('shapefile: PointZ and one-point MultiPoint are read, polygons and null shapes reported', async () => {
    const pointZ = writeShp({ shapeType: 11, geometries: [[121.4, 31.2], null] });
    const multi = writeShp({
      shapeType: 8,
      geometries: [
        [[121.5, 31.3]],
        [
          [121.5, 31.3],
          [121.6, 31.3],
        ],
      ],
    });
    const dbf = (count: number) =>
      writeDbf({
        fields: [{ name: 'ID', type: 'C', length: 4 }],
        records: Array.from({ length: count }, (_, index) => [`p${index}`]),
        encode: (text) => utf8(text),
      });
    const zipped = (parts: { shp: Uint8Array }) =>
      zipSync({
        'a/x.shp': parts.shp,
        'a/x.dbf': dbf(2),
        'a/x.prj': utf8(WGS84_PRJ),
        '__MACOSX/a/._x.shp': new Uint8Array(3),
      });
    const first = await read('z.zip', zipped(pointZ));
    const second = await read('m.zip', zipped(multi));
    if (!first.ok || first.source.kind !== 'features' || !second.ok || second.source.kind !== 'features')
      throw new Error('read failed');
    expect(first.source.features.map((feature) => feature.position ?? feature.problem)).toEqual([
      [121.4, 31.2],
      'missingGeometry',
    ]);
    expect(second.source.features[0]!.position).toEqual([121.5, 31.3]);
    expect(second.source.features[1]).toMatchObject({
      problem: 'unsupportedGeometry',
      geometryType: 'MultiPoint',
    });
    expect(first.source.readWarnings).toEqual([{ code: 'noCpg', params: { encoding: 'utf-8' } }]);
  });

  it('shapefile without .cpg: GBK attributes are still decoded, and a projected .prj is named', async () => {
    const { shp } = writeShp({ shapeType: 1, geometries: [[500000, 3450000]] });
    const dbf = writeDbf({
      fields: [{ name: '名称', type: 'C', length: 20 }],
      records: [['人民广场']],
      encode: encodeGbk,
    });
    const prj = 'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]';
    const outcome = await read('p.zip', zipSync({ 'p.shp': shp, 'p.dbf': dbf, 'p.prj': utf8(prj) }));
    if (!outcome.ok || outcome.source.kind !== 'features') throw new Error('read failed');
    expect(outcome.source.features[0]!.attributes.名称).toBe('人民广场');
    expect(outcome.source.declaredCrs).toBe('CGCS2000_3_Degree_GK_CM_120E');
  });

  it('whole-file failures have codes the UI can translate', async () => {
    expect(await read('a.csv', new Uint8Array(0))).toEqual({ ok: false, failure: { code: 'emptyFile' } });
    expect(await read('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({
      ok: false,
      failure: { code: 'legacyXls', params: { name: 'a.xls' } },
    });
    expect(await read('a.geojson', utf8('{"type":"Topology"}'))).toEqual({
      ok: false,
      failure: { code: 'notGeoJson' },
    });
    expect(await read('a.shp', new Uint8Array([0, 0, 39, 10]))).toEqual({
      ok: false,
      failure: { code: 'invalidShapefile', params: { part: '.shp' } },
    });
    expect(await read('a.shp', new Uint8Array([1, 2, 3, 4]))).toEqual({
      ok: false,
      failure: { code: 'missingPart', params: { part: '.zip' } },
    });
    expect(await read('a.zip', zipSync({ 'a.dbf': new Uint8Array(100) }))).toMatchObject({
      ok: false,
      failure: { code: 'missingPart', params: { part: '.shp' } },
    });
    expect(await readImportSource({ name: 'a.kml', bytes: utf8('<kml></kml>') })).toEqual({
      ok: false,
      failure: { code: 'noXmlParser' },
    });
    expect((await read('a.kml', utf8('<kml><Placemark>'))).ok).toBe(false);
  });
});
