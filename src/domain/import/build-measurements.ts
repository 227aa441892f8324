/**
 * From a read source (the same CSV/xlsx/GeoJSON readers as sites) to a measurement set: each row's
 * position is read and converted to WGS84 like a site's, its RSRP checked (−150…−20 dBm), and SINR, PCI,
 * serving cell and time kept when present. Rows are written straight into typed columns, so 10⁶ rows
 * make a few buffers, not a million objects. Every rejected row is reported with its number and reason;
 * nothing outside the returned value is touched, so a cancelled import changes nothing.
 */
import type { MeasurementColumns } from '../calibration/measurement-set';
import { applyMappingChoice, detectColumns } from './column-detection';
import { toWgs84Many } from './coordinate-systems';
import { type ImportGeography, insideShanghaiBox } from './geography';
import { datumWarnings, looksSwapped } from './heuristics';
import {
  type ColumnMapping,
  type CoordinateSystem,
  type ImportFormat,
  type ImportSource,
  type ImportWarning,
  type MappingChoice,
  MEASUREMENT_FIELDS,
  type MeasurementImportField,
  type ProgressCallback,
  type RejectedRow,
} from './import-types';
import { throwIfAborted } from './limits';
import { numberWithin, parsePci, parseTimeCell, RSRP_RANGE_DBM, SINR_RANGE_DB } from './measurement-values';
import { rowInputs } from './row-inputs';
import { type RowInput, readCoordinates, shown } from './row-values';
import { parseNumberCell } from './value-parsing';

export interface MeasurementBuildOptions {
  crs: CoordinateSystem;
  mapping?: MappingChoice;
  allowOutsideShanghai?: boolean;
  swapLatLon?: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

export interface MeasurementImportResult {
  layer: 'measurements';
  crs: CoordinateSystem;
  format: ImportFormat;
  measurements: MeasurementColumns;
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  rowUnit: 'row' | 'feature';
  total: number;
  mapping: ColumnMapping;
}

const ROWS_PER_STEP = 20_000;
const CONVERT_BATCH = 50_000;
const CELL_ID_LIMIT = 128;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The detected measurement mapping of a source (features take their position from geometry). */
export function detectMeasurementMapping(source: ImportSource): ColumnMapping {
  const { columns, sample } = sampleOf(source);
  const mapping = detectColumns(columns, sample, MEASUREMENT_FIELDS);
  const rsrp = mapping.fields.rsrp;
  const needsReview = mapping.needsReview || rsrp.column === undefined || rsrp.confidence !== 'exact';
  if (source.kind === 'table') return { ...mapping, needsReview };
  const fields = { ...mapping.fields };
  for (const field of ['lon', 'lat'] as const)
    fields[field] = { field, confidence: 'exact', alternatives: [] };
  return { ...mapping, fields, needsReview: rsrp.column === undefined || rsrp.alternatives.length > 0 };
}

function sampleOf(source: ImportSource): { columns: string[]; sample: string[][] } {
  if (source.kind === 'table') return { columns: source.headers, sample: source.rows.slice(0, 50) };
  const sample = source.features
    .slice(0, 50)
    .map((feature) => source.fields.map((field) => feature.attributes[field] ?? ''));
  return { columns: source.fields, sample };
}

/** Growable-by-count columns: allocated for every row, trimmed to the accepted ones at the end. */
class ColumnWriter {
  count = 0;
  readonly rowNumbers: Uint32Array;
  readonly rawX: Float64Array;
  readonly rawY: Float64Array;
  readonly rsrpDbm: Float32Array;
  readonly sinrDb: Float32Array | undefined;
  readonly pci: Int16Array | undefined;
  readonly cellIndex: Int32Array | undefined;
  readonly timeMs: Float64Array | undefined;
  readonly cellIds: string[] = [];
  private readonly cellLookup = new Map<string, number>();
  readonly dropped: Record<'sinr' | 'pci' | 'cell' | 'time', number> = { sinr: 0, pci: 0, cell: 0, time: 0 };

  constructor(capacity: number, mapped: (field: MeasurementImportField) => boolean) {
    this.rowNumbers = new Uint32Array(capacity);
    this.rawX = new Float64Array(capacity);
    this.rawY = new Float64Array(capacity);
    this.rsrpDbm = new Float32Array(capacity);
    this.sinrDb = mapped('sinr') ? new Float32Array(capacity) : undefined;
    this.pci = mapped('pci') ? new Int16Array(capacity) : undefined;
    this.cellIndex = mapped('cell') ? new Int32Array(capacity) : undefined;
    this.timeMs = mapped('time') ? new Float64Array(capacity) : undefined;
  }

