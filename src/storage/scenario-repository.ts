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

import { type LostItems, recoverScenarioRecord } from '../domain/scenario/recover-record';
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
import { quarantineExportText } from './quarantine-export';
import { ScenarioConflictError } from './save-errors';
import { openScenarioChannel, type ScenarioChannel } from './scenario-channel';
import { planChunkedWrite, type WrittenChunks } from './site-chunks';
import { chunkRange, readStoredRecord, revisionOf, type StoredRecordRead } from './stored-record-reader';

export { QUARANTINE_EXPORT_FORMAT } from './quarantine-export';

/** A scenario that came back from a damaged record, with what it lost. */
export interface RecoveredNotice {
  id: string;
  name: string;
  lost: LostItems[];
  repairedFields: string[];
}

export interface LoadedScenarios {
  /** Valid scenarios (recovered ones included), most recently updated first. */
  scenarios: Scenario[];
  /** Scenarios that were read from an older schema version (saved in the new shape on next save). */
  migrated: { id: string; fromVersion: number }[];
  /** Records moved to quarantine by this load. */
  quarantined: QuarantineEntry[];
  /** Damaged records whose intact part was recovered (their originals are among `quarantined`). */
  recovered: RecoveredNotice[];
  /** Records that could not even be read; left where they are, untouched. */
  unreadable: { key: string; message: string }[];
  /** The last open scenario, if it is among `scenarios`. */
  lastOpenScenarioId: string | undefined;
}

export type LoadedScenario =
  | { kind: 'valid'; scenario: Scenario; revision: number }
  | { kind: 'missing' }
  | { kind: 'damaged'; reason: QuarantineReason };

export interface SaveOptions {
  /** Write even if another tab saved or deleted it meanwhile (after the user chose this version). */
  overwrite?: boolean;
}

