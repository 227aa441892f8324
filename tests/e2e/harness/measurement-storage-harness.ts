/**
 * Test-only steps for the measurement sets' stored shape (tests/e2e/storage.spec.ts), beside
 * storage-harness.ts on the same page: the columns stored as Blobs, and sets saved in the old shape
 * (typed arrays inside the record, database version 4 as the calibration build left it).
 */
import { applyChange } from '../../../src/domain/history/apply-change';
import { openPlannerDatabase, openScenarioRepository } from '../../../src/storage/index';
import { digest, sampleScenario } from './storage-harness';

/** Each stored field of a set, by its kind ("Blob", "Float32Array", …), as the database holds it. */
function storedShape(value: unknown): Record<string, string> {
  const record = value as Record<string, unknown> & { columnBlobs?: Record<string, unknown> };
  const shape: Record<string, string> = {};
  for (const [key, field] of Object.entries({ ...record, ...record.columnBlobs })) {
    if (key === 'columnBlobs') continue;
    shape[key] = field instanceof Blob ? 'Blob' : ((field as object | null)?.constructor?.name ?? 'null');
  }
  return shape;
}

const measurementHarness = {
  /** The stored shape of one set ([scenarioId, setId]). */
  async storedSetShape(databaseName: string, key: [string, string]) {
    const database = await openPlannerDatabase(databaseName);
    const value = await database.get('measurementSets', key);
    database.close();
    return storedShape(value);
  },

  /**
   * A database at version 4 holding a scenario whose set was saved in the old shape (its columns as
   * typed arrays in the record), opened by this build: loads it, renames and saves it, and reloads.
   */
  async openOldShapeSet(databaseName: string, count: number) {
    const set = {
      id: 'm-old',
      name: '旧格式路测.csv',
      importedAt: '2025-03-01T08:00:00.000Z',
      crs: 'wgs84' as const,
      count,
      rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
      lon: Float64Array.from({ length: count }, (_, index) => 121.4 + (index % 500) * 1e-4),
      lat: Float64Array.from({ length: count }, (_, index) => 31.2 + index * 1e-6),
      rsrpDbm: Float32Array.from({ length: count }, (_, index) => -70 - (index % 50)),
      sinrDb: Float32Array.from({ length: count }, (_, index) => (index % 5 === 0 ? Number.NaN : index % 20)),
    };
    const scenario = applyChange(sampleScenario('old-shape'), {
      type: 'putMeasurements',
      sets: [set],
    }).scenario;
    // Written the way the version-4 build wrote it: the set as it is, typed arrays and all.
    const repository = await openScenarioRepository(databaseName);
    await repository.saveScenario(scenario);
    repository.close();
    const database = await openPlannerDatabase(databaseName);
    await database.put('measurementSets', set, ['old-shape', 'm-old']);
    const version = database.version;
    database.close();
    const before = storedShape(await measurementHarness.rawSet(databaseName));

    const reader = await openScenarioRepository(databaseName);
    const loaded = await reader.loadScenarios();
    const renamed = applyChange(loaded.scenarios[0]!, { type: 'rename', name: '旧格式已迁移' }).scenario;
    const saved = await reader.saveScenario(renamed);
    const again = await reader.saveScenario(applyChange(renamed, { type: 'rename', name: '再改' }).scenario);
    reader.close();
    const after = storedShape(await measurementHarness.rawSet(databaseName));
    const reloader = await openScenarioRepository(databaseName);
    const reloaded = await reloader.loadScenarios();
    // A save right after loading a set stored as Blobs writes no set (the autosave after a reload).
    const afterReload = await reloader.saveScenario(
      applyChange(reloaded.scenarios[0]!, { type: 'rename', name: '重新打开后改名' }).scenario,
    );
    reloader.close();
    return {
      version,
      before,
      after,
      expected: digest(scenario).sets,
      loaded: loaded.scenarios.map((item) => digest(item).sets),
      quarantined: loaded.quarantined.length + reloaded.quarantined.length,
      rewritten: saved.measurementSetsWritten,
      rewrittenAgain: again.measurementSetsWritten,
      reloaded: reloaded.scenarios.map((item) => digest(item).sets),
      writtenAfterReload: afterReload.measurementSetsWritten,
    };
  },

  async rawSet(databaseName: string) {
    const database = await openPlannerDatabase(databaseName);
    const value = await database.get('measurementSets', ['old-shape', 'm-old']);
    database.close();
    return value;
  },
};

declare global {
  interface Window {
    measurementHarness: typeof measurementHarness;
  }
}
window.measurementHarness = measurementHarness;
