/**
 * Scenario persistence: save, load (with migration and validation of every record), the last
 * open scenario, and the quarantine for records that fail — moved aside, never dropped.
 */

import type { MeasurementSet } from '../domain/calibration/measurement-set';
import { describeIssues, validateScenario } from '../domain/scenario/scenario-schema';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from '../domain/scenario/scenario-types';
import { decideStoredRecord } from '../domain/scenario/stored-record';
import { META_KEYS, openPlannerDatabase, type PlannerDatabase, type QuarantineEntry } from './database';
import {
  assembleMeasurements,
  measurementSetIdsOf,
  planMeasurementWrite,
  type WrittenSets,
} from './measurement-records';
import {
  assembleRecord,
  type ChunkedField,
  chunkedListsOf,
  planChunkedWrite,
  type WrittenChunks,
} from './site-chunks';

/** The chunk keys of a scenario, or of one of its lists from an index on. */
function chunkRange(scenarioId: string, field?: ChunkedField, from = 0): IDBKeyRange {
  return field === undefined
    ? IDBKeyRange.bound([scenarioId], [scenarioId, []])
    : IDBKeyRange.bound([scenarioId, field, from], [scenarioId, field, []]);
}

/** The measurement-set keys of a scenario. */
function setRange(scenarioId: string): IDBKeyRange {
  return IDBKeyRange.bound([scenarioId], [scenarioId, []]);
}

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
  /**
   * Validates and writes a scenario; throws (writing nothing) if it is not a valid scenario. Long site
   * lists go to chunks, of which only those that changed since the last save are written.
   */
  saveScenario(scenario: Scenario): Promise<{ chunksWritten: number; measurementSetsWritten: number }>;
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
  /** Per scenario, the chunks the database holds as this session wrote or read them. */
  const writtenChunks = new Map<string, WrittenChunks>();
  /** Per scenario, the measurement sets the database holds as this session wrote or read them. */
  const writtenSets = new Map<string, WrittenSets>();
  return {
    async saveScenario(scenario) {
      const validation = validateScenario(scenario);
      if (!validation.ok)
        throw new Error(`refusing to save an invalid scenario: ${describeIssues(validation.issues)}`);
      const plan = planChunkedWrite(validation.scenario, writtenChunks.get(scenario.id));
      const sets = planMeasurementWrite(validation.scenario, writtenSets.get(scenario.id));
      // Until this write is known to have landed, what the database holds is unknown.
      writtenChunks.delete(scenario.id);
      writtenSets.delete(scenario.id);
      const { measurements: _sets, ...record } = plan.record;
      const transaction = database.transaction(
        ['scenarios', 'meta', 'siteChunks', 'measurementSets'],
        'readwrite',
      );
      const chunks = transaction.objectStore('siteChunks');
      const setStore = transaction.objectStore('measurementSets');
      const writes: Promise<unknown>[] = [
        ...plan.clears.map(({ field, from }) => chunks.delete(chunkRange(scenario.id, field, from))),
        ...plan.puts.map(({ key, items }) => chunks.put(items, key)),
        ...sets.deletes.map((key) => setStore.delete(key)),
        ...sets.puts.map(({ key, set }) => setStore.put(set, key)),
        transaction
          .objectStore('scenarios')
          .put({ ...record, measurementSetIds: sets.measurementSetIds }, scenario.id),
        transaction.objectStore('meta').put(CURRENT_SCENARIO_SCHEMA_VERSION, META_KEYS.schemaVersion),
      ];
      // Commit now rather than when the event loop idles: on pagehide there may be no idle time left.
      transaction.commit();
      await Promise.all([...writes, transaction.done]);
      writtenChunks.set(scenario.id, plan.written);
      writtenSets.set(scenario.id, sets.written);
      return { chunksWritten: plan.puts.length, measurementSetsWritten: sets.puts.length };
    },

    async deleteScenario(id) {
      writtenChunks.delete(id);
      writtenSets.delete(id);
      const transaction = database.transaction(['scenarios', 'siteChunks', 'measurementSets'], 'readwrite');
      await Promise.all([
        transaction.objectStore('scenarios').delete(id),
        transaction.objectStore('siteChunks').delete(chunkRange(id)),
        transaction.objectStore('measurementSets').delete(setRange(id)),
        transaction.done,
      ]);
    },

    async loadScenarios() {
      const result: LoadedScenarios = {
        scenarios: [],
        migrated: [],
        quarantined: [],
        lastOpenScenarioId: undefined,
      };
      const transaction = database.transaction(
        ['scenarios', 'quarantine', 'meta', 'siteChunks', 'measurementSets'],
        'readwrite',
      );
      const quarantineStore = transaction.objectStore('quarantine');
      const chunkStore = transaction.objectStore('siteChunks');
      const setStore = transaction.objectStore('measurementSets');
      const quarantinedAt = new Date().toISOString();
      let cursor = await transaction.objectStore('scenarios').openCursor();
      while (cursor) {
        const key = String(cursor.key);
        let record: unknown = cursor.value;
        let written: WrittenChunks | undefined;
        const lists = chunkedListsOf(record);
        if (lists) {
          const assembled = await assembleRecord(record as Record<string, unknown>, lists, (field, index) =>
            chunkStore.get([key, field, index]),
          );
          record = assembled.record;
          written = assembled.written;
        }
        let sets: Map<string, MeasurementSet> | undefined;
        const setIds = measurementSetIdsOf(record);
        if (setIds) {
          const assembled = await assembleMeasurements(record as Record<string, unknown>, setIds, (id) =>
            setStore.get([key, id]),
          );
          record = assembled.record;
          sets = assembled.written;
        }
        const decision = decideStoredRecord(record);
        if (decision.kind === 'valid') {
          result.scenarios.push(decision.scenario);
          if (decision.scenario.id === key && written) writtenChunks.set(key, written);
          if (decision.scenario.id === key && sets) writtenSets.set(key, sets);
          if (decision.migratedFrom !== undefined) {
            result.migrated.push({ id: decision.scenario.id, fromVersion: decision.migratedFrom });
          }
        } else {
          const entry: QuarantineEntry = {
            sourceStore: 'scenarios',
            sourceKey: key,
            record,
            reason: decision.reason,
            quarantinedAt,
            appSchemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
          };
          // Add then delete in the same transaction: the record is moved, never lost halfway.
          entry.quarantineId = await quarantineStore.add(entry);
          await cursor.delete();
          await chunkStore.delete(chunkRange(key));
          await setStore.delete(setRange(key));
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
