/**
 * From a read source to WGS84 features and a report: every row is read, converted and checked; rows
 * with a usable position become SiteFeature or PoleFeature (attributes the planner cannot use are left
 * to their documented defaults, each kind of fix reported with its rows), every other row is reported
 * with its number and reason, and the imported sites go through the parameter check (工参体检).
 * Nothing outside the returned value is touched, so a cancelled or failed import changes nothing.
 */
import type { PoleFeature } from '../types';
import { applyMappingChoice, detectColumns } from './column-detection';
import { toWgs84Many } from './coordinate-systems';
import { type ImportGeography, insideShanghaiBox } from './geography';
import type {
  BuildOptions,
  ColumnMapping,
  ImportedSiteFeature,
  ImportField,
  ImportResult,
  ImportSource,
  RejectedRow,
} from './import-types';
import { collectWarnings, FixTally } from './import-warnings';
import { throwIfAborted } from './limits';
import { type CheckedSite, checkParameters } from './parameter-check';
import { exactDuplicates, rowInputs } from './row-inputs';
import { LAYER_FIELDS, type RowValues, readRow } from './row-values';

/** Pole height when the file has none: the middle of the 8–12 m of Shanghai's comprehensive poles. */
export const DEFAULT_POLE_HEIGHT_M = 10;
const ROWS_PER_STEP = 5_000;
const CONVERT_BATCH = 20_000;
const COORDINATE_DIGITS = 1e7;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const roundCoordinate = (value: number) => Math.round(value * COORDINATE_DIGITS) / COORDINATE_DIGITS;

/** Column names of a source, and a few sample rows for detection. */
export function sourceColumns(source: ImportSource): { columns: string[]; sample: string[][] } {
  if (source.kind === 'table') return { columns: source.headers, sample: source.rows.slice(0, 50) };
  const sample = source.features
    .slice(0, 50)
    .map((feature) => source.fields.map((field) => feature.attributes[field] ?? ''));
  return { columns: source.fields, sample };
}

/** The detected column mapping of a source (features take coordinates from geometry). */
export function detectSourceMapping(source: ImportSource): ColumnMapping {
  const { columns, sample } = sourceColumns(source);
  const mapping = detectColumns(columns, sample);
  if (source.kind === 'features') {
    const fields = { ...mapping.fields };
    for (const field of ['lon', 'lat'] as const)
      fields[field] = { field, confidence: 'exact', alternatives: [] };
    const needsReview = Object.values(fields).some((match) => match.alternatives.length > 0);
    return { ...mapping, fields, needsReview };
  }
  return mapping;
}

/** Converts and validates a source into features and a report. Rejects only when `signal` aborts. */
export async function buildImport(
  source: ImportSource,
  options: BuildOptions,
  geography?: ImportGeography,
): Promise<ImportResult> {
  const { layer, crs, signal, onProgress } = options;
  const mapping = applyMappingChoice(detectSourceMapping(source), options.mapping);
  const rows = rowInputs(source, mapping);
  const existingIds = options.existingIds ?? new Set<string>();
  const idPrefix = options.idPrefix ?? 'import-';
  const seenIds = new Map<string, number>();
  const accepted: AcceptedRow[] = [];
  // Indexed by row so the report stays in file order although checks run in two passes.
  const rejections: (RejectedRow | undefined)[] = new Array(rows.count);
  const swappedCandidates: [number, number][] = [];
  const valid: { index: number; number: number; values: RowValues }[] = [];
  const fixes = new FixTally();
  const step = async (done: number, of: number, share: number, offset: number) => {
    if (done % ROWS_PER_STEP === 0 && done > 0) {
      onProgress?.(offset + (share * done) / of, 'validate');
      await yieldToEventLoop();
    }
    throwIfAborted(signal);
  };
  // Pass 1: read every row's text into values.
  for (let index = 0; index < rows.count; index++) {
    await step(index, rows.count, 0.4, 0);
    const row = rows.at(index);
    const reading = readRow(row, layer, options.swapLatLon === true);
    if (reading.ok) {
      valid.push({ index, number: row.number, values: reading.values });
      fixes.add(row.number, reading.fixes);
      continue;
    }
    rejections[index] = {
      row: row.number,
      reason: reading.reason,
      ...(reading.params ? { params: reading.params } : {}),
    };
    if (reading.reason === 'outOfRange' && swappedCandidates.length < 1000) {
      swappedCandidates.push([Number(reading.params?.lon), Number(reading.params?.lat)]);
    }
  }
  // Datum conversion in batches: gcoord converts a MultiPoint far faster than point by point.
  const rawPositions = valid.map((row) => row.values.raw);
  const converted: [number, number][] = [];
  for (let start = 0; start < rawPositions.length; start += CONVERT_BATCH) {
    await step(start + CONVERT_BATCH, rawPositions.length + CONVERT_BATCH, 0.2, 0.4);
    for (const position of toWgs84Many(rawPositions.slice(start, start + CONVERT_BATCH), crs)) {
      converted.push(position);
    }
  }
  const duplicates = exactDuplicates(rows);
  const numberOf = (index: number) => rows.at(index).number;
  // Pass 2: place, then duplicates, in file order. One row per sector is normal in a 工参表 (same
  // mast, other azimuth or carrier): rows are told apart by their id, and only a row repeating an
  // earlier one cell for cell is the same sector twice.
  let outsideImported = 0;
  for (let position = 0; position < valid.length; position++) {
    await step(position, valid.length, 0.4, 0.6);
    const { index, number, values } = valid[position]!;
    const [lon, lat] = converted[position]!;
    const adcode = geography ? geography.districtAt(lon, lat) : undefined;
    const inside = geography ? adcode !== undefined : insideShanghaiBox(lon, lat);
    if (!inside && !options.allowOutsideShanghai) {
      const params = { lon: roundCoordinate(lon), lat: roundCoordinate(lat) };
      rejections[index] = { row: number, reason: 'outsideShanghai', params };
      continue;
    }
    const repeated = duplicates.get(index);
    if (repeated !== undefined) {
      rejections[index] = { row: number, reason: 'duplicateRow', params: { firstRow: numberOf(repeated) } };
      continue;
    }
    const id = values.id ?? `${idPrefix}${number}`;
    const firstRow = seenIds.get(id);
    if (existingIds.has(id) || firstRow !== undefined) {
      const params: Record<string, string | number> = firstRow === undefined ? { id } : { id, firstRow };
      rejections[index] = { row: number, reason: 'duplicateId', params };
      continue;
    }
    seenIds.set(id, number);
    if (!inside) outsideImported++;
    accepted.push({ values: { ...values, id }, lon, lat, adcode, number });
  }
  const rejected = rejections.filter((rejection): rejection is RejectedRow => rejection !== undefined);
  onProgress?.(1, 'validate');
  const warnings = collectWarnings(source, mapping, options, rawPositions, swappedCandidates, geography);
  if (outsideImported > 0)
    warnings.push({ code: 'outsideShanghaiImported', params: { count: outsideImported } });
  if (layer === 'poles') {
    const defaulted = accepted.filter((row) => row.values.heightM === undefined).map((row) => row.number);
    if (defaulted.length > 0)
      warnings.push({
        code: 'defaultPoleHeight',
        params: { count: defaulted.length, heightM: DEFAULT_POLE_HEIGHT_M },
        rows: defaulted,
      });
  } else {
    fixes.keepOnly(new Set(accepted.map((row) => row.number)));
    warnings.push(...fixes.warnings());
  }
  const features =
    layer === 'sites' ? accepted.map((row) => siteFeature(row, options)) : accepted.map(poleFeature);
  const duplicateRows = [...duplicates].map(([index, first]) => ({
    row: numberOf(index),
    firstRow: numberOf(first),
  }));
  return {
    layer,
    crs,
    format: source.format,
    features: features as ImportResult['features'],
    rejected,
    warnings,
    rowUnit: source.kind === 'table' ? 'row' : 'feature',
    total: rows.count,
    mapping,
    ...(layer === 'sites' ? { check: checkParameters(accepted.map(checkedSite), duplicateRows) } : {}),
  };
}

