/**
 * Reading one row (or feature) into raw coordinates and typed attribute values, or the first reason
 * to reject it. Ranges follow the attribute panel's rules (SITE_NUMBER_RULES), so an imported site
 * always passes the same validation as a hand-edited one.
 */
import type { Band, SiteKind } from '../types';
import { SITE_NUMBER_RULES, TOTAL_TILT_RULE } from '../validation/site-attributes';
import type { ColumnMapping, GeometryProblem, ImportField, ImportLayer, RejectReason } from './import-types';
import { parseBand, parseCoordinateCell, parseNumberCell, parseSiteKind } from './value-parsing';

export interface RowInput {
  number: number;
  /** Text of the column mapped to `field` ('' when unmapped or empty). */
  cell(field: ImportField): string;
  /** Position from a feature's geometry (features only). */
  position?: [number, number];
  problem?: GeometryProblem;
  geometryType?: string;
}

export interface RowValues {
  /** Position as written (after the optional swap), in the file's datum. */
  raw: [number, number];
  id?: string;
  name?: string;
  azimuthDeg?: number;
  heightM?: number;
  /** Tilts as the site will carry them (a total tilt column already split, see readTilts). */
  mechanicalTiltDeg?: number;
  electricalTiltDeg?: number;
  verticalBeamwidthDeg?: number;
  beamwidthDeg?: number;
  band?: Band;
  kind?: SiteKind;
}

export type RowReading =
  | { ok: true; values: RowValues }
  | { ok: false; reason: RejectReason; params?: Record<string, string | number> };

/** Fields each layer reads; other mapped columns are ignored (and reported once). */
export const LAYER_FIELDS: Record<ImportLayer, readonly ImportField[]> = {
  sites: [
    'lon',
    'lat',
    'id',
    'name',
    'azimuth',
    'height',
    'band',
    'kind',
    'mechanicalTilt',
    'electricalTilt',
    'tilt',
    'verticalBeamwidth',
    'beamwidth',
  ],
  poles: ['lon', 'lat', 'id', 'height'],
};

const TEXT_LIMITS = { id: 128, name: 100 };
const SHOWN_VALUE_LENGTH = 40;

