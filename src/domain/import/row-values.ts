/**
 * Reading one row (or feature) into raw coordinates and typed attribute values. Only a position can
 * reject a row: an attribute the planner cannot use — a height of 0 on an indoor cell, 隧道内 for a
 * height, an empty tilt, a band it does not model — is left out so the documented default of the
 * site's kind applies (docs/import.md), and the row records the fix so the import reports it with its
 * row number. Ranges follow the attribute panel's rules (SITE_NUMBER_RULES), so an imported site
 * always passes the same validation as a hand-edited one.
 */
import type { Band, SiteKind } from '../types';
import { SITE_NUMBER_RULES, TOTAL_TILT_RULE } from '../validation/site-attributes';
import {
  type ColumnMapping,
  type DefaultFix,
  type GeometryProblem,
  type ImportField,
  type ImportLayer,
  type ImportTarget,
  MEASUREMENT_FIELDS,
  type RejectReason,
} from './import-types';
import { parseBand, parseCoordinateCell, parseNumberCell, parseSiteKind } from './value-parsing';

export interface RowInput {
  number: number;
  /** Text of the column mapped to `field` ('' when unmapped or empty). */
  cell(field: ImportField): string;
  /** True when `field` has a column (or, for coordinates, a geometry). */
  mapped(field: ImportField): boolean;
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
  /** Tilts as the site will carry them (a total tilt column already split, see readAntenna). */
  mechanicalTiltDeg?: number;
  electricalTiltDeg?: number;
  verticalBeamwidthDeg?: number;
  beamwidthDeg?: number;
  band?: Band;
  kind?: SiteKind;
  /** Physical cell id, for matching drive-test samples to their server. */
  pci?: number;
}

/** An attribute left to its default (or shortened), and why; the import counts these per kind. */
export interface RowFix {
  field: ImportField;
  fix: DefaultFix;
  /** The value as written (shortened), for the message's example. */
  value?: string;
}

export type RowReading =
  | { ok: true; values: RowValues; fixes: RowFix[] }
  | { ok: false; reason: RejectReason; params?: Record<string, string | number> };

/** Fields each layer reads; other mapped columns are ignored (and reported once). */
export const LAYER_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
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
    'pci',
  ],
  poles: ['lon', 'lat', 'id', 'height'],
  measurements: MEASUREMENT_FIELDS,
};
const TEXT_LIMITS = { id: 128, name: 100 };
const SHOWN_VALUE_LENGTH = 40;

