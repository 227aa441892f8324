/**
 * Scenario persistence: save, load (with migration and validation of every record), the last open
 * scenario, and the quarantine for records that fail — moved aside, never dropped.
 *
 * Three rules keep a planner's work safe:
 * - **Revisions.** Every save checks, in the same transaction as its writes, that the stored record is
 *   still the revision this tab last read or wrote; if another tab saved meanwhile, nothing is written
 *   and a ScenarioConflictError says so (the app merges and saves again). Saves are announced to the
 *   other tabs (scenario-channel.ts), which merge at once.
 * - **Each record alone.** Loading reads, decides and (when needed) quarantines one record at a time: a
 *   broken record, even one that makes reading throw, never hides or blocks the others.
 * - **Recover what is intact.** A damaged record is kept whole in quarantine, and what is still valid in
 *   it (recover-record.ts) goes back under its key, so the planner keeps working on it.
 */

import { recoverScenarioRecord } from '../domain/scenario/recover-record';
import { describeIssues, validateScenario } from '../domain/scenario/scenario-schema';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from '../domain/scenario/scenario-types';
import { decideStoredRecord, type QuarantineReason } from '../domain/scenario/stored-record';
import {
  DATABASE_NAME,
  META_KEYS,
  openPlannerDatabase,
  type PlannerDatabase,
  type QuarantineEntry,
} from './database';
import { planMeasurementWrite, type WrittenSets, writtenAfterLoad } from './measurement-records';
import { quarantineExportText } from './quarantine-export';
import { ScenarioConflictError } from './save-errors';
import { openScenarioChannel, type ScenarioChannel } from './scenario-channel';
import type { LoadedScenarios, ScenarioRepository } from './scenario-repository-types';
import { setAsideRecord } from './set-aside';
import { planChunkedWrite, type WrittenChunks } from './site-chunks';
import {
  chunkRange,
  readStoredRecord,
  revisionOf,
  type StoredRecordRead,
  setRange,
} from './stored-record-reader';

export { QUARANTINE_EXPORT_FORMAT } from './quarantine-export';

export type {
  LoadedScenario,
  LoadedScenarios,
  RecoveredNotice,
  SaveOptions,
  ScenarioRepository,
} from './scenario-repository-types';

/** Opens the database and returns the repository over it. */
export async function openScenarioRepository(databaseName = DATABASE_NAME): Promise<ScenarioRepository> {
  return createScenarioRepository(await openPlannerDatabase(databaseName), openScenarioChannel(databaseName));
}

interface Known {
  revision: number;
  scenario: Scenario;
}

/** Revision markers kept per scenario (older ones are pruned): a tab this far behind still conflicts. */
const KEPT_MARKERS = 1000;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why a read record is not usable as it is, or undefined when it is whole and valid. */
function damageOf(read: StoredRecordRead) {
  const decision = decideStoredRecord(read.record);
  const missing = Object.entries(read.missing);
  if (decision.kind === 'valid' && missing.length === 0) return { decision, reason: undefined };
  const reason: QuarantineReason =
    decision.kind === 'quarantine'
      ? decision.reason
      : {
          code: 'invalid',
          message: missing
            .map(([field, count]) => `${field}: ${count} items missing (lost chunks)`)
            .join('; '),
        };
  return { decision, reason };
}

