/**
 * Seeded hostile and broken import files of the kinds a fuzzing of `cli import` found trouble with:
 * cells that make patterns backtrack (200,000 digits then "x", "1°" then 80,000 digits), headers of
 * hundreds of thousands of columns, very wide GeoJSON properties, zip bombs (shapefiles whose .dbf
 * claims 4 billion records, KMZ and xlsx that inflate past the limit, entries that overlap), broken
 * shapefile record lengths, xlsx elements that never close, a 199 MiB CSV of short rows, and damaged
 * GeoPackages. Each input is made from its descriptor on demand, so a test process holds one at a time.
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { createSeededRandom } from '../../../../../src/domain/geo/seeded-random';
import { writeXlsx } from '../../import/xlsx-writer';

export interface HostileInput {
  /** What kind of trouble, and the size or variant: enough to rebuild it. */
  kind: HostileKind;
  size: number;
  variant: number;
  name: string;
}

export type HostileKind =
  | 'csvLongNumber'
  | 'csvLongDms'
  | 'xlsxLongNumber'
  | 'csvWideHeader'
  | 'geojsonWideProperties'
  | 'shapefileRecordCount'
  | 'shapefileRecordLength'
  | 'kmzInflation'
  | 'xlsxInflation'
  | 'xlsxUnclosed'
  | 'zipOverlap'
  | 'csvShortRows'
  | 'kmlManyElements'
  | 'geojsonManyObjects'
  | 'geopackageDamaged'
  | 'randomBytes';

const utf8 = (text: string) => new TextEncoder().encode(text);
const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

/**
 * The seeded list: first one input of each kind at the size the fuzzing reported (200,000 digits, a
 * 1,000,000-column header, a 199 MiB CSV, bombs past the inflation limit …), then `count` minus those
 * spread over the kinds at smaller, seeded sizes.
 */
export function hostileInputs(seed: number, count: number): HostileInput[] {
  const random = createSeededRandom(seed);
  const kinds: {
    kind: HostileKind;
    weight: number;
    sizes: [number, number];
    largest: number;
    extension: string;
  }[] = [
    { kind: 'csvLongNumber', weight: 6, sizes: [1_000, 50_000], largest: 200_000, extension: 'csv' },
    { kind: 'csvLongDms', weight: 4, sizes: [1_000, 20_000], largest: 80_000, extension: 'csv' },
    { kind: 'xlsxLongNumber', weight: 3, sizes: [1_000, 50_000], largest: 200_000, extension: 'xlsx' },
    { kind: 'csvWideHeader', weight: 3, sizes: [2_000, 150_000], largest: 1_000_000, extension: 'csv' },
    {
      kind: 'geojsonWideProperties',
      weight: 3,
      sizes: [2_000, 50_000],
      largest: 400_000,
      extension: 'geojson',
    },
    { kind: 'shapefileRecordCount', weight: 2, sizes: [1, 16], largest: 300, extension: 'zip' },
    { kind: 'shapefileRecordLength', weight: 3, sizes: [1, 1000], largest: 5000, extension: 'zip' },
    { kind: 'kmzInflation', weight: 1, sizes: [1, 16], largest: 300, extension: 'kmz' },
    { kind: 'xlsxInflation', weight: 1, sizes: [1, 16], largest: 250, extension: 'xlsx' },
    { kind: 'xlsxUnclosed', weight: 4, sizes: [1_000, 300_000], largest: 3_000_000, extension: 'xlsx' },
    { kind: 'zipOverlap', weight: 2, sizes: [100, 3_000], largest: 9_000, extension: 'zip' },
    { kind: 'geopackageDamaged', weight: 3, sizes: [1, 4096], largest: 65_536, extension: 'gpkg' },
    { kind: 'kmlManyElements', weight: 2, sizes: [10_000, 300_000], largest: 3_000_000, extension: 'kml' },
    {
      kind: 'geojsonManyObjects',
      weight: 2,
      sizes: [10_000, 500_000],
      largest: 5_000_000,
      extension: 'geojson',
    },
    { kind: 'randomBytes', weight: 4, sizes: [1, 65_536], largest: 4_000_000, extension: 'csv' },
  ];
  const inputs: HostileInput[] = [
    // The one from the report: a 199 MiB CSV of short rows, just under the size limit.
    { kind: 'csvShortRows', size: 199 * 2 ** 20, variant: 0, name: 'short-rows.csv' },
    ...kinds.map(({ kind, largest, extension }) => ({
      kind,
      size: largest,
      variant: 1,
      name: `${kind}-largest.${extension}`,
    })),
  ];
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  for (let index = inputs.length; index < count; index++) {
    const pick = random.next() * total;
    let reached = 0;
    const entry =
      kinds.find((kind) => {
        reached += kind.weight;
        return pick < reached;
      }) ?? kinds[0]!;
    const [low, high] = entry.sizes;
    // Sizes spread on a log scale, so both small and large appear.
    const size = Math.round(low * (high / low) ** random.next());
    const variant = Math.floor(random.next() * 1_000_000);
    inputs.push({ kind: entry.kind, size, variant, name: `${entry.kind}-${index}.${entry.extension}` });
  }
  return inputs;
}

