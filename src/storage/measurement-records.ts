/**
 * Measurement sets stored beside the scenario record, one IndexedDB record per set under
 * [scenarioId, setId]. A set never changes once imported, so a save writes only sets this session has
 * not written (an import) and deletes those the scenario dropped: an autosave after a drag writes no
 * measurement at all, however many 10⁶-sample sets the scenario holds. The scenario record keeps the
 * ids under `measurementSetIds`; loading puts the sets back before migration and validation, so a
 * missing set sends the record to quarantine like any other invalid record.
 */
import type { MeasurementSet } from '../domain/calibration/measurement-set';
import type { Scenario } from '../domain/scenario/scenario-types';
import {
  measurementSetFromStored,
  type StoredMeasurementSet,
  storedMeasurementSet,
} from './measurement-blobs';

export type MeasurementKey = [scenarioId: string, setId: string];

/** Per scenario, the set objects the database holds as this session knows them. */
export type WrittenSets = ReadonlyMap<string, MeasurementSet>;

export interface MeasurementWrite {
  /** The records to put: each set with its columns as Blobs (measurement-blobs.ts). */
  puts: { key: MeasurementKey; value: StoredMeasurementSet }[];
  deletes: MeasurementKey[];
  /** The stored record's field: the ids, in order. */
  measurementSetIds: string[];
  written: WrittenSets;
}

/** What a save writes of a scenario's sets. `previous` undefined: nothing is known to be stored. */
export function planMeasurementWrite(
  scenario: Scenario,
  previous: WrittenSets | undefined,
): MeasurementWrite {
  const written = new Map<string, MeasurementSet>();
  const puts: MeasurementWrite['puts'] = [];
  for (const set of scenario.measurements) {
    if (previous?.get(set.id) !== set)
      puts.push({ key: [scenario.id, set.id], value: storedMeasurementSet(set) });
    written.set(set.id, set);
  }
  const deletes: MeasurementKey[] = [];
  for (const id of previous?.keys() ?? []) if (!written.has(id)) deletes.push([scenario.id, id]);
  return { puts, deletes, measurementSetIds: scenario.measurements.map((set) => set.id), written };
}

/** The ids a stored record announces, or undefined for a record without stored sets. */
export function measurementSetIdsOf(record: unknown): string[] | undefined {
  if (typeof record !== 'object' || record === null || !('measurementSetIds' in record)) return undefined;
  const ids = (record as { measurementSetIds: unknown }).measurementSetIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The record with its sets put back (read with `readSet`, their Blob columns read back) and without
 * `measurementSetIds`. A missing set leaves `null` in its place, which validation reports. Sets stored in
 * the old shape (typed arrays in the record) are left out of `written`, so the next save rewrites them.
 */
export async function assembleMeasurements(
  record: Record<string, unknown>,
  ids: readonly string[],
  readSet: (id: string) => Promise<unknown>,
): Promise<{ record: Record<string, unknown>; written: Map<string, MeasurementSet> }> {
  const { measurementSetIds: _announced, ...assembled } = record;
  // Every get is placed before any Blob is read, so that the read transaction stays alive for them all.
  const stored = await Promise.all(ids.map((id) => readSet(id)));
  const sets: unknown[] = [];
  const written = new Map<string, MeasurementSet>();
  for (const [position, id] of ids.entries()) {
    const { set, current } = await measurementSetFromStored(stored[position]);
    sets.push(set ?? null);
    if (set && current) written.set(id, set as MeasurementSet);
  }
  assembled.measurements = sets;
  return { record: assembled, written };
}

/**
 * What the database holds of a loaded scenario's sets, keyed to the scenario's own set objects: loading
 * migrates and validates the record into new objects, and a set never changes under its id, so the sets
 * read (in the current shape) are the scenario's sets of those ids. Without this, the first save after
 * every load would write every set again.
 */
export function writtenAfterLoad(read: WrittenSets, scenario: Scenario): WrittenSets {
  const written = new Map<string, MeasurementSet>();
  for (const set of scenario.measurements) if (read.has(set.id)) written.set(set.id, set);
  return written;
}
