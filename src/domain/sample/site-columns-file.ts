/**
 * One year's sample network as a single binary file: the columns of site-columns.ts behind a small JSON
 * header. The build writes it with the generator the worker runs (scripts/vite-prebuilt-samples.ts), so
 * the app reads 96,000–195,000 sectors as typed-array views instead of spending seconds generating them
 * on every start. Lossless: a number column is stored as Float32 only when every value survives the
 * round trip, so a decoded file equals the generator's output bit for bit.
 *
 * Layout: "SHSC", a little-endian uint32 header length, the UTF-8 header, then each section at an
 * 8-byte-aligned offset the header names.
 */
import { SITE_NUMBER_FIELDS, type SiteColumns } from './site-columns';

const MAGIC = 'SHSC';
export const SITE_COLUMNS_FILE_FORMAT = 1;

type ArrayKind = 'f64' | 'f32' | 'u8';
interface Section {
  kind: ArrayKind;
  offset: number;
  length: number;
}

export interface SiteColumnsFileHeader {
  format: number;
  year: number;
  seed: number;
  baseStations: number;
  count: number;
  /** The number columns' properties, in order (site-columns.ts's SITE_NUMBER_FIELDS when written). */
  numberFields: string[];
  lon: Section;
  lat: Section;
  numbers: Section[];
  kind: Section;
  band: Section;
  status: Section;
  synthetic: Section;
  strings: { offset: number; byteLength: number };
}

export interface SiteColumnsFile {
  year: number;
  seed: number;
  baseStations: number;
  columns: SiteColumns;
}

const BYTES: Record<ArrayKind, number> = { f64: 8, f32: 4, u8: 1 };
const align8 = (offset: number) => Math.ceil(offset / 8) * 8;

/** Float32 when it loses nothing (NaN stays NaN), else Float64. */
function narrowest(column: Float64Array): Float64Array | Float32Array {
  for (const value of column) if (!Number.isNaN(value) && Math.fround(value) !== value) return column;
  return new Float32Array(column);
}

function kindOf(array: Float64Array | Float32Array | Uint8Array): ArrayKind {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Float32Array) return 'f32';
  return 'u8';
}

/** Writes one year's columns as a file. */
export function encodeSiteColumnsFile(file: SiteColumnsFile): Uint8Array {
  const { columns } = file;
  const strings = new TextEncoder().encode(columns.strings);
  const arrays = {
    lon: columns.lon,
    lat: columns.lat,
    numbers: columns.numbers.map(narrowest),
    kind: columns.kind,
    band: columns.band,
    status: columns.status,
    synthetic: columns.synthetic,
  };
  const placed: { array: Float64Array | Float32Array | Uint8Array; offset: number }[] = [];
  let cursor = 0;
  const place = (array: Float64Array | Float32Array | Uint8Array): Section => {
    cursor = align8(cursor);
    const section = { kind: kindOf(array), offset: cursor, length: array.length };
    placed.push({ array, offset: cursor });
    cursor += array.byteLength;
    return section;
  };
  const header: SiteColumnsFileHeader = {
    format: SITE_COLUMNS_FILE_FORMAT,
    year: file.year,
    seed: file.seed,
    baseStations: file.baseStations,
    count: columns.count,
    numberFields: [...SITE_NUMBER_FIELDS],
    lon: place(arrays.lon),
    lat: place(arrays.lat),
    numbers: arrays.numbers.map(place),
    kind: place(arrays.kind),
    band: place(arrays.band),
    status: place(arrays.status),
    synthetic: place(arrays.synthetic),
    strings: { offset: align8(cursor), byteLength: strings.byteLength },
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = align8(8 + headerBytes.byteLength);
  const bytes = new Uint8Array(body + header.strings.offset + strings.byteLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.byteLength, true);
  bytes.set(headerBytes, 8);
  for (const { array, offset } of placed) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), body + offset);
  }
  bytes.set(strings, body + header.strings.offset);
  return bytes;
}

/** Reads a file written by encodeSiteColumnsFile; throws with the reason on anything else. */
export function decodeSiteColumnsFile(buffer: ArrayBuffer): SiteColumnsFile {
  if (buffer.byteLength < 8 || new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== MAGIC) {
    throw new Error('not a sample-network file');
  }
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new Error('sample-network file: header cut short');
  const header = JSON.parse(
    new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength)),
  ) as SiteColumnsFileHeader;
  if (header.format !== SITE_COLUMNS_FILE_FORMAT) {
    throw new Error(
      `sample-network file: format ${header.format}, this build reads ${SITE_COLUMNS_FILE_FORMAT}`,
    );
  }
  if (header.numberFields?.join() !== SITE_NUMBER_FIELDS.join()) {
    throw new Error('sample-network file: its number columns are not the ones this build reads');
  }
  const body = align8(8 + headerLength);
  if (body + header.strings.offset + header.strings.byteLength > buffer.byteLength) {
    throw new Error('sample-network file: cut short');
  }
  const view = (section: Section) => {
    if (section.length !== header.count)
      throw new Error('sample-network file: a column does not match the count');
    const start = body + section.offset;
    if (start + section.length * BYTES[section.kind] > buffer.byteLength)
      throw new Error('sample-network file: cut short');
    if (section.kind === 'f64') return new Float64Array(buffer, start, section.length);
    if (section.kind === 'f32') return new Float32Array(buffer, start, section.length);
    return new Uint8Array(buffer, start, section.length);
  };
  const float64 = (section: Section) => {
    const array = view(section);
    return array instanceof Float64Array ? array : new Float64Array(array);
  };
  const bytes = (section: Section) => {
    const array = view(section);
    if (!(array instanceof Uint8Array)) throw new Error('sample-network file: a code column is not bytes');
    return array;
  };
  const columns: SiteColumns = {
    count: header.count,
    lon: float64(header.lon),
    lat: float64(header.lat),
    numbers: header.numbers.map(float64),
    kind: bytes(header.kind),
    band: bytes(header.band),
    status: bytes(header.status),
    synthetic: bytes(header.synthetic),
    strings: new TextDecoder().decode(
      new Uint8Array(buffer, body + header.strings.offset, header.strings.byteLength),
    ),
  };
  return { year: header.year, seed: header.seed, baseStations: header.baseStations, columns };
}
