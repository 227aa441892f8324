/**
 * What to do with a record read from storage or a file: accept it (migrated if needed) or set it
 * aside in quarantine with the reason. Pure, so the decision is unit-tested without IndexedDB.
 */
import { migrateScenarioRecord } from './migrations';
import { describeIssues, type ScenarioIssue, validateScenario } from './scenario-schema';
import type { Scenario } from './scenario-types';

export interface QuarantineReason {
  code:
    | 'notAnObject'
    | 'missingSchemaVersion'
    | 'newerSchemaVersion'
    | 'unknownSchemaVersion'
    | 'migrationFailed'
    | 'invalid';
  /** English, for logs and the exported quarantine file; the UI translates `code`. */
  message: string;
  issues?: ScenarioIssue[];
}

export type StoredRecordDecision =
  | { kind: 'valid'; scenario: Scenario; migratedFrom?: number }
  | { kind: 'quarantine'; reason: QuarantineReason };

/** Decides whether a stored record is a usable scenario (after migration) or goes to quarantine. */
export function decideStoredRecord(raw: unknown): StoredRecordDecision {
  const migrated = migrateScenarioRecord(raw);
  if (!migrated.ok) return { kind: 'quarantine', reason: { code: migrated.code, message: migrated.message } };
  const validation = validateScenario(migrated.record);
  if (!validation.ok) {
    return {
      kind: 'quarantine',
      reason: { code: 'invalid', message: describeIssues(validation.issues), issues: validation.issues },
    };
  }
  const decision: StoredRecordDecision = { kind: 'valid', scenario: validation.scenario };
  if (migrated.fromVersion !== validation.scenario.schemaVersion)
    decision.migratedFrom = migrated.fromVersion;
  return decision;
}
