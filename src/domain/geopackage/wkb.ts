/**
 * Well-Known Binary (ISO 13249-3 / OGC SFA) for the geometries a GeoPackage holds here: writing Point,
 * MultiPoint, Polygon and MultiPolygon (2D, little-endian), reading any of those plus their Z, M and
 * ZM variants (ISO type codes + 1000/2000/3000, and the EWKB flag bits some writers use), in either
 * byte order. Every read is bounds-checked and counts are bounded by the bytes left, so a corrupt
 * blob is an error, never a huge allocation.
 */
import type { Geometry, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';

const POINT = 1;
const POLYGON = 3;
const MULTI_POINT = 4;
const MULTI_POLYGON = 6;
const TYPE_NAMES: Record<number, string> = {
  1: 'Point',
  2: 'LineString',
  3: 'Polygon',
  4: 'MultiPoint',
  5: 'MultiLineString',
  6: 'MultiPolygon',
  7: 'GeometryCollection',
};

export type WkbGeometry = Point | MultiPoint | Polygon | MultiPolygon;

/** The WKB of a 2D Point, MultiPoint, Polygon or MultiPolygon. */
export function encodeWkb(geometry: WkbGeometry): Uint8Array {
  const writer = new WkbWriter(wkbSize(geometry));
  writeGeometry(writer, geometry);
  return writer.bytes;
}

function ringsSize(rings: readonly Position[][]): number {
  return 4 + rings.reduce((sum, ring) => sum + 4 + 16 * ring.length, 0);
}

function wkbSize(geometry: WkbGeometry): number {
  switch (geometry.type) {
    case 'Point':
      return 5 + 16;
    case 'MultiPoint':
      return 5 + 4 + geometry.coordinates.length * 21;
    case 'Polygon':
      return 5 + ringsSize(geometry.coordinates);
    case 'MultiPolygon':
      return 5 + 4 + geometry.coordinates.reduce((sum, polygon) => sum + 5 + ringsSize(polygon), 0);
  }
}

class WkbWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private offset = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  header(type: number): void {
    this.view.setUint8(this.offset, 1);
    this.view.setUint32(this.offset + 1, type, true);
    this.offset += 5;
  }

  count(value: number): void {
    this.view.setUint32(this.offset, value, true);
    this.offset += 4;
  }

  position(position: Position): void {
    this.view.setFloat64(this.offset, position[0]!, true);
    this.view.setFloat64(this.offset + 8, position[1]!, true);
    this.offset += 16;
  }
}

function writeRings(writer: WkbWriter, rings: readonly Position[][]): void {
  writer.count(rings.length);
  for (const ring of rings) {
    writer.count(ring.length);
    for (const position of ring) writer.position(position);
  }
}

function writeGeometry(writer: WkbWriter, geometry: WkbGeometry): void {
  switch (geometry.type) {
    case 'Point':
      writer.header(POINT);
      writer.position(geometry.coordinates);
      return;
    case 'MultiPoint':
      writer.header(MULTI_POINT);
      writer.count(geometry.coordinates.length);
      for (const position of geometry.coordinates) {
        writer.header(POINT);
        writer.position(position);
      }
      return;
    case 'Polygon':
      writer.header(POLYGON);
      writeRings(writer, geometry.coordinates);
      return;
    case 'MultiPolygon':
      writer.header(MULTI_POLYGON);
      writer.count(geometry.coordinates.length);
      for (const polygon of geometry.coordinates) {
        writer.header(POLYGON);
        writeRings(writer, polygon);
      }
  }
}

/** Why a blob could not be read as WKB. */
export class WkbError extends Error {
  override name = 'WkbError';
}

/** A decoded geometry, or the name of a type that is not read here (a LineString, …). */
export type DecodedWkb = { geometry: WkbGeometry } | { unsupported: string };

/** Reads WKB starting at `offset`; throws WkbError when the bytes are not WKB. */
export function decodeWkb(bytes: Uint8Array, offset = 0): DecodedWkb {
  const reader = new WkbReader(bytes, offset);
  return reader.geometry(0);
}