export interface ScenarioRepository {
  /**
   * Validates and writes a scenario; throws (writing nothing) if it is not a valid scenario, if the
   * stored version is not the one this tab knows (ScenarioConflictError), or if the disk is full. Long
   * site lists go to chunks, of which only those that changed since the last save are written. A
   * scenario that is exactly the version last read or written is not written again.
   */
  saveScenario(
    scenario: Scenario,
    options?: SaveOptions,
  ): Promise<{ chunksWritten: number; revision: number }>;
  deleteScenario(id: string): Promise<void>;
  /** Loads every record; `fallbackName` names a recovered scenario whose record lost its name. */
  loadScenarios(options?: { fallbackName?: (key: string) => string }): Promise<LoadedScenarios>;
  /** Reads one scenario as stored now (after another tab saved it). */
  loadScenario(id: string): Promise<LoadedScenario>;
  /** The version of a scenario this tab last read or wrote: the base for merging another tab's version. */
  knownScenario(id: string): Scenario | undefined;
  /** Hears other tabs' saves and deletions; returns a disposer. */
  onOtherTabChange(
    listener: (change: { type: 'saved' | 'deleted'; scenarioId: string; revision?: number }) => void,
  ): () => void;
  /** The revision this tab last read or wrote for a scenario. */
  knownRevision(id: string): number | undefined;
  /**
   * Records that `scenario` holds exactly what is stored (the stored version, re-made by applying it as
   * an edit), so saving it writes nothing: tabs that only follow another's saves never write back.
   */
  acceptAsStored(scenario: Scenario): void;
  /** Forgets what this tab knew of a scenario deleted elsewhere, so saving it writes it afresh. */
  forget(id: string): void;
  /** Every scenario's stored settings (scenario-settings.ts reads them), by scenario id. */
  loadAllSettings(): Promise<Map<string, unknown>>;
  saveSettings(id: string, settings: unknown): Promise<void>;
  getLastOpenScenarioId(): Promise<string | undefined>;
  setLastOpenScenarioId(id: string): Promise<void>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  /** All quarantined records as pretty JSON text; always a file, whatever the records hold. */
  exportQuarantine(nowIso?: string): Promise<string>;
  /** Deletes one quarantined record (after the planner exported it). */
  deleteQuarantined(quarantineId: number): Promise<void>;
  close(): void;
}

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

  const remember = (id: string, revision: number, scenario: Scenario, written: WrittenChunks | undefined) => {
    known.set(id, { revision, scenario });
    if (written) writtenChunks.set(id, written);
    else writtenChunks.delete(id);
  };

  /**
   * Moves a damaged record to quarantine and puts back what was intact, in one transaction that first
   * checks nobody rewrote the record since it was read. Returns the entry, or undefined when it changed.
   */
  const setAside = async (
    read: StoredRecordRead,
    reason: QuarantineReason,
    recovered: Scenario | undefined,
  ): Promise<QuarantineEntry | undefined> => {
    const transaction = database.transaction(
      ['scenarios', 'quarantine', 'siteChunks', 'revisions'],
      'readwrite',
    );
    const done = transaction.done;
    done.catch(() => undefined);
    const scenarios = transaction.objectStore('scenarios');
    if (revisionOf(await scenarios.get(read.key)) !== read.revision) {
      transaction.abort();
      return undefined;
    }
    const entry: QuarantineEntry = {
      sourceStore: 'scenarios',
      sourceKey: read.key,
      record: read.record,
      reason,
      quarantinedAt: new Date().toISOString(),
      appSchemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    };
    if (Object.keys(read.missing).length > 0) entry.missingItems = read.missing;
    if (recovered) entry.recovered = true;
    entry.quarantineId = await transaction.objectStore('quarantine').add(entry);
    const chunks = transaction.objectStore('siteChunks');
    await chunks.delete(chunkRange(read.key));
    if (recovered) {
      const marker = { savedAt: entry.quarantinedAt, tabId: channel?.tabId ?? '' };
      await transaction.objectStore('revisions').put(marker, [read.key, read.revision + 1]);
      const plan = planChunkedWrite(recovered, undefined);
      await Promise.all(plan.puts.map(({ key, items }) => chunks.put(items, key)));
      await scenarios.put({ ...plan.record, revision: read.revision + 1 }, read.key);
      remember(read.key, read.revision + 1, recovered, plan.written);
    } else await scenarios.delete(read.key);
    await done;
    return entry;
  };

  return {
    async saveScenario(scenario, options = {}) {
      const previous = known.get(scenario.id);
      if (previous?.scenario === scenario && !options.overwrite) {
        return { chunksWritten: 0, revision: previous.revision };
      }
      const validation = validateScenario(scenario);
      if (!validation.ok)
        throw new Error(`refusing to save an invalid scenario: ${describeIssues(validation.issues)}`);
      let expected = previous?.revision ?? 0;
      if (options.overwrite) expected = (await readRevision(scenario.id)) ?? 0;
      const revision = expected + 1;
      const plan = planChunkedWrite(validation.scenario, writtenChunks.get(scenario.id));
      // Until this write is known to have landed, what the database holds is unknown.
      writtenChunks.delete(scenario.id);
      const transaction = database.transaction(['scenarios', 'meta', 'siteChunks', 'revisions'], 'readwrite');
      const markers = transaction.objectStore('revisions');
      const chunks = transaction.objectStore('siteChunks');
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
        transaction.objectStore('scenarios').put({ ...plan.record, revision }, scenario.id),
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
      remember(scenario.id, revision, scenario, plan.written);
      channel?.post({ type: 'saved', scenarioId: scenario.id, revision });
      return { chunksWritten: plan.puts.length, revision };
    },

    async deleteScenario(id) {
      const transaction = database.transaction(
        ['scenarios', 'siteChunks', 'revisions', 'scenarioSettings'],
        'readwrite',
      );
      await Promise.all([
        transaction.objectStore('scenarios').delete(id),
        transaction.objectStore('scenarioSettings').delete(id),
        transaction.objectStore('siteChunks').delete(chunkRange(id)),
        transaction
          .objectStore('revisions')
          .delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])),
        transaction.done,
      ]);
      known.delete(id);
      writtenChunks.delete(id);
      channel?.post({ type: 'deleted', scenarioId: id });
    },

    async loadScenario(id) {
      const read = await readStoredRecord(database, id);
      if (!read) return { kind: 'missing' };
      const { decision, reason } = damageOf(read);
      if (reason || decision.kind !== 'valid') {
        return { kind: 'damaged', reason: reason ?? { code: 'invalid', message: 'invalid' } };
      }
      remember(id, read.revision, decision.scenario, read.written);
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
            if (decision.scenario.id === key) remember(key, read.revision, decision.scenario, read.written);
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
    },

    forget(id) {
      known.delete(id);
      writtenChunks.delete(id);
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
