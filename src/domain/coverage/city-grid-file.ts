/**
 * The city's grid (city-raster.ts: district, environment and zone-weight codes per cell, land and zone
 * runs, district and zone facts) as one binary file, so the production build can rasterise the shipped
 * city once (scripts/write-city-grid.ts) and the coverage worker read it at start-up instead of
 * rasterising it on every load (docs/first-screen.md).
 *
 * Lossless: per-cell bytes are stored as runs of equal values, runs and weights as their own typed
 * arrays, and the rest (bounds, areas, names) as JSON, whose numbers round-trip exactly. The header names
 * the settings the grid was built for (only the ones the rasterisation reads) and a digest of the
 * inputs; readCityGridFile refuses a file of another format, other settings or other inputs, or one
 * whose body fails its checksum, and the caller then rasterises as before.
 *
 * Layout: "SHCG", a little-endian uint32 header length, the UTF-8 header, then each section at an
 * 8-byte-aligned offset the header names.
 */
import type { CityRaster, DistrictInfo } from './city-raster';
import type { GridGeometry } from './grid';
import type { CoverageSettings } from './settings';

const MAGIC = 'SHCG';
export const CITY_GRID_FILE_FORMAT = 1;

type ArrayKind = 'u8' | 'u32' | 'i32' | 'f32' | 'f64';
type NumberArray = Uint8Array | Uint32Array | Int32Array | Float32Array | Float64Array;
interface Section {
  kind: ArrayKind;
  offset: number;
  length: number;
}

/** What a grid depends on besides its inputs: the settings buildCityRaster reads. */
export interface CityGridKey {
  cellM: number;
  metroUpliftM: number;
  zoneWeights: Record<string, number>;
  /** A digest of the input files, made by whoever wrote the file and checked by whoever reads it. */
  inputDigest: string;
}

interface CityGridHeader {
  format: number;
  key: CityGridKey;
  /** The grid's numbers; its per-row areas and widths are sections. */
  grid: Omit<GridGeometry, 'rowCellAreaKm2' | 'rowCellWidthM'>;
  districts: DistrictInfo[];
  zones: {
    id: string;
    name: string;
    kind: string;
    weight: number;
    landKm2: number;
    runs: Section;
    landRuns: Section;
  }[];
  zoneBounds: CityRaster['zones'][number]['bounds'][];
  landKm2: number;
  hasZoneWeights: boolean;
  sections: Record<string, Section>;
  /** FNV-1a of the body (every byte after the header). */
  checksum: number;
}

const BYTES: Record<ArrayKind, number> = { u8: 1, u32: 4, i32: 4, f32: 4, f64: 8 };
const align8 = (offset: number) => Math.ceil(offset / 8) * 8;

function kindOf(array: NumberArray): ArrayKind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Float64Array) return 'f64';
  return 'f32';
}

/** Runs of equal bytes: each run's value and length. */
function byteRuns(cells: Uint8Array): { values: Uint8Array; lengths: Uint32Array } {
  const values: number[] = [];
  const lengths: number[] = [];
  for (let start = 0; start < cells.length; ) {
    const value = cells[start]!;
    let end = start + 1;
    while (end < cells.length && cells[end] === value) end++;
    values.push(value);
    lengths.push(end - start);
    start = end;
  }
  return { values: Uint8Array.from(values), lengths: Uint32Array.from(lengths) };
}

function fillByteRuns(values: Uint8Array, lengths: Uint32Array, cellCount: number): Uint8Array {
  const cells = new Uint8Array(cellCount);
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const end = cursor + lengths[index]!;
    if (end > cellCount) throw new RangeError('city grid file: runs overflow the grid');
    if (values[index] !== 0) cells.fill(values[index]!, cursor, end);
    cursor = end;
  }
  if (cursor !== cellCount) throw new RangeError('city grid file: runs do not cover the grid');
  return cells;
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < bytes.length; index++) hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  return hash >>> 0;
}

/** The key of a grid built for these settings from inputs of this digest. */
export function cityGridKey(settings: CoverageSettings, inputDigest: string): CityGridKey {
  return {
    cellM: settings.cellM,
    metroUpliftM: settings.metroUpliftM,
    zoneWeights: { ...settings.zoneWeights },
    inputDigest,
  };
}

const sameKey = (a: CityGridKey, b: CityGridKey): boolean =>
  a.cellM === b.cellM &&
  a.metroUpliftM === b.metroUpliftM &&
  a.inputDigest === b.inputDigest &&
  JSON.stringify(Object.entries(a.zoneWeights).sort()) ===
    JSON.stringify(Object.entries(b.zoneWeights).sort());