function checkedSite(row: AcceptedRow): CheckedSite {
  const { values } = row;
  return {
    row: row.number,
    lon: row.lon,
    lat: row.lat,
    kind: values.kind,
    band: values.band,
    heightM: values.heightM,
    azimuthDeg: values.azimuthDeg,
    totalTiltDeg:
      values.mechanicalTiltDeg === undefined && values.electricalTiltDeg === undefined
        ? undefined
        : (values.mechanicalTiltDeg ?? 0) + (values.electricalTiltDeg ?? 0),
    adcode: row.adcode,
  };
}

type AcceptedRow = { values: RowValues; lon: number; lat: number; adcode?: string; number: number };

function siteFeature(row: AcceptedRow, options: BuildOptions): ImportedSiteFeature {
  const { values } = row;
  const properties: ImportedSiteFeature['properties'] = {
    id: values.id!,
    status: options.status ?? 'candidate',
  };
  if (values.name !== undefined) properties.name = values.name;
  if (values.kind !== undefined) properties.kind = values.kind;
  if (values.band !== undefined) properties.band = values.band;
  if (values.heightM !== undefined) properties.heightM = values.heightM;
  if (values.azimuthDeg !== undefined) properties.azimuthDeg = values.azimuthDeg;
  if (values.pci !== undefined) properties.pci = values.pci;
  if (values.beamwidthDeg !== undefined) properties.beamwidthDeg = values.beamwidthDeg;
  if (values.mechanicalTiltDeg !== undefined) properties.mechanicalTiltDeg = values.mechanicalTiltDeg;
  if (values.electricalTiltDeg !== undefined) properties.electricalTiltDeg = values.electricalTiltDeg;
  if (values.verticalBeamwidthDeg !== undefined)
    properties.verticalBeamwidthDeg = values.verticalBeamwidthDeg;
  if (row.adcode !== undefined) properties.adcode = row.adcode;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [roundCoordinate(row.lon), roundCoordinate(row.lat)] },
    properties,
  };
}

function poleFeature(row: AcceptedRow): PoleFeature {
  const properties: PoleFeature['properties'] = {
    id: row.values.id!,
    heightM: row.values.heightM ?? DEFAULT_POLE_HEIGHT_M,
  };
  if (row.adcode !== undefined) properties.adcode = row.adcode;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [roundCoordinate(row.lon), roundCoordinate(row.lat)] },
    properties,
  };
}

/** The fields a layer reads, for the mapping dialog. */
export function layerFields(layer: BuildOptions['layer']): readonly ImportField[] {
  return LAYER_FIELDS[layer];
}
