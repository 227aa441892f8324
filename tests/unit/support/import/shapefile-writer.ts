/**
 * Writes point shapefiles (.shp, .shx, .dbf) for tests: Point (1), PointZ (11) or MultiPoint (8), and
 * dBase III attributes of type C (text) and N (number) encoded with a given encoder (GBK for the .cpg case).
 */

export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

export interface ShapefileSpec {
  shapeType: 1 | 11 | 8;
  /** One entry per record: [x, y] for points, a list for MultiPoint, null for a null shape. */
  geometries: ([number, number] | [number, number][] | null)[];
  fields: DbfFieldSpec[];
  records: (string | number | null)[][];
  /** Record indexes marked deleted in the .dbf. */
  deleted?: number[];
  encode: (text: string) => Uint8Array;
}

function recordContent(shapeType: number, geometry: ShapefileSpec['geometries'][number]): Uint8Array {
  if (geometry === null) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, 0, true);
    return bytes;
  }
  if (shapeType === 8) {
    const points = geometry as [number, number][];
    const bytes = new Uint8Array(40 + points.length * 16);
    const view = new DataView(bytes.buffer);
    view.setInt32(0, 8, true);
    const xs = points.map((point) => point[0]);
    const ys = points.map((point) => point[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((value, index) => {
      view.setFloat64(4 + index * 8, value, true);
    });
    view.setInt32(36, points.length, true);
    points.forEach(([x, y], index) => {
      view.setFloat64(40 + index * 16, x, true);
      view.setFloat64(48 + index * 16, y, true);
    });
    return bytes;
  }
  const [x, y] = geometry as [number, number];
  const bytes = new Uint8Array(shapeType === 11 ? 36 : 20);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, shapeType, true);
  view.setFloat64(4, x, true);
  view.setFloat64(12, y, true);
  if (shapeType === 11) view.setFloat64(20, 12.5, true);
  return bytes;
}

function header(shapeType: number, totalBytes: number, points: [number, number][]): Uint8Array {
  const bytes = new Uint8Array(100);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, totalBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  if (points.length > 0) {
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((value, index) => {
      view.setFloat64(36 + index * 8, value, true);
    });
  }
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** .shp and .shx bytes. */
export function writeShp(spec: Pick<ShapefileSpec, 'shapeType' | 'geometries'>): {
  shp: Uint8Array;
  shx: Uint8Array;
} {
  const contents = spec.geometries.map((geometry) => recordContent(spec.shapeType, geometry));
  const allPoints = spec.geometries.flatMap((geometry) =>
    geometry === null
      ? []
      : Array.isArray(geometry[0])
        ? (geometry as [number, number][])
        : [geometry as [number, number]],
  );
  const shpRecords: Uint8Array[] = [];
  const shxRecords: Uint8Array[] = [];
  let offset = 100;
  contents.forEach((content, index) => {
    const recordHeader = new Uint8Array(8);
    const view = new DataView(recordHeader.buffer);
    view.setInt32(0, index + 1, false);
    view.setInt32(4, content.length / 2, false);
    shpRecords.push(recordHeader, content);
    const index8 = new Uint8Array(8);
    const indexView = new DataView(index8.buffer);
    indexView.setInt32(0, offset / 2, false);
    indexView.setInt32(4, content.length / 2, false);
    shxRecords.push(index8);
    offset += 8 + content.length;
  });
  const shpBody = concat(shpRecords);
  const shxBody = concat(shxRecords);
  return {
    shp: concat([header(spec.shapeType, 100 + shpBody.length, allPoints), shpBody]),
    shx: concat([header(spec.shapeType, 100 + shxBody.length, allPoints), shxBody]),
  };
}

/** .dbf bytes (dBase III, fixed date 2024-01-01, no language driver id: the .cpg says the encoding). */
export function writeDbf(spec: Pick<ShapefileSpec, 'fields' | 'records' | 'deleted' | 'encode'>): Uint8Array {
  const recordLength = 1 + spec.fields.reduce((sum, field) => sum + field.length, 0);
  const headerLength = 32 + 32 * spec.fields.length + 1;
  const bytes = new Uint8Array(headerLength + recordLength * spec.records.length + 1);
  const view = new DataView(bytes.buffer);
  bytes.set([0x03, 124, 1, 1]);
  view.setUint32(4, spec.records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  spec.fields.forEach((field, index) => {
    const at = 32 + index * 32;
    const name = spec.encode(field.name);
    if (name.length > 10) throw new Error(`dbf field name too long: ${field.name}`);
    bytes.set(name, at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals ?? 0;
  });
  bytes[headerLength - 1] = 0x0d;
  spec.records.forEach((record, recordIndex) => {
    let at = headerLength + recordIndex * recordLength;
    bytes[at] = spec.deleted?.includes(recordIndex) ? 0x2a : 0x20;
    at += 1;
    spec.fields.forEach((field, fieldIndex) => {
      const value = record[fieldIndex];
      const text = value === null || value === undefined ? '' : String(value);
      const encoded = spec.encode(text).subarray(0, field.length);
      const cell = new Uint8Array(field.length).fill(0x20);
      if (field.type === 'N') cell.set(encoded, field.length - encoded.length);
      else cell.set(encoded, 0);
      bytes.set(cell, at);
      at += field.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
