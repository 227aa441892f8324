/**
 * A compact reader for zipped shapefiles of points (Point, PointZ, PointM, MultiPoint*): .shp geometry,
 * .dbf attributes decoded with the .cpg code page (GBK is common in China), .prj checked for a projected
 * system we cannot convert. Written here rather than taking shpjs: sites and poles are points only, we
 * need every record (even broken ones) reported by number, and our own zip limits apply; shpjs would
 * add proj4 and its own unzip for features we do not need. Every read is bounds-checked.
 */
import type { FeatureSource, ImportWarning } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';
import { featureSource } from './source-features';
import { decodeWith, detectEncoding, encodingFromCodePage } from './text-decoding';
import { entryBaseName, isHiddenEntry, unzipWithLimits } from './zip-reader';

const SHAPE_NAMES: Record<number, string> = {
  3: 'PolyLine',
  5: 'Polygon',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  23: 'PolyLineM',
  25: 'PolygonM',
  31: 'MultiPatch',
};

export interface ShpRecords {
  geometries: ({ type: string; coordinates?: unknown } | null)[];
  /** True when the file ended inside a record. */
  truncated: boolean;
}

/** Reads the geometry records of a .shp file. */
export function readShp(bytes: Uint8Array): ShpRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 100 || view.getInt32(0, false) !== 9994) {
    throw new ImportFailureError('invalidShapefile', { part: '.shp' });
  }
  const geometries: ShpRecords['geometries'] = [];
  let offset = 100;
  while (offset + 8 <= bytes.byteLength) {
    // Counted as they come: a file that holds more records than the limit is refused before the rest.
    if (geometries.length >= IMPORT_LIMITS.maxRows) {
      throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
    }
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (contentBytes < 4 || start + contentBytes > bytes.byteLength) return { geometries, truncated: true };
    geometries.push(readShape(view, start, contentBytes));
    offset = start + contentBytes;
  }
  return { geometries, truncated: offset !== bytes.byteLength };
}

function readShape(
  view: DataView,
  start: number,
  length: number,
): { type: string; coordinates?: unknown } | null {
  const shapeType = view.getInt32(start, true);
  if (shapeType === 0) return null;
  if (shapeType === 1 || shapeType === 11 || shapeType === 21) {
    if (length < 20) return { type: 'Point' };
    return {
      type: 'Point',
      coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)],
    };
  }
  if (shapeType === 8 || shapeType === 18 || shapeType === 28) {
    if (length < 40) return { type: 'MultiPoint' };
    const declared = view.getInt32(start + 36, true);
    const count = Math.max(0, Math.min(declared, Math.floor((length - 40) / 16)));
    const coordinates: [number, number][] = [];
    for (let index = 0; index < count; index++) {
      const at = start + 40 + index * 16;
      coordinates.push([view.getFloat64(at, true), view.getFloat64(at + 8, true)]);
    }
    return { type: 'MultiPoint', coordinates };
  }
  return { type: SHAPE_NAMES[shapeType] ?? `shape type ${shapeType}` };
}

interface DbfField {
  name: string;
  type: string;
  length: number;
}

/** dBase language-driver ids that mean the Chinese GBK code page. */
const GBK_LANGUAGE_DRIVERS = new Set([0x4d, 0x7a]);