class WkbReader {
  private readonly view: DataView;
  private littleEndian = true;
  private dimensions = 2;

  constructor(
    private readonly bytes: Uint8Array,
    private offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(length: number): void {
    if (this.offset + length > this.bytes.byteLength) throw new WkbError('WKB ends early');
  }

  private uint32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, this.littleEndian);
    this.offset += 4;
    return value;
  }

  /** A count, bounded by what the bytes left could hold at `minimumBytes` per item. */
  private count(minimumBytes: number): number {
    const value = this.uint32();
    if (value * minimumBytes > this.bytes.byteLength - this.offset) throw new WkbError('WKB count too large');
    return value;
  }

  private position(): Position {
    this.need(8 * this.dimensions);
    const x = this.view.getFloat64(this.offset, this.littleEndian);
    const y = this.view.getFloat64(this.offset + 8, this.littleEndian);
    this.offset += 8 * this.dimensions;
    return [x, y];
  }

  /** Byte order and type; returns the base type (1–7) and sets the dimension count. */
  private header(): number {
    this.need(5);
    const order = this.view.getUint8(this.offset);
    if (order > 1) throw new WkbError('not WKB (byte order)');
    this.littleEndian = order === 1;
    this.offset += 1;
    const raw = this.uint32();
    // EWKB flags (PostGIS and some writers): Z 0x80000000, M 0x40000000, SRID 0x20000000.
    const ewkbZ = (raw & 0x80000000) !== 0;
    const ewkbM = (raw & 0x40000000) !== 0;
    if ((raw & 0x20000000) !== 0) this.uint32();
    const code = raw & 0x0fffffff;
    const base = code % 1000;
    const iso = Math.floor(code / 1000);
    const hasZ = ewkbZ || iso === 1 || iso === 3;
    const hasM = ewkbM || iso === 2 || iso === 3;
    this.dimensions = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    if (!TYPE_NAMES[base] || iso > 3) throw new WkbError(`not WKB (type ${raw})`);
    return base;
  }

  private rings(): Position[][] {
    const rings: Position[][] = [];
    for (let ring = 0, count = this.count(4); ring < count; ring++) {
      const positions: Position[] = [];
      for (let index = 0, length = this.count(16); index < length; index++) positions.push(this.position());
      rings.push(positions);
    }
    return rings;
  }

  geometry(depth: number): DecodedWkb {
    if (depth > 2) throw new WkbError('WKB nested too deep');
    const type = this.header();
    switch (type) {
      case POINT:
        return { geometry: { type: 'Point', coordinates: this.position() } };
      case POLYGON:
        return { geometry: { type: 'Polygon', coordinates: this.rings() } };
      case MULTI_POINT: {
        const coordinates: Position[] = [];
        for (let index = 0, count = this.count(21); index < count; index++) {
          const part = this.geometry(depth + 1);
          if (!('geometry' in part) || part.geometry.type !== 'Point') throw new WkbError('bad MultiPoint');
          coordinates.push(part.geometry.coordinates);
        }
        return { geometry: { type: 'MultiPoint', coordinates } };
      }
      case MULTI_POLYGON: {
        const coordinates: Position[][][] = [];
        for (let index = 0, count = this.count(9); index < count; index++) {
          const part = this.geometry(depth + 1);
          if (!('geometry' in part) || part.geometry.type !== 'Polygon')
            throw new WkbError('bad MultiPolygon');
          coordinates.push(part.geometry.coordinates);
        }
        return { geometry: { type: 'MultiPolygon', coordinates } };
      }
      default:
        return { unsupported: TYPE_NAMES[type]! };
    }
  }
}

/** True for the geometries encodeWkb writes. */
export function isWkbGeometry(geometry: Geometry | null | undefined): geometry is WkbGeometry {
  return (
    geometry?.type === 'Point' ||
    geometry?.type === 'MultiPoint' ||
    geometry?.type === 'Polygon' ||
    geometry?.type === 'MultiPolygon'
  );
}