/** Writes a city grid (built by buildCityRaster for `key`'s settings) as a file. */
export function encodeCityGridFile(city: CityRaster, key: CityGridKey): Uint8Array {
  const arrays: [string, NumberArray][] = [];
  const place = (name: string, array: NumberArray) => arrays.push([name, array]);
  for (const [name, cells] of [
    ['district', city.district],
    ['environment', city.environment],
    ['zoneWeightCode', city.zoneWeightCode],
  ] as const) {
    const runs = byteRuns(cells);
    place(`${name}.values`, runs.values);
    place(`${name}.lengths`, runs.lengths);
  }
  place('rowCellAreaKm2', city.grid.rowCellAreaKm2);
  place('rowCellWidthM', city.grid.rowCellWidthM);
  place('zoneWeights', city.zoneWeights);
  place('zoneWeightRuns', city.zoneWeightRuns);
  place('zoneWeightRowStart', city.zoneWeightRowStart);
  place('landRuns', city.landRuns);
  city.zones.forEach((zone, index) => {
    place(`zone${index}.runs`, zone.runs);
    place(`zone${index}.landRuns`, zone.landRuns);
  });
  const sections: Record<string, Section> = {};
  let cursor = 0;
  for (const [name, array] of arrays) {
    cursor = align8(cursor);
    sections[name] = { kind: kindOf(array), offset: cursor, length: array.length };
    cursor += array.byteLength;
  }
  const body = new Uint8Array(align8(cursor));
  for (const [name, array] of arrays)
    body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), sections[name]!.offset);
  const { rowCellAreaKm2: _areas, rowCellWidthM: _widths, ...grid } = city.grid;
  const header: CityGridHeader = {
    format: CITY_GRID_FILE_FORMAT,
    key,
    grid,
    districts: city.districts,
    zones: city.zones.map((zone, index) => ({
      id: zone.id,
      name: zone.name,
      kind: zone.kind,
      weight: zone.weight,
      landKm2: zone.landKm2,
      runs: sections[`zone${index}.runs`]!,
      landRuns: sections[`zone${index}.landRuns`]!,
    })),
    zoneBounds: city.zones.map((zone) => zone.bounds),
    landKm2: city.landKm2,
    hasZoneWeights: city.hasZoneWeights,
    sections,
    checksum: fnv1a(body),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = align8(8 + headerBytes.length);
  const file = new Uint8Array(bodyStart + body.length);
  file.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(file.buffer).setUint32(4, headerBytes.length, true);
  file.set(headerBytes, 8);
  file.set(body, bodyStart);
  return file;
}

/**
 * Reads a city grid file for these settings and inputs; throws (with the reason) when it is not one,
 * fails its checksum, or was built for other settings or other inputs.
 */
export function readCityGridFile(buffer: ArrayBuffer, expected: CityGridKey): CityRaster {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error('city grid file: not a city grid file');
  const headerLength = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as CityGridHeader;
  if (header.format !== CITY_GRID_FILE_FORMAT)
    throw new Error(`city grid file: format ${header.format}, expected ${CITY_GRID_FILE_FORMAT}`);
  if (!sameKey(header.key, expected)) throw new Error('city grid file: built for other settings or inputs');
  const bodyStart = align8(8 + headerLength);
  const body = bytes.subarray(bodyStart);
  if (fnv1a(body) !== header.checksum) throw new Error('city grid file: checksum mismatch');
  const view = (section: Section): NumberArray => {
    const byteOffset = bodyStart + section.offset;
    if (section.offset % 8 !== 0 || section.offset + section.length * BYTES[section.kind] > body.length)
      throw new RangeError('city grid file: a section lies outside the file');
    if (section.kind === 'u8') return new Uint8Array(buffer, byteOffset, section.length);
    if (section.kind === 'u32') return new Uint32Array(buffer, byteOffset, section.length);
    if (section.kind === 'i32') return new Int32Array(buffer, byteOffset, section.length);
    if (section.kind === 'f64') return new Float64Array(buffer, byteOffset, section.length);
    return new Float32Array(buffer, byteOffset, section.length);
  };
  const named = (name: string): NumberArray => {
    const section = header.sections[name];
    if (!section) throw new Error(`city grid file: no ${name} section`);
    return view(section);
  };
  const grid: GridGeometry = {
    ...header.grid,
    rowCellAreaKm2: named('rowCellAreaKm2') as Float64Array,
    rowCellWidthM: named('rowCellWidthM') as Float64Array,
  };
  if (
    grid.cellM !== header.key.cellM ||
    grid.cellCount !== grid.columns * grid.rows ||
    grid.rowCellAreaKm2.length !== grid.rows ||
    grid.rowCellWidthM.length !== grid.rows
  )
    throw new Error('city grid file: its grid does not hold together');
  const cells = (name: string) =>
    fillByteRuns(
      named(`${name}.values`) as Uint8Array,
      named(`${name}.lengths`) as Uint32Array,
      grid.cellCount,
    );
  return {
    grid,
    district: cells('district'),
    environment: cells('environment'),
    zoneWeightCode: cells('zoneWeightCode'),
    zoneWeights: named('zoneWeights') as Float32Array,
    zoneWeightRuns: named('zoneWeightRuns') as Int32Array,
    zoneWeightRowStart: named('zoneWeightRowStart') as Int32Array,
    districts: header.districts,
    zones: header.zones.map((zone, index) => ({
      id: zone.id,
      name: zone.name,
      kind: zone.kind,
      weight: zone.weight,
      runs: view(zone.runs) as Int32Array,
      landRuns: view(zone.landRuns) as Int32Array,
      bounds: header.zoneBounds[index] ?? undefined,
      landKm2: zone.landKm2,
    })),
    landKm2: header.landKm2,
    landRuns: named('landRuns') as Int32Array,
    hasZoneWeights: header.hasZoneWeights,
  };
}