/** Wraps an open database. */
export function createScenarioRepository(
  database: PlannerDatabase,
  channel?: ScenarioChannel,
): ScenarioRepository {
  /** Per scenario, the chunks the database holds as this session wrote or read them. */
  const writtenChunks = new Map<string, WrittenChunks>();
  const known = new Map<string, Known>();

  /** The revision stored now (0 for a record from before revisions), undefined when there is none. */
  const readRevision = async (id: string) => revisionOf(await database.get('scenarios', id));

  /** Per scenario, the measurement sets the database holds as this session wrote or read them. */
  const writtenSets = new Map<string, WrittenSets>();

  const remember = (
    id: string,
    revision: number,
    scenario: Scenario,
    written: WrittenChunks | undefined,
    sets: WrittenSets | undefined,
  ) => {
    known.set(id, { revision, scenario });
    if (written) writtenChunks.set(id, written);
    else writtenChunks.delete(id);
    if (sets) writtenSets.set(id, sets);
    else writtenSets.delete(id);
  };

  /** Quarantines a damaged record and puts back what was intact (set-aside.ts). */
  const setAside = async (
    read: StoredRecordRead,
    reason: QuarantineReason,
    recovered: Scenario | undefined,
  ): Promise<QuarantineEntry | undefined> => {
    const result = await setAsideRecord(database, read, reason, recovered, channel?.tabId ?? '');
    if (result?.stored && recovered) {
      const { revision, written, sets } = result.stored;
      remember(read.key, revision, recovered, written, sets);
    }
    return result?.entry;
  };

  return {
    async saveScenario(scenario, options = {}) {
      const previous = known.get(scenario.id);
      if (previous?.scenario === scenario && !options.overwrite) {
        return { chunksWritten: 0, measurementSetsWritten: 0, revision: previous.revision };
      }
      const validation = validateScenario(scenario);
      if (!validation.ok)
        throw new Error(`refusing to save an invalid scenario: ${describeIssues(validation.issues)}`);
      let expected = previous?.revision ?? 0;
      if (options.overwrite) expected = (await readRevision(scenario.id)) ?? 0;
      const revision = expected + 1;
      const plan = planChunkedWrite(validation.scenario, writtenChunks.get(scenario.id));
      const sets = planMeasurementWrite(validation.scenario, writtenSets.get(scenario.id));
      // Until this write is known to have landed, what the database holds is unknown.
      writtenChunks.delete(scenario.id);
      writtenSets.delete(scenario.id);
      const { measurements: _sets, ...record } = plan.record;
      const transaction = database.transaction(
        ['scenarios', 'meta', 'siteChunks', 'revisions', 'measurementSets'],
        'readwrite',
      );
      const markers = transaction.objectStore('revisions');
      const chunks = transaction.objectStore('siteChunks');
      const setStore = transaction.objectStore('measurementSets');
      // All requests are placed in this one task (no await before commit): a save flushed on pagehide
      // must be complete before the page goes. The marker comes first: if another tab wrote this
      // revision, its add fails and the whole transaction is rolled back.
      const writes: Promise<unknown>[] = [
        markers.add({ savedAt: new Date().toISOString(), tabId: channel?.tabId ?? '' }, [
          scenario.id,
          revision,
        ]),
        ...(revision > KEPT_MARKERS
          ? [markers.delete(IDBKeyRange.bound([scenario.id, 0], [scenario.id, revision - KEPT_MARKERS]))]
          : []),
        ...plan.clears.map(({ field, from }) => chunks.delete(chunkRange(scenario.id, field, from))),
        ...plan.puts.map(({ key, items }) => chunks.put(items, key)),
        ...sets.deletes.map((key) => setStore.delete(key)),
        ...sets.puts.map(({ key, value }) => setStore.put(value, key)),
        transaction
          .objectStore('scenarios')
          .put({ ...record, measurementSetIds: sets.measurementSetIds, revision }, scenario.id),
        transaction.objectStore('meta').put(CURRENT_SCENARIO_SCHEMA_VERSION, META_KEYS.schemaVersion),
      ];
      transaction.commit();
      try {
        await Promise.all([...writes, transaction.done]);
      } catch (error) {
        await Promise.allSettled([...writes, transaction.done]);
        if (error instanceof DOMException && error.name === 'ConstraintError') {
          throw new ScenarioConflictError(
            scenario.id,
            await readRevision(scenario.id).catch(() => undefined),
          );
        }
        throw error;
      }
      remember(scenario.id, revision, scenario, plan.written, sets.written);
      channel?.post({ type: 'saved', scenarioId: scenario.id, revision });
      return { chunksWritten: plan.puts.length, measurementSetsWritten: sets.puts.length, revision };
    },

    async deleteScenario(id) {
      const transaction = database.transaction(
        ['scenarios', 'siteChunks', 'revisions', 'scenarioSettings', 'measurementSets'],
        'readwrite',
      );
      await Promise.all([
        transaction.objectStore('scenarios').delete(id),
        transaction.objectStore('scenarioSettings').delete(id),
        transaction.objectStore('siteChunks').delete(chunkRange(id)),
        transaction.objectStore('measurementSets').delete(setRange(id)),
        transaction
          .objectStore('revisions')
          .delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])),
        transaction.done,
      ]);
      known.delete(id);
      writtenChunks.delete(id);
      writtenSets.delete(id);
      channel?.post({ type: 'deleted', scenarioId: id });
    },

    async loadScenario(id) {
      const read = await readStoredRecord(database, id);
      if (!read) return { kind: 'missing' };
      const { decision, reason } = damageOf(read);
      if (reason || decision.kind !== 'valid') {
        return { kind: 'damaged', reason: reason ?? { code: 'invalid', message: 'invalid' } };
      }
      remember(id, read.revision, decision.scenario, read.written, read.sets);
      return { kind: 'valid', scenario: decision.scenario, revision: read.revision };
    },

    async loadScenarios(options = {}) {
      const result: LoadedScenarios = {
        scenarios: [],
        migrated: [],
        quarantined: [],
        recovered: [],
        unreadable: [],
        lastOpenScenarioId: undefined,
      };
      const keys = await database.getAllKeys('scenarios');
      for (const rawKey of keys) {
        const key = String(rawKey);
        try {
          const read = await readStoredRecord(database, key);
          if (!read) continue;
          const { decision, reason } = damageOf(read);
          if (!reason && decision.kind === 'valid') {
            result.scenarios.push(decision.scenario);
            if (decision.scenario.id === key) {
              remember(
                key,
                read.revision,
                decision.scenario,
                read.written,
                read.sets && writtenAfterLoad(read.sets, decision.scenario),
              );
            }
            if (decision.migratedFrom !== undefined) {
              result.migrated.push({ id: decision.scenario.id, fromVersion: decision.migratedFrom });
            }
            continue;
          }
          const nowIso = new Date().toISOString();
          const recovery = recoverScenarioRecord(read.record, {
            id: key,
            nowIso,
            fallbackName: options.fallbackName?.(key) ?? key,
            missing: read.missing,
          });
          const entry = await setAside(read, reason!, recovery?.scenario);
          if (!entry) continue;
          result.quarantined.push(entry);
          if (recovery) {
            result.scenarios.push(recovery.scenario);
            const { lost, repairedFields } = recovery;
            result.recovered.push({ id: key, name: recovery.scenario.name, lost, repairedFields });
          }
        } catch (error) {
          result.unreadable.push({ key, message: errorMessage(error) });
        }
      }
      const lastOpen = await database.get('meta', META_KEYS.lastOpenScenarioId).catch(() => undefined);
      result.scenarios.sort((left, right) => (left.updatedAt < right.updatedAt ? 1 : -1));
      if (typeof lastOpen === 'string' && result.scenarios.some((scenario) => scenario.id === lastOpen)) {
        result.lastOpenScenarioId = lastOpen;
      }
      return result;
    },

    knownScenario: (id) => known.get(id)?.scenario,
    knownRevision: (id) => known.get(id)?.revision,

    acceptAsStored(scenario) {
      const current = known.get(scenario.id);
      if (!current) return;
      known.set(scenario.id, { revision: current.revision, scenario });
      // The stored chunks hold these values; knowing them as this scenario's items lets the next save
      // compare by identity and write only the chunks it changes.
      writtenChunks.set(scenario.id, planChunkedWrite(scenario, undefined).written);
      writtenSets.set(scenario.id, planMeasurementWrite(scenario, undefined).written);
    },

    forget(id) {
      known.delete(id);
      writtenChunks.delete(id);
      writtenSets.delete(id);
    },

    onOtherTabChange(listener) {
      if (!channel) return () => undefined;
      return channel.listen((message) => {
        if (message.type === 'saved') {
          listener({ type: 'saved', scenarioId: message.scenarioId, revision: message.revision });
        } else listener({ type: 'deleted', scenarioId: message.scenarioId });
      });
    },

    async loadAllSettings() {
      const transaction = database.transaction('scenarioSettings');
      const [keys, values] = await Promise.all([
        transaction.store.getAllKeys(),
        transaction.store.getAll(),
        transaction.done,
      ]);
      return new Map(keys.map((key, index) => [String(key), values[index]]));
    },

    async saveSettings(id, settings) {
      await database.put('scenarioSettings', settings, id);
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
      return quarantineExportText(await database.getAll('quarantine'), nowIso);
    },

    async deleteQuarantined(quarantineId) {
      await database.delete('quarantine', quarantineId);
    },

    close: () => {
      channel?.close();
      database.close();
    },
  };
}