const shown = (text: string) =>
  text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}…` : text;
const reject = (reason: RejectReason, params?: Record<string, string | number>): RowReading =>
  params ? { ok: false, reason, params } : { ok: false, reason };

function readCoordinates(row: RowInput, swap: boolean): [number, number] | RowReading {
  if (row.problem) {
    return reject(row.problem, row.geometryType ? { geometryType: row.geometryType } : undefined);
  }
  let x: number;
  let y: number;
  if (row.position) {
    [x, y] = row.position;
  } else {
    const lonText = row.cell('lon');
    const latText = row.cell('lat');
    if (lonText === '') return reject('missingCoordinate', { field: 'lon' });
    if (latText === '') return reject('missingCoordinate', { field: 'lat' });
    const lon = parseCoordinateCell(lonText);
    if (lon === undefined) return reject('nonNumericCoordinate', { field: 'lon', value: shown(lonText) });
    const lat = parseCoordinateCell(latText);
    if (lat === undefined) return reject('nonNumericCoordinate', { field: 'lat', value: shown(latText) });
    [x, y] = [lon, lat];
  }
  if (swap) [x, y] = [y, x];
  if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) return reject('outOfRange', { lon: x, lat: y });
  return [x, y];
}

type NumberKey =
  | 'azimuthDeg'
  | 'heightM'
  | 'mechanicalTiltDeg'
  | 'electricalTiltDeg'
  | 'verticalBeamwidthDeg'
  | 'beamwidthDeg'
  | 'totalTiltDeg';

function readNumber(
  row: RowInput,
  field: ImportField,
  range: { min: number; max: number },
  values: Partial<Record<NumberKey, number>>,
  key: NumberKey,
): RowReading | undefined {
  const text = row.cell(field);
  if (text === '') return undefined;
  const value = parseNumberCell(text);
  if (value === undefined || value < range.min || value > range.max) {
    return reject('invalidValue', { field, value: shown(text), min: range.min, max: range.max });
  }
  values[key] = value;
  return undefined;
}

/**
 * The antenna columns. A total-tilt column (下倾角, TILT) is split against whichever part the sheet also
 * has: with neither, the total becomes the electrical tilt and the mechanical tilt 0, as the scenario
 * migration does (docs/radio.md); with both parts the parts win. A part derived this way must still
 * lie in its range. A horizontal beamwidth without an azimuth is dropped (an omni has none).
 */
function readAntenna(row: RowInput, values: RowValues): RowReading | undefined {
  const tilt = SITE_NUMBER_RULES.electricalTiltDeg;
  const read: Partial<Record<NumberKey, number>> = {};
  const problem =
    readNumber(row, 'mechanicalTilt', SITE_NUMBER_RULES.mechanicalTiltDeg, read, 'mechanicalTiltDeg') ??
    readNumber(row, 'electricalTilt', tilt, read, 'electricalTiltDeg') ??
    readNumber(row, 'tilt', TOTAL_TILT_RULE, read, 'totalTiltDeg') ??
    readNumber(
      row,
      'verticalBeamwidth',
      SITE_NUMBER_RULES.verticalBeamwidthDeg,
      read,
      'verticalBeamwidthDeg',
    ) ??
    readNumber(row, 'beamwidth', SITE_NUMBER_RULES.beamwidthDeg, read, 'beamwidthDeg');
  if (problem) return problem;
  const total = read.totalTiltDeg;
  let mechanical = read.mechanicalTiltDeg;
  let electrical = read.electricalTiltDeg;
  if (total !== undefined) {
    if (mechanical === undefined && electrical === undefined) {
      mechanical = 0;
      electrical = total;
    } else if (electrical === undefined) electrical = total - mechanical!;
    else if (mechanical === undefined) mechanical = total - electrical;
  }
  for (const [field, value] of [
    ['mechanicalTilt', mechanical],
    ['electricalTilt', electrical],
  ] as const) {
    if (value !== undefined && !(value >= tilt.min && value <= tilt.max)) {
      return reject('invalidValue', { field, value: String(value), min: tilt.min, max: tilt.max });
    }
  }
  if (mechanical !== undefined && electrical !== undefined) {
    const sum = mechanical + electrical;
    if (!(sum >= TOTAL_TILT_RULE.min && sum <= TOTAL_TILT_RULE.max)) {
      return reject('invalidValue', {
        field: 'tilt',
        value: String(sum),
        min: TOTAL_TILT_RULE.min,
        max: TOTAL_TILT_RULE.max,
      });
    }
  }
  if (mechanical !== undefined) values.mechanicalTiltDeg = mechanical;
  if (electrical !== undefined) values.electricalTiltDeg = electrical;
  if (read.verticalBeamwidthDeg !== undefined) values.verticalBeamwidthDeg = read.verticalBeamwidthDeg;
  if (read.beamwidthDeg !== undefined && values.azimuthDeg !== undefined)
    values.beamwidthDeg = read.beamwidthDeg;
  return undefined;
}

/** Reads and checks one row for a layer; returns the values or the first problem. */
export function readRow(row: RowInput, layer: ImportLayer, swap: boolean): RowReading {
  const coordinates = readCoordinates(row, swap);
  if (!Array.isArray(coordinates)) return coordinates;
  const values: RowValues = { raw: coordinates };
  const id = row.cell('id');
  if (id !== '') {
    if (id.length > TEXT_LIMITS.id) return reject('invalidValue', { field: 'id', value: shown(id) });
    values.id = id;
  }
  const problem =
    readNumber(row, 'height', SITE_NUMBER_RULES.heightM, values, 'heightM') ??
    (layer === 'sites'
      ? (readNumber(row, 'azimuth', SITE_NUMBER_RULES.azimuthDeg, values, 'azimuthDeg') ??
        readAntenna(row, values))
      : undefined);
  if (problem) return problem;
  if (layer === 'poles') return { ok: true, values };
  const name = row.cell('name');
  if (name !== '') values.name = name.slice(0, TEXT_LIMITS.name);
  const bandText = row.cell('band');
  if (bandText !== '') {
    const band = parseBand(bandText);
    if (!band) return reject('unknownBand', { value: shown(bandText) });
    values.band = band;
  }
  const kindText = row.cell('kind');
  if (kindText !== '') {
    const kind = parseSiteKind(kindText);
    if (!kind) return reject('unknownKind', { value: shown(kindText) });
    values.kind = kind;
  }
  return { ok: true, values };
}

/** Column indexes a mapping uses for a layer. */
export function usedColumns(mapping: ColumnMapping, layer: ImportLayer): Set<number> {
  const used = new Set<number>();
  for (const field of LAYER_FIELDS[layer]) {
    const column = mapping.fields[field].column;
    if (column !== undefined) used.add(column);
  }
  return used;
}
