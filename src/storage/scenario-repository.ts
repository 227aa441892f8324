/**
 * Scenario persistence: save, load (with migration and validation of every record), the last
 * open scenario, and the quarantine for records that fail — moved aside, never dropped.
 */
import { describeIssues, validateScenario } from '../domain/scenario/scenario-schema';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from '../domain/scenario/scenario-types';
import { decideStoredRecord } from '../domain/scenario/stored-record';
import { META_KEYS, openPlannerDatabase, type PlannerDatabase, type QuarantineEntry } from './database';

export const QUARANTINE_EXPORT_FORMAT = 'shanghai-infra-planner/quarantine';

export interface LoadedScenarios {
  /** Valid scenarios, most recently updated first. */
  scenarios: Scenario[];
  /** Scenarios that were read from an older schema version (saved in the new shape on next save). */
  migrated: { id: string; fromVersion: number }[];
  /** Records moved to quarantine by this load. */
  quarantined: QuarantineEntry[];
  /** The last open scenario, if it is among `scenarios`. */
  lastOpenScenarioId: string | undefined;
}

export interface ScenarioRepository {
  /** Validates and writes a scenario; throws (writing nothing) if it is not a valid scenario. */
  saveScenario(scenario: Scenario): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  loadScenarios(): Promise<LoadedScenarios>;
  getLastOpenScenarioId(): Promise<string | undefined>;
  setLastOpenScenarioId(id: string): Promise<void>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  /** All quarantined records as pretty JSON text, for the "export kept-aside data" button. */
  exportQuarantine(nowIso?: string): Promise<string>;
  /** Deletes one quarantined record (after the planner exported it). */
  deleteQuarantined(quarantineId: number): Promise<void>;
  close(): void;
}

/** Opens the database and returns the repository over it. */
export async function openScenarioRepository(databaseName?: string): Promise<ScenarioRepository> {
  return createScenarioRepository(await openPlannerDatabase(databaseName));
}

/** Wraps an open database. */
export function createScenarioRepository(database: PlannerDatabase): ScenarioRepository {
  return {
    async saveScenario(scenario) {
      const validation = validateScenario(scenario);
      if (!validation.ok)
        throw new Error(`refusing to save an invalid scenario: ${describeIssues(validation.issues)}`);
      const transaction = database.transaction(['scenarios', 'meta'], 'readwrite');
      const writes = [
        transaction.objectStore('scenarios').put(validation.scenario, scenario.id),
        transaction.objectStore('meta').put(CURRENT_SCENARIO_SCHEMA_VERSION, META_KEYS.schemaVersion),
      ];
      // Commit now rather than when the event loop idles: on pagehide there may be no idle time left.
      transaction.commit();
      await Promise.all([...writes, transaction.done]);
    },

    async deleteScenario(id) {
      await database.delete('scenarios', id);
    },

    async loadScenarios() {
      const result: LoadedScenarios = {
        scenarios: [],
        migrated: [],
        quarantined: [],
        lastOpenScenarioId: undefined,
      };
      const transaction = database.transaction(['scenarios', 'quarantine', 'meta'], 'readwrite');
      const quarantineStore = transaction.objectStore('quarantine');
      const quarantinedAt = new Date().toISOString();
      let cursor = await transaction.objectStore('scenarios').openCursor();
      while (cursor) {
        const decision = decideStoredRecord(cursor.value);
        if (decision.kind === 'valid') {
          result.scenarios.push(decision.scenario);
          if (decision.migratedFrom !== undefined) {
            result.migrated.push({ id: decision.scenario.id, fromVersion: decision.migratedFrom });
          }
        } else {
          const entry: QuarantineEntry = {
            sourceStore: 'scenarios',
            sourceKey: String(cursor.key),
            record: cursor.value,
            reason: decision.reason,
            quarantinedAt,
            appSchemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
          };
          // Add then delete in the same transaction: the record is moved, never lost halfway.
          entry.quarantineId = await quarantineStore.add(entry);
          await cursor.delete();
          result.quarantined.push(entry);
        }
        cursor = await cursor.continue();
      }
      const lastOpen = await transaction.objectStore('meta').get(META_KEYS.lastOpenScenarioId);
      await transaction.done;
      result.scenarios.sort((left, right) => (left.updatedAt < right.updatedAt ? 1 : -1));
      if (typeof lastOpen === 'string' && result.scenarios.some((scenario) => scenario.id === lastOpen)) {
        result.lastOpenScenarioId = lastOpen;
      }
      return result;
    },

    async getLastOpenScenarioId() {
      const value = await database.get('meta', META_KEYS.lastOpenScenarioId);
      return typeof value === 'string' ? value : undefined;
    },

    async setLastOpenScenarioId(id) {
      await database.put('meta', id, META_KEYS.lastOpenScenarioId);
    },

    listQuarantine: () => database.getAll('quarantine'),

    async exportQuarantine(nowIso = new Date().toISOString()) {
      const entries = await database.getAll('quarantine');
      return `${JSON.stringify({ format: QUARANTINE_EXPORT_FORMAT, exportedAt: nowIso, entries }, null, 2)}\n`;
    },

    async deleteQuarantined(quarantineId) {
      await database.delete('quarantine', quarantineId);
    },

    close: () => database.close(),
  };
}
