/**
 * The IndexedDB layout (through `idb`). Scenario records use out-of-line keys so that even a
 * record with a broken or missing id can still be read, quarantined and exported.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { QuarantineReason } from '../domain/scenario/stored-record';
import type { MeasurementKey } from './measurement-records';
import type { ChunkKey } from './site-chunks';

export const DATABASE_NAME = 'shanghai-infra-planner';
/** IndexedDB structure version (stores and indexes), not the scenario schema version. */
export const DATABASE_VERSION = 4;

export const META_KEYS = {
  lastOpenScenarioId: 'lastOpenScenarioId',
  schemaVersion: 'schemaVersion',
} as const;

/** A record set aside because it failed migration or validation; kept until the user deletes it. */
export interface QuarantineEntry {
  quarantineId?: number;
  /** The store and key the record was read from. */
  sourceStore: 'scenarios';
  sourceKey: string;
  /** The record exactly as stored. */
  record: unknown;
  reason: QuarantineReason;
  /** ISO 8601. */
  quarantinedAt: string;
  /** The scenario schema version of the app that quarantined it. */
  appSchemaVersion: number;
  /** Items the record announced that no stored chunk held (lost chunks), per list. */
  missingItems?: Partial<Record<string, number>>;
  /** True when what was intact went back to the scenarios store under the same key. */
  recovered?: boolean;
}

export interface PlannerDatabaseSchema extends DBSchema {
  scenarios: { key: string; value: unknown };
  meta: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantineEntry };
  /** Chunks of long site lists, keyed [scenarioId, field, index] (see site-chunks.ts). */
  siteChunks: { key: ChunkKey; value: unknown };
  /**
   * One marker per save, keyed [scenarioId, revision]: a save `add`s the marker of the revision it
   * writes, which fails if another tab wrote that revision first, aborting the whole save atomically
   * without a read (so the check also holds for the save flushed as the page closes).
   */
  revisions: { key: [string, number]; value: RevisionMarker };
  /** Per scenario id, the settings around it (coverage mode and threshold, drawn candidate areas). */
  scenarioSettings: { key: string; value: unknown };
  /** Measurement sets of scenarios, keyed [scenarioId, setId] (see measurement-records.ts). */
  measurementSets: { key: MeasurementKey; value: unknown };
}

export interface RevisionMarker {
  /** ISO 8601. */
  savedAt: string;
  /** The tab that wrote it (scenario-channel.ts). */
  tabId: string;
}

export type PlannerDatabase = IDBPDatabase<PlannerDatabaseSchema>;

/** Opens (creating or upgrading) the planner database. */
export function openPlannerDatabase(name = DATABASE_NAME): Promise<PlannerDatabase> {
  return openDB<PlannerDatabaseSchema>(name, DATABASE_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('scenarios');
        database.createObjectStore('meta');
        database.createObjectStore('quarantine', { keyPath: 'quarantineId', autoIncrement: true });
      }
      if (oldVersion < 2) database.createObjectStore('siteChunks');
      // Version 3 was given to two unreleased builds at once: one made `revisions` and
      // `scenarioSettings`, the other `measurementSets`. Version 4 makes whichever of the three is
      // missing, so a database from either build (or from version 2, or new) ends with all of them.
      for (const store of ['revisions', 'scenarioSettings', 'measurementSets'] as const) {
        if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
      }
    },
  });
}
