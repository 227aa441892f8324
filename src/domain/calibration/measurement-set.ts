/**
 * Measurements (drive-test or MR samples) as columns of typed arrays: 10⁶ samples are a few tens of MB
 * and cross to a worker or into IndexedDB as a handful of buffers, not a million objects. Positions are
 * WGS84 (converted at import); optional columns are absent when the file had no such column, and an
 * empty cell in a present column is NaN (SINR, time) or −1 (PCI, cell).
 */
import type { CoordinateSystem } from '../import/import-types';

/** The measured values of a set, in file order. */
export interface MeasurementColumns {
  count: number;
  /** Row (or feature) number of each sample in the file, for reports. */
  rowNumbers: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  rsrpDbm: Float32Array;
  sinrDb?: Float32Array;
  /** Serving PCI, −1 when the cell was empty. */
  pci?: Int16Array;
  /** Index into cellIds, −1 when the cell was empty. */
  cellIndex?: Int32Array;
  /** Distinct serving cell or site ids as written in the file. */
  cellIds?: string[];
  /** Milliseconds since 1970 (UTC); local times without a zone are read as China Standard Time. */
  timeMs?: Float64Array;
}

/** One imported file of measurements, as a scenario holds it. */
export interface MeasurementSet extends MeasurementColumns {
  id: string;
  /** The file's name, as the user knows it. */
  name: string;
  /** ISO 8601. */
  importedAt: string;
  /** Datum the file was written in (the positions here are WGS84). */
  crs: CoordinateSystem;
}

/** The columnar keys of a set, for storage and files. */
export const MEASUREMENT_COLUMN_KEYS = [
  'rowNumbers',
  'lon',
  'lat',
  'rsrpDbm',
  'sinrDb',
  'pci',
  'cellIndex',
  'timeMs',
] as const;
export type MeasurementColumnKey = (typeof MEASUREMENT_COLUMN_KEYS)[number];

/** The typed-array constructor of each column. */
export const MEASUREMENT_COLUMN_TYPES = {
  rowNumbers: Uint32Array,
  lon: Float64Array,
  lat: Float64Array,
  rsrpDbm: Float32Array,
  sinrDb: Float32Array,
  pci: Int16Array,
  cellIndex: Int32Array,
  timeMs: Float64Array,
} as const;

/** Total samples over sets. */
export function measurementCount(sets: readonly MeasurementColumns[]): number {
  let count = 0;
  for (const set of sets) count += set.count;
  return count;
}

/** The serving cell id written for sample `index`, if any. */
export function cellIdAt(set: MeasurementColumns, index: number): string | undefined {
  const cell = set.cellIndex?.[index];
  return cell === undefined || cell < 0 ? undefined : set.cellIds?.[cell];
}