  /** Reads the optional values of the row just accepted at slot `count`. */
  optional(row: RowInput): void {
    const slot = this.count;
    if (this.sinrDb)
      this.sinrDb[slot] = this.optionalValue(
        row,
        'sinr',
        (text) => numberWithin(text, SINR_RANGE_DB),
        Number.NaN,
      );
    if (this.pci) this.pci[slot] = this.optionalValue(row, 'pci', parsePci, -1);
    if (this.timeMs) this.timeMs[slot] = this.optionalValue(row, 'time', parseTimeCell, Number.NaN);
    if (this.cellIndex) {
      const text = row.cell('cell');
      if (text === '') this.cellIndex[slot] = -1;
      else if (text.length > CELL_ID_LIMIT) {
        this.cellIndex[slot] = -1;
        this.dropped.cell++;
      } else {
        let index = this.cellLookup.get(text);
        if (index === undefined) {
          index = this.cellIds.length;
          this.cellIds.push(text);
          this.cellLookup.set(text, index);
        }
        this.cellIndex[slot] = index;
      }
    }
  }

  private optionalValue(
    row: RowInput,
    field: 'sinr' | 'pci' | 'time',
    parse: (text: string) => number | undefined,
    empty: number,
  ): number {
    const text = row.cell(field);
    if (text === '') return empty;
    const value = parse(text);
    if (value !== undefined) return value;
    this.dropped[field]++;
    return empty;
  }
}

/** Converts and validates a source into measurement columns and a report; rejects only on abort. */
export async function buildMeasurements(
  source: ImportSource,
  options: MeasurementBuildOptions,
  geography?: ImportGeography,
): Promise<MeasurementImportResult> {
  const { crs, signal, onProgress } = options;
  const mapping = applyMappingChoice(detectMeasurementMapping(source), options.mapping);
  const rows = rowInputs(source, mapping);
  const mapped = (field: MeasurementImportField) => mapping.fields[field].column !== undefined;
  const writer = new ColumnWriter(rows.count, mapped);
  const rejections: RejectedRow[] = [];
  const swappedCandidates: [number, number][] = [];
  const step = async (done: number, share: number, offset: number) => {
    if (done % ROWS_PER_STEP === 0 && done > 0) {
      onProgress?.(offset + (share * done) / Math.max(1, rows.count), 'validate');
      await yieldToEventLoop();
    }
    throwIfAborted(signal);
  };
  // Pass 1: text → raw position, RSRP and the optional values.
  for (let index = 0; index < rows.count; index++) {
    await step(index, 0.5, 0);
    const row = rows.at(index);
    const position = readCoordinates(row, options.swapLatLon === true);
    if (!Array.isArray(position)) {
      if (position.ok) continue; // readCoordinates returns either a position or a rejection
      rejections.push({
        row: row.number,
        reason: position.reason,
        ...(position.params ? { params: position.params } : {}),
      });
      if (position.reason === 'outOfRange' && swappedCandidates.length < 1000)
        swappedCandidates.push([Number(position.params?.lon), Number(position.params?.lat)]);
      continue;
    }
    const rsrpText = mapped('rsrp') ? row.cell('rsrp') : '';
    if (rsrpText === '') {
      rejections.push({ row: row.number, reason: 'missingRsrp' });
      continue;
    }
    const rsrpDbm = parseNumberCell(rsrpText);
    if (rsrpDbm === undefined || rsrpDbm < RSRP_RANGE_DBM.min || rsrpDbm > RSRP_RANGE_DBM.max) {
      rejections.push({
        row: row.number,
        reason: 'rsrpOutOfRange',
        params: { value: shown(rsrpText), min: RSRP_RANGE_DBM.min, max: RSRP_RANGE_DBM.max },
      });
      continue;
    }
    const slot = writer.count;
    writer.rowNumbers[slot] = row.number;
    writer.rawX[slot] = position[0];
    writer.rawY[slot] = position[1];
    writer.rsrpDbm[slot] = rsrpDbm;
    writer.optional(row);
    writer.count++;
  }
  // Pass 2: datum conversion in batches, then the Shanghai check; kept samples are compacted in place.
  const lon = new Float64Array(writer.count);
  const lat = new Float64Array(writer.count);
  const keep = new Uint8Array(writer.count);
  const rawSample: [number, number][] = [];
  let outsideImported = 0;
  let kept = 0;
  for (let start = 0; start < writer.count; start += CONVERT_BATCH) {
    await step(start + CONVERT_BATCH, 0.5, 0.5);
    const end = Math.min(writer.count, start + CONVERT_BATCH);
    const batch: [number, number][] = [];
    for (let slot = start; slot < end; slot++) batch.push([writer.rawX[slot]!, writer.rawY[slot]!]);
    if (rawSample.length < 10_000) rawSample.push(...batch.slice(0, 10_000 - rawSample.length));
    const converted = toWgs84Many(batch, crs);
    for (let slot = start; slot < end; slot++) {
      const [x, y] = converted[slot - start]!;
      const inside = geography ? geography.districtAt(x, y) !== undefined : insideShanghaiBox(x, y);
      if (!inside && !options.allowOutsideShanghai) {
        rejections.push({
          row: writer.rowNumbers[slot]!,
          reason: 'outsideShanghai',
          params: { lon: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7 },
        });
        continue;
      }
      if (!inside) outsideImported++;
      keep[slot] = 1;
      lon[kept] = x;
      lat[kept] = y;
      kept++;
    }
  }
  onProgress?.(1, 'validate');
  rejections.sort((left, right) => left.row - right.row);
  const measurements = compact(writer, keep, kept, lon, lat);
  const warnings = measurementWarnings(source, mapping, options, rawSample, swappedCandidates, geography);
  if (outsideImported > 0)
    warnings.push({ code: 'outsideShanghaiImported', params: { count: outsideImported } });
  for (const [field, count] of Object.entries(writer.dropped))
    if (count > 0) warnings.push({ code: 'measurementValuesDropped', params: { field, count } });
  return {
    layer: 'measurements',
    crs,
    format: source.format,
    measurements,
    rejected: rejections,
    warnings,
    rowUnit: source.kind === 'table' ? 'row' : 'feature',
    total: rows.count,
    mapping,
  };
}

/** The kept samples' columns, copied to exact length (the writer's buffers are sized for every row). */
function compact(
  writer: ColumnWriter,
  keep: Uint8Array,
  kept: number,
  lon: Float64Array,
  lat: Float64Array,
): MeasurementColumns {
  const select = <T extends Float32Array | Float64Array | Int16Array | Int32Array | Uint32Array>(
    column: T,
    make: (length: number) => T,
  ): T => {
    const result = make(kept);
    let target = 0;
    for (let slot = 0; slot < writer.count; slot++) if (keep[slot]) result[target++] = column[slot]!;
    return result;
  };
  const columns: MeasurementColumns = {
    count: kept,
    rowNumbers: select(writer.rowNumbers, (length) => new Uint32Array(length)),
    lon: lon.slice(0, kept),
    lat: lat.slice(0, kept),
    rsrpDbm: select(writer.rsrpDbm, (length) => new Float32Array(length)),
  };
  if (writer.sinrDb) columns.sinrDb = select(writer.sinrDb, (length) => new Float32Array(length));
  if (writer.pci) columns.pci = select(writer.pci, (length) => new Int16Array(length));
  if (writer.timeMs) columns.timeMs = select(writer.timeMs, (length) => new Float64Array(length));
  if (writer.cellIndex) {
    columns.cellIndex = select(writer.cellIndex, (length) => new Int32Array(length));
    columns.cellIds = writer.cellIds;
  }
  return columns;
}

function measurementWarnings(
  source: ImportSource,
  mapping: ColumnMapping,
  options: MeasurementBuildOptions,
  rawPositions: readonly [number, number][],
  outOfRangePositions: readonly [number, number][],
  geography: ImportGeography | undefined,
): ImportWarning[] {
  const warnings: ImportWarning[] = source.kind === 'features' ? [...source.readWarnings] : [];
  if (!options.swapLatLon && looksSwapped([...rawPositions, ...outOfRangePositions]))
    warnings.push({ code: 'latLonSwapped' });
  warnings.push(...datumWarnings(rawPositions, options.crs, geography));
  const used = new Set(
    MEASUREMENT_FIELDS.map((field) => mapping.fields[field].column).filter((column) => column !== undefined),
  );
  const ignored = mapping.columns.filter((_, index) => !used.has(index));
  if (ignored.length > 0)
    warnings.push({
      code: 'ignoredColumns',
      params: { count: ignored.length, columns: ignored.slice(0, 30).join(', ') },
    });
  return warnings;
}
