/**
 * What a scenario keeps of the calibration (schema v5): its measurement sets and the calibration applied
 * to its model. Both are checked here once at the edges (IndexedDB, scenario files). Measurement sets
 * are immutable values; one already found valid is not scanned again, so autosave stays O(changes) with
 * 10⁶ samples. A scenario file carries sets as plain JSON arrays (NaN as null); `measurementSetFromJson`
 * turns them back into typed columns.
 */
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../import/import-types';
import { PCI_RANGE, RSRP_RANGE_DBM, SINR_RANGE_DB } from '../import/measurement-values';
import { correctionProblem, ENVIRONMENT_CLASSES, type EnvironmentCorrection } from './corrections';
import type { ErrorStatistics } from './error-statistics';
import type { UncorrectedClass } from './fit-corrections';
import {
  MEASUREMENT_COLUMN_KEYS,
  MEASUREMENT_COLUMN_TYPES,
  type MeasurementColumnKey,
  type MeasurementSet,
} from './measurement-set';

/** The calibration a scenario applies: the fit, the figures it was accepted on, and its samples. */
export interface ScenarioCalibration {
  /** ISO 8601. */
  fittedAt: string;
  /** The measurement sets the fit used (they may have been removed since). */
  measurementSetIds: string[];
  samples: number;
  /** prediction − measurement over those samples with the plain model, and with the corrections. */
  before: ErrorStatistics;
  after: ErrorStatistics;
  corrections: EnvironmentCorrection[];
  /** Classes left uncorrected for too few samples. */
  uncorrected: UncorrectedClass[];
}

export interface CalibrationIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** Sets found valid (sets are never edited in place). */
const validSets = new WeakSet<object>();
const MAX_SET_ISSUES = 5;
const OPTIONAL_COLUMNS = new Set<MeasurementColumnKey>(['sinrDb', 'pci', 'cellIndex', 'timeMs']);

/** Per column, the test each value must pass. */
const COLUMN_CHECKS: Record<MeasurementColumnKey, (value: number, set: Record<string, unknown>) => boolean> =
  {
    rowNumbers: (value) => value >= 1,
    lon: (value) => Math.abs(value) <= 180,
    lat: (value) => Math.abs(value) <= 90,
    rsrpDbm: (value) => value >= RSRP_RANGE_DBM.min && value <= RSRP_RANGE_DBM.max,
    sinrDb: (value) => Number.isNaN(value) || (value >= SINR_RANGE_DB.min && value <= SINR_RANGE_DB.max),
    pci: (value) => value === -1 || (value >= PCI_RANGE.min && value <= PCI_RANGE.max),
    cellIndex: (value, set) =>
      value === -1 || (value >= 0 && value < ((set.cellIds as unknown[]) ?? []).length),
    timeMs: (value) => Number.isNaN(value) || Number.isFinite(value),
  };

/** Checks one measurement set; pushes issues under `path`. */
export function checkMeasurementSet(
  value: unknown,
  path: string,
  issues: CalibrationIssue[],
): value is MeasurementSet {
  if (isRecord(value) && validSets.has(value)) return true;
  if (!isRecord(value)) {
    issues.push({ path, code: 'notAnObject' });
    return false;
  }
  const before = issues.length;
  if (!isNonEmptyString(value.id)) issues.push({ path: `${path}.id`, code: 'notAString' });
  if (typeof value.name !== 'string') issues.push({ path: `${path}.name`, code: 'notAString' });
  if (!isIsoTimestamp(value.importedAt)) issues.push({ path: `${path}.importedAt`, code: 'notATimestamp' });
  if (!COORDINATE_SYSTEMS.includes(value.crs as CoordinateSystem))
    issues.push({ path: `${path}.crs`, code: 'invalidChoice' });
  const count = value.count;
  if (!Number.isInteger(count) || (count as number) < 0) {
    issues.push({ path: `${path}.count`, code: 'notACount' });
    return false;
  }
  if (
    value.cellIds !== undefined &&
    !(Array.isArray(value.cellIds) && value.cellIds.every((id) => typeof id === 'string'))
  )
    issues.push({ path: `${path}.cellIds`, code: 'notAStringList' });
  if ((value.cellIndex === undefined) !== (value.cellIds === undefined))
    issues.push({ path: `${path}.cellIds`, code: 'cellIdsWithoutIndex' });
  for (const key of MEASUREMENT_COLUMN_KEYS) {
    const column = value[key];
    if (column === undefined && OPTIONAL_COLUMNS.has(key)) continue;
    if (!(column instanceof MEASUREMENT_COLUMN_TYPES[key]) || column.length !== count) {
      issues.push({
        path: `${path}.${key}`,
        code: 'wrongColumn',
        params: { type: MEASUREMENT_COLUMN_TYPES[key].name, count },
      });
      continue;
    }
    const check = COLUMN_CHECKS[key];
    let bad = 0;
    for (let index = 0; index < column.length && bad < MAX_SET_ISSUES; index++) {
      if (check(column[index]!, value)) continue;
      issues.push({ path: `${path}.${key}[${index}]`, code: 'outOfRange', params: { value: column[index] } });
      bad++;
    }
  }
  if (issues.length > before) return false;
  validSets.add(value);
  return true;
}