/** Reads .dbf records as text attributes (deleted records come back as undefined). */
export function readDbf(
  bytes: Uint8Array,
  encoding: string | undefined,
): { records: (Record<string, string> | undefined)[]; encoding: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 32) throw new ImportFailureError('invalidShapefile', { part: '.dbf' });
  const recordCount = view.getUint32(4, true);
  const headerBytes = view.getUint16(8, true);
  const recordBytes = view.getUint16(10, true);
  if (headerBytes < 33 || headerBytes > bytes.byteLength || recordBytes < 1) {
    throw new ImportFailureError('invalidShapefile', { part: '.dbf' });
  }
  const chosen =
    encoding ??
    (GBK_LANGUAGE_DRIVERS.has(bytes[29]!) ? 'gb18030' : detectEncoding(bytes.subarray(32)).encoding);
  const decoder = new TextDecoder(chosen);
  const fields: DbfField[] = [];
  const lastField = Math.min(headerBytes, 32 + 32 * IMPORT_LIMITS.maxColumns);
  for (let at = 32; at + 32 <= lastField && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    const name = decoder.decode(end < 0 ? nameBytes : nameBytes.subarray(0, end)).trim();
    fields.push({
      name: name || `#${fields.length + 1}`,
      type: String.fromCharCode(bytes[at + 11]!),
      length: bytes[at + 16]!,
    });
  }
  const records: (Record<string, string> | undefined)[] = [];
  // The header's record count is bounded by the bytes that are really there (a header may claim
  // 4 billion records), and then by the row limit, before a single record is read.
  const count = Math.min(recordCount, Math.floor((bytes.byteLength - headerBytes) / recordBytes));
  if (count > IMPORT_LIMITS.maxRows)
    throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
  if (count * fields.length > IMPORT_LIMITS.maxCells) {
    throw new ImportFailureError('tooManyCells', { limit: IMPORT_LIMITS.maxCells });
  }
  for (let index = 0; index < count; index++) {
    const start = headerBytes + index * recordBytes;
    if (bytes[start] === 0x2a) {
      records.push(undefined);
      continue;
    }
    const record: Record<string, string> = Object.create(null);
    let at = start + 1;
    for (const field of fields) {
      const raw = bytes.subarray(at, Math.min(at + field.length, start + recordBytes));
      record[field.name] = fieldText(decoder, raw, field.type);
      at += field.length;
    }
    records.push(record);
  }
  return { records, encoding: chosen };
}

function fieldText(decoder: TextDecoder, raw: Uint8Array, type: string): string {
  let ascii = true;
  for (const byte of raw) if (byte >= 0x80) ascii = false;
  const text = (ascii ? String.fromCharCode(...raw) : decoder.decode(raw)).replace(/\0/g, '').trim();
  if (type === 'L') return /^[TtYy]$/.test(text) ? 'true' : /^[FfNn]$/.test(text) ? 'false' : '';
  if (type === 'D' && /^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
  return text;
}

/** Reads a zipped shapefile: the first .shp and the .dbf/.cpg/.prj of the same name. */
export function readZippedShapefile(bytes: Uint8Array): FeatureSource {
  const parts = ['.shp', '.dbf', '.cpg', '.prj'];
  const { files } = unzipWithLimits(
    bytes,
    (entry) => !isHiddenEntry(entry.name) && parts.some((part) => entryBaseName(entry.name).endsWith(part)),
  );
  const shpName = [...files.keys()].find((name) => name.toLowerCase().endsWith('.shp'));
  if (!shpName) throw new ImportFailureError('missingPart', { part: '.shp' });
  const stem = shpName.slice(0, -4).toLowerCase();
  const part = (extension: string) =>
    [...files.entries()].find(([name]) => name.toLowerCase() === `${stem}${extension}`)?.[1];
  const dbf = part('.dbf');
  const readWarnings: ImportWarning[] = [];
  const cpg = part('.cpg');
  const encoding = cpg ? encodingFromCodePage(decodeWith(cpg, 'utf-8').text) : undefined;
  const shp = readShp(part('.shp')!);
  // Without its .dbf a shapefile still holds the positions (real repositories lose the part): they
  // are read, numbered, and the warning says the attributes are missing.
  const dbfRecords = dbf
    ? readDbf(dbf, encoding)
    : {
        records: shp.geometries.map(() => Object.create(null) as Record<string, string>),
        encoding: undefined,
      };
  if (!dbf) readWarnings.push({ code: 'noDbf' });
  else if (!cpg) readWarnings.push({ code: 'noCpg', params: { encoding: dbfRecords.encoding ?? '' } });
  if (shp.truncated || shp.geometries.length !== dbfRecords.records.length) {
    readWarnings.push({
      code: 'truncatedShapefile',
      params: { shpRecords: shp.geometries.length, dbfRecords: dbfRecords.records.length },
    });
  }
  const prj = part('.prj');
  const prjText = prj ? new TextDecoder('utf-8').decode(prj) : '';
  const projected = /^\s*PROJCS\["([^"]*)"/i.exec(prjText);
  const features: unknown[] = [];
  const numbers: number[] = [];
  const count = Math.min(shp.geometries.length, dbfRecords.records.length);
  for (let index = 0; index < count; index++) {
    const properties = dbfRecords.records[index];
    if (properties === undefined) continue;
    features.push({ type: 'Feature', geometry: shp.geometries[index], properties });
    numbers.push(index + 1);
  }
  return featureSource('shapefile', features, {
    encoding: dbfRecords.encoding,
    declaredCrs: projected ? projected[1]!.slice(0, 200) || 'projected' : undefined,
    readWarnings,
    numbers,
  });
}