export const shown = (text: string) =>
  text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}…` : text;
export const reject = (reason: RejectReason, params?: Record<string, string | number>): RowReading =>
  params ? { ok: false, reason, params } : { ok: false, reason };

/** The row's position as written (after the optional swap), or why it has none. Shared by every layer. */
export function readCoordinates(row: RowInput, swap: boolean): [number, number] | RowReading {
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

/**
 * A number within `range`, or the fix that leaves it to its default: empty (in a mapped column),
 * zero (heights: indoor cells and unknown masts are written 0), not a number, out of range.
 */
function readNumber(
  row: RowInput,
  field: ImportField,
  range: { min: number; max: number },
  fixes: RowFix[],
): number | undefined {
  if (!row.mapped(field)) return undefined;
  const text = row.cell(field);
  if (text === '') {
    fixes.push({ field, fix: 'empty' });
    return undefined;
  }
  const value = parseNumberCell(text);
  const fix = value === undefined ? 'notANumber' : value === 0 && range.min > 0 ? 'zero' : 'outOfRange';
  if (value !== undefined && value >= range.min && value <= range.max) return value;
  fixes.push({ field, fix, value: shown(text) });
  return undefined;
}

/**
 * The antenna columns. A total-tilt column (下倾角, TILT) is split against whichever part the sheet also
 * has: with neither, the total becomes the electrical tilt and the mechanical tilt 0, as the scenario
 * migration does (docs/radio.md); with both parts the parts win. Tilts that cannot be used (empty, not
 * a number, a part or sum out of range) leave the site to its kind's default tilt, reported once per
 * row; a horizontal beamwidth without an azimuth is dropped (an omni has none), reported too.
 */
function readAntenna(row: RowInput, values: RowValues, fixes: RowFix[]): void {
  const rule = SITE_NUMBER_RULES.electricalTiltDeg;
  const tiltFixes: RowFix[] = [];
  let mechanical = readNumber(row, 'mechanicalTilt', SITE_NUMBER_RULES.mechanicalTiltDeg, tiltFixes);
  let electrical = readNumber(row, 'electricalTilt', rule, tiltFixes);
  const total = readNumber(row, 'tilt', TOTAL_TILT_RULE, tiltFixes);
  if (total !== undefined) {
    if (mechanical === undefined && electrical === undefined) {
      mechanical = 0;
      electrical = total;
    } else if (electrical === undefined) electrical = total - mechanical!;
    else if (mechanical === undefined) mechanical = total - electrical;
  }
  const inRange = (value: number | undefined) =>
    value === undefined || (value >= rule.min && value <= rule.max);
  const sum = (mechanical ?? 0) + (electrical ?? 0);
  if (!inRange(mechanical) || !inRange(electrical)) {
    // A part derived from the total (total − the other part) lands out of its range.
    const [field, value] = inRange(mechanical)
      ? ['electricalTilt', electrical]
      : ['mechanicalTilt', mechanical];
    fixes.push({ field: field as ImportField, fix: 'outOfRange', value: String(value) });
  } else if (sum < TOTAL_TILT_RULE.min || sum > TOTAL_TILT_RULE.max) {
    fixes.push({ field: 'tilt', fix: 'outOfRange', value: String(sum) });
  } else if (mechanical === undefined && electrical === undefined) {
    // Empty tilt columns are one fix (the kind's default tilt), not one per column.
    const unusable = tiltFixes.find((fix) => fix.fix !== 'empty');
    if (unusable) fixes.push(unusable);
    else if (tiltFixes.length > 0) fixes.push({ field: 'tilt', fix: 'empty' });
  } else {
    if (mechanical !== undefined) values.mechanicalTiltDeg = mechanical;
    if (electrical !== undefined) values.electricalTiltDeg = electrical;
    // Both parts given: a total that is unusable or disagrees with them is set aside, and said so.
    const totalText = row.cell('tilt');
    const totalFix = tiltFixes.find((fix) => fix.field === 'tilt' && fix.fix !== 'empty');
    if (totalFix || (total !== undefined && Math.abs(total - sum) > 0.05)) {
      fixes.push({ field: 'tilt', fix: 'conflictsWithParts', value: shown(totalText) });
    }
    for (const fix of tiltFixes) if (fix.fix !== 'empty' && fix.field !== 'tilt') fixes.push(fix);
  }
  const vertical = readNumber(row, 'verticalBeamwidth', SITE_NUMBER_RULES.verticalBeamwidthDeg, fixes);
  if (vertical !== undefined) values.verticalBeamwidthDeg = vertical;
  const beamwidth = readNumber(row, 'beamwidth', SITE_NUMBER_RULES.beamwidthDeg, fixes);
  if (beamwidth !== undefined && values.azimuthDeg !== undefined) values.beamwidthDeg = beamwidth;
  else if (beamwidth !== undefined) fixes.push({ field: 'beamwidth', fix: 'withoutAzimuth' });
}

/** Reads and checks one row for a layer; rejects only when the position cannot be read. */
export function readRow(row: RowInput, layer: ImportLayer, swap: boolean): RowReading {
  const coordinates = readCoordinates(row, swap);
  if (!Array.isArray(coordinates)) return coordinates;
  const values: RowValues = { raw: coordinates };
  const fixes: RowFix[] = [];
  const id = row.cell('id');
  if (id.length > TEXT_LIMITS.id) fixes.push({ field: 'id', fix: 'tooLong', value: shown(id) });
  else if (id !== '') values.id = id;
  if (layer === 'poles') {
    // A pole without a height gets DEFAULT_POLE_HEIGHT_M; the import reports those in one warning.
    const text = row.cell('height');
    const height = text === '' ? undefined : parseNumberCell(text);
    const { min, max } = SITE_NUMBER_RULES.heightM;
    if (height !== undefined && height >= min && height <= max) values.heightM = height;
    else if (text !== '')
      fixes.push({ field: 'height', fix: height === undefined ? 'notANumber' : 'outOfRange' });
    return { ok: true, values, fixes };
  }
  const heightM = readNumber(row, 'height', SITE_NUMBER_RULES.heightM, fixes);
  if (heightM !== undefined) values.heightM = heightM;
  const azimuthDeg = readNumber(row, 'azimuth', SITE_NUMBER_RULES.azimuthDeg, fixes);
  if (azimuthDeg !== undefined) values.azimuthDeg = azimuthDeg;
  readAntenna(row, values, fixes);
  // A physical cell id matches drive-test samples to their server; a fractional one is no id at all.
  const pci = readNumber(row, 'pci', SITE_NUMBER_RULES.pci, fixes);
  if (pci !== undefined && Number.isInteger(pci)) values.pci = pci;
  else if (pci !== undefined) fixes.push({ field: 'pci', fix: 'notANumber', value: String(pci) });
  const name = row.cell('name');
  if (name.length > TEXT_LIMITS.name) fixes.push({ field: 'name', fix: 'tooLong', value: shown(name) });
  if (name !== '') values.name = name.slice(0, TEXT_LIMITS.name);
  const bandText = row.cell('band');
  if (bandText !== '') {
    const band = parseBand(bandText);
    if (band) values.band = band;
    else fixes.push({ field: 'band', fix: 'unknown', value: shown(bandText) });
  }
  const kindText = row.cell('kind');
  if (kindText !== '') {
    const kind = parseSiteKind(kindText);
    if (kind) values.kind = kind;
    else fixes.push({ field: 'kind', fix: 'unknown', value: shown(kindText) });
  }
  return { ok: true, values, fixes };
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
