/**
 * The scenario file: versioned JSON that imports back losslessly, so planners can hand a scenario
 * to a colleague or keep it outside the browser. Older versions are migrated on import.
 */
import { measurementSetFromJson, measurementSetToJson } from '../calibration/scenario-calibration';
import { migrateScenarioRecord } from '../scenario/migrations';
import { describeIssues, type ScenarioIssue, validateScenario } from '../scenario/scenario-schema';
import type { Scenario } from '../scenario/scenario-types';

export const SCENARIO_FILE_FORMAT = 'shanghai-infra-planner/scenario';

export interface ScenarioFile {
  format: typeof SCENARIO_FILE_FORMAT;
  schemaVersion: number;
  scenario: Scenario;
}

export type ScenarioFileErrorCode =
  | 'notJson'
  | 'notAScenarioFile'
  | 'versionMismatch'
  | 'missingSchemaVersion'
  | 'newerSchemaVersion'
  | 'unknownSchemaVersion'
  | 'migrationFailed'
  | 'notAnObject'
  | 'invalid';

export interface ScenarioFileError {
  code: ScenarioFileErrorCode;
  /** English detail for logs; the UI translates `code`. */
  message: string;
  issues?: ScenarioIssue[];
}

export type ScenarioFileParse =
  | { ok: true; scenario: Scenario; migratedFrom?: number }
  | { ok: false; error: ScenarioFileError };

/**
 * Serialises a scenario as a scenario file (pretty JSON, UTF-8 text). Measurement sets go as plain arrays
 * (typed columns have no JSON form), one column per line rather than one number per line.
 */
export function serializeScenarioFile(scenario: Scenario): string {
  const { measurements, ...rest } = scenario;
  const file = {
    format: SCENARIO_FILE_FORMAT,
    schemaVersion: scenario.schemaVersion,
    scenario: { ...rest, measurements: [] },
  };
  const text = JSON.stringify(file, null, 2);
  if (measurements.length === 0) return `${text}\n`;
  const sets = measurements.map((set) => JSON.stringify(measurementSetToJson(set)));
  // The key on its own line: no string value can hold a raw line break, so this spot is unique.
  const key = '\n    "measurements": []';
  return `${text.replace(key, `\n    "measurements": [\n${sets.join(',\n')}\n    ]`)}\n`;
}

const failure = (
  code: ScenarioFileErrorCode,
  message: string,
  issues?: ScenarioIssue[],
): ScenarioFileParse => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Reads a scenario file back: checks the envelope, migrates older versions, validates the scenario. */
export function parseScenarioFile(text: string): ScenarioFileParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return failure('notJson', error instanceof Error ? error.message : String(error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failure('notAScenarioFile', 'the file is not a JSON object');
  }
  const envelope = parsed as Record<string, unknown>;
  if (envelope.format !== SCENARIO_FILE_FORMAT) {
    return failure(
      'notAScenarioFile',
      `format is ${JSON.stringify(envelope.format)}, not ${SCENARIO_FILE_FORMAT}`,
    );
  }
  const inner = envelope.scenario;
  const innerVersion =
    typeof inner === 'object' && inner !== null
      ? (inner as Record<string, unknown>).schemaVersion
      : undefined;
  if (envelope.schemaVersion !== innerVersion) {
    return failure(
      'versionMismatch',
      `file schemaVersion ${String(envelope.schemaVersion)} ≠ scenario schemaVersion ${String(innerVersion)}`,
    );
  }
  const migrated = migrateScenarioRecord(inner);
  if (!migrated.ok) return failure(migrated.code, migrated.message);
  // Measurement columns arrive as plain arrays: back to typed columns before validation.
  const { measurements } = migrated.record;
  if (Array.isArray(measurements)) migrated.record.measurements = measurements.map(measurementSetFromJson);
  const validation = validateScenario(migrated.record);
  if (!validation.ok) return failure('invalid', describeIssues(validation.issues), validation.issues);
  const result: ScenarioFileParse = { ok: true, scenario: validation.scenario };
  if (migrated.fromVersion !== validation.scenario.schemaVersion) result.migratedFrom = migrated.fromVersion;
  return result;
}
