/**
 * How a measurement set is stored: its typed-array columns as Blobs. Putting a record that holds 10⁵–10⁶
 * samples as typed arrays made Chromium serialise the whole ~6 MB on the page's main thread inside the
 * save (a task of hundreds of milliseconds, docs/calibration.md §9); a Blob is handed to the browser's
 * blob storage as the page makes it and is written to disk without the main thread, and the record that
 * IndexedDB serialises holds only references to it. Reading turns each Blob back into its typed array
 * (`Blob.arrayBuffer()`, read off the main thread). Sets saved before (typed arrays in the record) read
 * as they are and are reported as the old shape, so that the next save writes them again as Blobs.
 */
import {
  MEASUREMENT_COLUMN_KEYS,
  MEASUREMENT_COLUMN_TYPES,
  type MeasurementColumnKey,
  type MeasurementSet,
} from '../domain/calibration/measurement-set';

/** The stored shape's marker: a record with `columnBlobs` holds its columns as Blobs. */
export interface StoredMeasurementSet extends Omit<MeasurementSet, MeasurementColumnKey> {
  columnBlobs: Partial<Record<MeasurementColumnKey, Blob>>;
}

/** Blob slices made one per task ahead of the save: a 6 MB Blob made at once is itself a long task. */
const SLICE_BYTES = 256 * 1024;

/** Stored forms made ahead (prepareStoredMeasurementSets), by set: a set never changes once imported. */
const prepared = new WeakMap<MeasurementSet, StoredMeasurementSet>();
const preparing = new WeakSet<MeasurementSet>();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function withoutColumns(set: MeasurementSet): Omit<MeasurementSet, MeasurementColumnKey> {
  const rest: Record<string, unknown> = { ...set };
  for (const key of MEASUREMENT_COLUMN_KEYS) delete rest[key];
  return rest as Omit<MeasurementSet, MeasurementColumnKey>;
}

const bytesOf = (column: ArrayBufferView) =>
  new Uint8Array(column.buffer as ArrayBuffer, column.byteOffset, column.byteLength);

/**
 * The record a save puts for a set: the one made ahead when there is one, else made now, in the save's
 * task (a save flushed as the page closes cannot wait).
 */
export function storedMeasurementSet(set: MeasurementSet): StoredMeasurementSet {
  const ready = prepared.get(set);
  if (ready) return ready;
  const columnBlobs: StoredMeasurementSet['columnBlobs'] = {};
  for (const key of MEASUREMENT_COLUMN_KEYS) {
    const column = set[key];
    if (column) columnBlobs[key] = new Blob([bytesOf(column)]);
  }
  return { ...withoutColumns(set), columnBlobs };
}

/**
 * Makes the stored form of sets not made yet, a slice of at most 256 KB per task, so that the next save
 * only puts references (autosave starts it as soon as a scenario with a new set is seen, a second before
 * it saves). A column's Blob is the list of its slices' Blobs, which the browser joins without a copy.
 */
export async function prepareStoredMeasurementSets(
  sets: readonly MeasurementSet[],
  yieldTask: () => Promise<void> = nextTask,
): Promise<void> {
  for (const set of sets) {
    if (prepared.has(set) || preparing.has(set)) continue;
    preparing.add(set);
    const columnBlobs: StoredMeasurementSet['columnBlobs'] = {};
    for (const key of MEASUREMENT_COLUMN_KEYS) {
      const column = set[key];
      if (!column) continue;
      const bytes = bytesOf(column);
      const slices: Blob[] = [];
      for (let start = 0; start < bytes.byteLength; start += SLICE_BYTES) {
        await yieldTask();
        slices.push(new Blob([bytes.subarray(start, start + SLICE_BYTES)]));
      }
      columnBlobs[key] = new Blob(slices);
    }
    prepared.set(set, { ...withoutColumns(set), columnBlobs });
    preparing.delete(set);
  }
}

/**
 * A stored value as a set: Blob columns read back into typed arrays. `current` is false for a set in
 * the old shape (or anything else, left for validation to judge), which the next save rewrites.
 */
export async function measurementSetFromStored(value: unknown): Promise<{ set: unknown; current: boolean }> {
  if (typeof value !== 'object' || value === null || !('columnBlobs' in value)) {
    return { set: value, current: false };
  }
  const { columnBlobs, ...rest } = value as { columnBlobs: unknown } & Record<string, unknown>;
  if (typeof columnBlobs !== 'object' || columnBlobs === null) return { set: rest, current: false };
  const set: Record<string, unknown> = rest;
  await Promise.all(
    MEASUREMENT_COLUMN_KEYS.map(async (key) => {
      const blob = (columnBlobs as Record<string, unknown>)[key];
      if (!(blob instanceof Blob)) return;
      const bytes = await blob.arrayBuffer();
      const Type = MEASUREMENT_COLUMN_TYPES[key];
      // A Blob whose length is not a whole number of values is damage: left for validation to refuse.
      set[key] = bytes.byteLength % Type.BYTES_PER_ELEMENT === 0 ? new Type(bytes) : null;
    }),
  );
  return { set, current: true };
}