const digits = (count: number, variant: number) => String((variant % 9) + 1).padEnd(count, '7');

/** The bytes of an input. */
export function hostileBytes(input: HostileInput): Uint8Array {
  const { size, variant } = input;
  switch (input.kind) {
    case 'csvLongNumber': {
      const cell = `${digits(size, variant)}x`;
      const row = ['121.47', '31.23', '30'];
      row[variant % 3] = cell;
      return utf8(`经度,纬度,挂高\n${row.join(',')}\n121.5,31.2,20\n`);
    }
    case 'csvLongDms': {
      const cell = `1°${digits(size, variant)}${variant % 2 === 0 ? 'x' : "'"}`;
      return utf8(`经度,纬度\n${cell},31.2\n121.4,${cell}\n`);
    }
    case 'xlsxLongNumber': {
      const cell = `${digits(size, variant)}x`;
      const long = variant % 2 === 0 ? cell : { inline: cell };
      return writeXlsx({
        name: 'Sheet1',
        rows: new Map([
          [1, ['经度', '纬度', '挂高']],
          [2, [long, '31.2', '30']],
          [3, ['121.4', long, long]],
        ]),
      });
    }
    case 'csvWideHeader': {
      const names = Array.from({ length: size }, (_, index) => `c${index}`);
      names[variant % size] = '经度';
      names[(variant + 1) % size] = '纬度';
      return utf8(`${names.join(',')}\n${'1,'.repeat(size - 1)}1\n`);
    }
    case 'geojsonWideProperties': {
      const properties: Record<string, number> = {};
      for (let index = 0; index < size; index++) properties[`p${index}`] = index;
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.4, 31.2] },
        properties,
      };
      return utf8(JSON.stringify({ type: 'FeatureCollection', features: [feature, feature] }));
    }
    case 'shapefileRecordCount':
      return shapefileClaiming(size, variant);
    case 'shapefileRecordLength':
      return shapefileWithRecordLength(size, variant);
    case 'kmzInflation': {
      const placemark = '<Placemark><Point><coordinates>121.4,31.2</coordinates></Point></Placemark>';
      return streamedZip([
        {
          name: 'doc.kml',
          head: '<kml><Document>',
          unit: placemark,
          megabytes: size,
          tail: '</Document></kml>',
        },
      ]);
    }
    case 'xlsxInflation':
      return streamedZip([
        ...workbookParts(),
        {
          name: 'xl/worksheets/sheet1.xml',
          head: '<worksheet><sheetData>',
          unit: '<row r="2"><c r="A2" s="1"/></row>',
          megabytes: size,
          tail: '</sheetData></worksheet>',
        },
      ]);
    case 'xlsxUnclosed': {
      const unit = ['<row r="1">', '<c r="A1" t="s"><v>', '<si><t>', '<row><c><is><t>'][variant % 4]!;
      const sheet = `<worksheet><sheetData>${unit.repeat(Math.ceil(size / unit.length))}`;
      return xlsxWithSheet(sheet, `<sst>${'<si><t>a'.repeat(Math.ceil(size / 8))}`);
    }
    case 'kmlManyElements': {
      const element = variant % 2 === 0 ? '<a/>' : '<Placemark/>';
      return utf8(`<kml><Document>${element.repeat(size)}</Document></kml>`);
    }
    case 'geojsonManyObjects': {
      const value = variant % 2 === 0 ? '{}' : '0';
      return utf8(`[${Array.from({ length: size }, () => value).join(',')}]`);
    }
    case 'zipOverlap':
      return overlappingZip(size);
    case 'csvShortRows': {
      const bytes = new Uint8Array(size);
      const row = utf8('121.47,31.23\n');
      const header = utf8('经度,纬度\n');
      bytes.set(header);
      for (let at = header.length; at + row.length <= size; at += row.length) bytes.set(row, at);
      return bytes;
    }
    case 'geopackageDamaged': {
      const random = createSeededRandom(variant);
      const bytes = new Uint8Array(Math.max(100, size));
      for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(random.next() * 256);
      bytes.set(utf8('SQLite format 3\u0000'));
      return bytes;
    }
    case 'randomBytes': {
      const random = createSeededRandom(variant);
      return Uint8Array.from({ length: size }, () => Math.floor(random.next() * 256));
    }
  }
}

interface StreamedEntry {
  name: string;
  head: string;
  /** Repeated until the entry holds `megabytes` MiB. */
  unit?: string;
  megabytes?: number;
  tail?: string;
}

