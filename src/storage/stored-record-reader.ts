/**
 * Reading one stored scenario record: the record, its chunks put back, and the storage envelope.
 *
 * The envelope is what a stored record holds besides the scenario itself, stripped before migration and
 * validation, so it never touches the scenario schema:
 * - `chunkedLists`: how many items each list keeps in chunks (site-chunks.ts);
 * - `measurementSetIds`: the measurement sets kept in their own store (measurement-records.ts);
 * - `revision`: how many times this device's storage has written the record (1, 2, …; absent in records
 *   written before revisions, read as 0). Every save checks it, so two tabs never overwrite each other
 *   unseen (scenario-repository.ts). A team server's revision can sit beside it under its own name.
 */
import type { MeasurementSet } from '../domain/calibration/measurement-set';
import type { PlannerDatabase } from './database';
import { assembleMeasurements, measurementSetIdsOf, type WrittenSets } from './measurement-records';
import {
  assembleRecord,
  CHUNKED_FIELDS,
  type ChunkedField,
  chunkedListsOf,
  type MissingItems,
  type WrittenChunks,
} from './site-chunks';

/** Record fields that belong to storage, not to the scenario. */
export const ENVELOPE_FIELDS = ['chunkedLists', 'revision', 'measurementSetIds'] as const;

/** The chunk keys of a scenario, or of one of its lists from an index on. */
export function chunkRange(scenarioId: string, field?: ChunkedField, from = 0): IDBKeyRange {
  return field === undefined
    ? IDBKeyRange.bound([scenarioId], [scenarioId, []])
    : IDBKeyRange.bound([scenarioId, field, from], [scenarioId, field, []]);
}

/** The measurement-set keys of a scenario. */
export function setRange(scenarioId: string): IDBKeyRange {
  return IDBKeyRange.bound([scenarioId], [scenarioId, []]);
}

/** The revision a stored record carries (0 for records from before revisions, undefined for none). */
export function revisionOf(record: unknown): number | undefined {
  if (record === undefined) return undefined;
  const revision =
    typeof record === 'object' && record !== null ? (record as { revision?: unknown }).revision : 0;
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : 0;
}

export interface StoredRecordRead {
  key: string;
  revision: number;
  /** The scenario record as stored, chunked lists put back, envelope removed. */
  record: unknown;
  /** Chunks as read, for the next save's comparison (undefined when any was lost). */
  written: WrittenChunks | undefined;
  /** Items announced but not stored (lost chunks); empty when the record is whole. */
  missing: MissingItems;
  /**
   * Measurement sets as read, for the next save's comparison (undefined for a record without stored
   * sets). A set announced but not stored is `null` in the record's `measurements`, which validation
   * reports and recovery drops.
   */
  sets: WrittenSets | undefined;
}

/** Reads one record and its chunks in one read-only transaction; undefined when there is none. */
export async function readStoredRecord(
  database: PlannerDatabase,
  key: string,
): Promise<StoredRecordRead | undefined> {
  const transaction = database.transaction(['scenarios', 'siteChunks', 'measurementSets'], 'readonly');
  const raw: unknown = await transaction.objectStore('scenarios').get(key);
  if (raw === undefined) {
    await transaction.done;
    return undefined;
  }
  const revision = revisionOf(raw) ?? 0;
  const lists = chunkedListsOf(raw);
  let record: unknown = raw;
  let written: WrittenChunks | undefined;
  let missing: MissingItems = {};
  if (lists) {
    const chunkStore = transaction.objectStore('siteChunks');
    const [keys, values] = await Promise.all([
      chunkStore.getAllKeys(chunkRange(key)),
      chunkStore.getAll(chunkRange(key)),
    ]);
    const byField = new Map<ChunkedField, Map<number, unknown>>(
      CHUNKED_FIELDS.map((field) => [field, new Map()]),
    );
    keys.forEach(([, field, index], position) => {
      byField.get(field)?.set(index, values[position]);
    });
    const assembled = assembleRecord(raw as Record<string, unknown>, lists, (field) => byField.get(field)!);
    record = assembled.record;
    written = Object.keys(assembled.missing).length === 0 ? assembled.written : undefined;
    missing = assembled.missing;
  }
  let sets: Map<string, MeasurementSet> | undefined;
  const setIds = measurementSetIdsOf(raw);
  if (setIds) {
    const setStore = transaction.objectStore('measurementSets');
    const assembled = await assembleMeasurements(record as Record<string, unknown>, setIds, (id) =>
      setStore.get([key, id]),
    );
    record = assembled.record;
    sets = assembled.written;
  }
  await transaction.done;
  if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
    const { revision: _revision, chunkedLists: _lists, ...scenario } = record as Record<string, unknown>;
    record = scenario;
  }
  return { key, revision, record, written, missing, sets };
}
