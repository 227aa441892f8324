/**
 * Moving a damaged scenario record to quarantine, and putting back what was intact (recover-record.ts)
 * under the same key, in one transaction: the record is moved, never lost halfway.
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import { CURRENT_SCENARIO_SCHEMA_VERSION } from '../domain/scenario/scenario-types';
import type { QuarantineReason } from '../domain/scenario/stored-record';
import type { PlannerDatabase, QuarantineEntry } from './database';
import { planMeasurementWrite, type WrittenSets } from './measurement-records';
import { planChunkedWrite, type WrittenChunks } from './site-chunks';
import { chunkRange, revisionOf, type StoredRecordRead, setRange } from './stored-record-reader';

export interface SetAsideResult {
  entry: QuarantineEntry;
  /** What went back under the key, when something was recovered. */
  stored?: { revision: number; written: WrittenChunks; sets: WrittenSets };
}

/**
 * Quarantines `read` and writes `recovered` (if any) as its next revision, after checking in the same
 * transaction that nobody rewrote the record since it was read. Undefined when it changed meanwhile.
 */
export async function setAsideRecord(
  database: PlannerDatabase,
  read: StoredRecordRead,
  reason: QuarantineReason,
  recovered: Scenario | undefined,
  tabId: string,
): Promise<SetAsideResult | undefined> {
  const transaction = database.transaction(
    ['scenarios', 'quarantine', 'siteChunks', 'revisions', 'measurementSets'],
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
  const setStore = transaction.objectStore('measurementSets');
  await chunks.delete(chunkRange(read.key));
  if (!recovered) {
    await setStore.delete(setRange(read.key));
    await scenarios.delete(read.key);
    await done;
    return { entry };
  }
  const revision = read.revision + 1;
  const marker = { savedAt: entry.quarantinedAt, tabId };
  await transaction.objectStore('revisions').put(marker, [read.key, revision]);
  const plan = planChunkedWrite(recovered, undefined);
  // The sets read are still stored: only those recovery dropped are deleted, none is rewritten.
  const sets = planMeasurementWrite(recovered, read.sets);
  const { measurements: _sets, ...record } = plan.record;
  await Promise.all([
    ...plan.puts.map(({ key, items }) => chunks.put(items, key)),
    ...sets.deletes.map((key) => setStore.delete(key)),
    ...sets.puts.map(({ key, value }) => setStore.put(value, key)),
  ]);
  await scenarios.put({ ...record, measurementSetIds: sets.measurementSetIds, revision }, read.key);
  await done;
  return { entry, stored: { revision, written: plan.written, sets: sets.written } };
}