function workbookParts(): StreamedEntry[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relations = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: 'xl/workbook.xml',
      head: `<workbook xmlns="${main}" xmlns:r="${relations}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      head: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    },
  ];
}

function xlsxWithSheet(sheetXml: string, sharedStrings = '<sst/>'): Uint8Array {
  return streamedZip([
    ...workbookParts(),
    { name: 'xl/sharedStrings.xml', head: sharedStrings },
    { name: 'xl/worksheets/sheet1.xml', head: sheetXml },
  ]);
}

/**
 * A zip deflated chunk by chunk (fflate's streaming Zip): an entry of hundreds of MiB is made without
 * ever holding it, so a bomb costs its compressed size to build.
 */
function streamedZip(entries: readonly StreamedEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 1 });
    file.mtime = FIXED_TIME;
    zip.add(file);
    file.push(utf8(entry.head));
    if (entry.unit && entry.megabytes) {
      const block = utf8(entry.unit.repeat(Math.ceil(2 ** 20 / entry.unit.length)));
      for (let written = 0; written < entry.megabytes * 2 ** 20; written += block.length) file.push(block);
    }
    file.push(utf8(entry.tail ?? ''), true);
  }
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A .shp with one point and a .dbf whose header claims `4e9 / size` records of one byte, body zeros. */
function shapefileClaiming(megabytes: number, variant: number): Uint8Array {
  const shp = new Uint8Array(100 + 28);
  const shpView = new DataView(shp.buffer);
  shpView.setInt32(0, 9994, false);
  shpView.setInt32(24, shp.length / 2, false);
  shpView.setInt32(28, 1000, true);
  shpView.setInt32(32, 1, true);
  shpView.setInt32(100, 1, false);
  shpView.setInt32(104, 10, false);
  shpView.setInt32(108, 1, true);
  shpView.setFloat64(112, 121.4, true);
  shpView.setFloat64(120, 31.2, true);
  const header = new Uint8Array(65);
  const headerView = new DataView(header.buffer);
  header[0] = 0x03;
  headerView.setUint32(4, 0xffffffff - (variant % 1000), true);
  headerView.setUint16(8, 65, true);
  headerView.setUint16(10, 1 + (variant % 3), true);
  header.set(utf8('NAME'), 32);
  header[43] = 'C'.charCodeAt(0);
  header[48] = variant % 3;
  header[64] = 0x0d;
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const shpEntry = new ZipDeflate('bomb.shp', { level: 1 });
  zip.add(shpEntry);
  shpEntry.push(shp, true);
  const dbfEntry = new ZipDeflate('bomb.dbf', { level: 1 });
  zip.add(dbfEntry);
  dbfEntry.push(header);
  // The records: one-byte "records" of spaces, as many MiB as asked (the header claims ~4 billion).
  const block = new Uint8Array(2 ** 20).fill(0x20);
  for (let written = 0; written < megabytes * 2 ** 20; written += block.length) dbfEntry.push(block);
  dbfEntry.push(new Uint8Array(0), true);
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A .shp whose records declare content lengths beyond the file (or negative), with a tiny .dbf. */
function shapefileWithRecordLength(records: number, variant: number): Uint8Array {
  const shp = new Uint8Array(100 + records * 28);
  const view = new DataView(shp.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, shp.length / 2, false);
  view.setInt32(32, 1, true);
  const lengths = [0x7fffffff, -1, 0, 3, 10];
  for (let record = 0; record < records; record++) {
    const at = 100 + record * 28;
    view.setInt32(at, record + 1, false);
    view.setInt32(at + 4, record === records - 1 ? lengths[variant % lengths.length]! : 10, false);
    view.setInt32(at + 8, 1, true);
    view.setFloat64(at + 12, 121.4, true);
    view.setFloat64(at + 20, 31.2, true);
  }
  const dbf = new Uint8Array(66 + records * 2);
  const dbfView = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dbfView.setUint32(4, records, true);
  dbfView.setUint16(8, 65, true);
  dbfView.setUint16(10, 2, true);
  dbf.set(utf8('ID'), 32);
  dbf[43] = 'C'.charCodeAt(0);
  dbf[48] = 1;
  dbf[64] = 0x0d;
  return zipSync({ 'x.shp': shp, 'x.dbf': dbf }, { level: 0, mtime: FIXED_TIME });
}

/** A zip whose central directory lists `entries` names that all point at one compressed local file. */
function overlappingZip(entries: number): Uint8Array {
  const payload = new Uint8Array(2 ** 20).fill(0x20);
  const single = zipSync({ 'doc.kml': payload }, { level: 9, mtime: FIXED_TIME });
  const view = new DataView(single.buffer);
  const endAt = single.length - 22;
  const centralAt = view.getUint32(endAt + 16, true);
  const central = single.subarray(centralAt, endAt);
  const parts: Uint8Array[] = [single.subarray(0, centralAt)];
  for (let index = 0; index < entries; index++) {
    const copy = central.slice();
    // Same local header offset, other names: each entry inflates the same 1 MB again.
    copy.set(utf8(`d${String(index).padStart(2, '0').slice(-2)}.kml`).subarray(0, 7), 46);
    parts.push(copy);
  }
  const end = single.slice(endAt);
  const endView = new DataView(end.buffer);
  endView.setUint16(8, Math.min(entries, 0xffff), true);
  endView.setUint16(10, Math.min(entries, 0xffff), true);
  endView.setUint32(12, central.length * entries, true);
  endView.setUint32(16, centralAt, true);
  parts.push(end);
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