function checkStatistics(value: unknown, path: string, issues: CalibrationIssue[]): void {
  if (!isRecord(value)) {
    issues.push({ path, code: 'notAnObject' });
    return;
  }
  for (const key of ['count', 'meanErrorDb', 'stdDb', 'rmseDb'])
    if (typeof value[key] !== 'number') issues.push({ path: `${path}.${key}`, code: 'notANumber' });
}

/** Checks a scenario's calibration (null: none). */
export function checkCalibration(value: unknown, path: string, issues: CalibrationIssue[]): boolean {
  if (value === null) return true;
  const before = issues.length;
  if (!isRecord(value)) {
    issues.push({ path, code: 'notAnObject' });
    return false;
  }
  if (!isIsoTimestamp(value.fittedAt)) issues.push({ path: `${path}.fittedAt`, code: 'notATimestamp' });
  if (!Array.isArray(value.measurementSetIds) || !value.measurementSetIds.every(isNonEmptyString))
    issues.push({ path: `${path}.measurementSetIds`, code: 'notAStringList' });
  if (!Number.isInteger(value.samples) || (value.samples as number) < 0)
    issues.push({ path: `${path}.samples`, code: 'notACount' });
  checkStatistics(value.before, `${path}.before`, issues);
  checkStatistics(value.after, `${path}.after`, issues);
  if (!Array.isArray(value.corrections)) issues.push({ path: `${path}.corrections`, code: 'notAnArray' });
  else {
    const seen = new Set<unknown>();
    value.corrections.forEach((correction, index) => {
      const problem = correctionProblem(correction);
      if (problem)
        issues.push({
          path: `${path}.corrections[${index}]`,
          code: 'invalidCorrection',
          params: { problem },
        });
      else if (seen.has((correction as EnvironmentCorrection).environment))
        issues.push({ path: `${path}.corrections[${index}].environment`, code: 'duplicate' });
      else seen.add((correction as EnvironmentCorrection).environment);
    });
  }
  if (
    !Array.isArray(value.uncorrected) ||
    !value.uncorrected.every(
      (entry) =>
        isRecord(entry) &&
        ENVIRONMENT_CLASSES.includes(entry.environment as never) &&
        Number.isInteger(entry.samples),
    )
  )
    issues.push({ path: `${path}.uncorrected`, code: 'notAList' });
  return issues.length === before;
}

/** A set as JSON-safe plain arrays (typed columns become arrays, NaN becomes null). */
export function measurementSetToJson(set: MeasurementSet): Record<string, unknown> {
  const json: Record<string, unknown> = { ...set };
  for (const key of MEASUREMENT_COLUMN_KEYS) {
    const column = set[key];
    if (column === undefined) continue;
    json[key] = Array.from(column, (value) => (Number.isNaN(value) ? null : value));
  }
  return json;
}

/**
 * A set from its JSON form: plain arrays back into typed columns (null back to NaN or −1). Anything that
 * is not an array is left for checkMeasurementSet to report.
 */
export function measurementSetFromJson(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const set: Record<string, unknown> = { ...value };
  for (const key of MEASUREMENT_COLUMN_KEYS) {
    const column = value[key];
    if (!Array.isArray(column)) continue;
    const empty = key === 'pci' || key === 'cellIndex' ? -1 : Number.NaN;
    const numbers = column.map((entry) =>
      entry === null ? empty : typeof entry === 'number' ? entry : Number.NaN,
    );
    set[key] = MEASUREMENT_COLUMN_TYPES[key].from(numbers);
  }
  return set;
}
