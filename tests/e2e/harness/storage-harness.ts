/**
 * Test-only page: runs the real storage/ module in Chromium's IndexedDB and exposes a few steps
 * on window for tests/e2e/storage.spec.ts. Served by a separate Vite dev server started by the spec;
 * the app build never includes it.
 */
import { applyChange } from '../../../src/domain/history/apply-change';
import { createScenario } from '../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { installAutosave, openPlannerDatabase, openScenarioRepository } from '../../../src/storage/index';

const NOW = '2025-03-01T08:00:00.000Z';

export function sampleScenario(id: string): Scenario {
  const empty = createScenario({
    id,
    name: '浦东补盲方案',
    baselineRef: { id: 'sample', featureCount: 12, hash: 'abcd1234' },
    nowIso: NOW,
  });
  return applyChange(empty, {
    type: 'batch',
    changes: [
      {
        type: 'putSites',
        sites: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [121.5012345, 31.2345678] },
            properties: {
              id: 'C1',
              name: '陆家嘴 "一号", 微站',
              kind: 'micro',
              heightM: 12,
              status: 'candidate',
              poleId: 'P7',
            },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [121.52, 31.24] },
            properties: { id: 'C2', band: 'n78', azimuthDeg: 120, beamwidthDeg: 65, status: 'planned' },
          },
        ],
      },
      { type: 'markForRemoval', ids: ['B3'] },
    ],
  }).scenario;
}

/** Names, column types and sums of a scenario's measurement sets (typed arrays do not cross evaluate). */
export function digest(scenario: Scenario) {
  return {
    name: scenario.name,
    sets: scenario.measurements.map((set) => ({
      id: set.id,
      count: set.count,
      columns: Object.fromEntries(
        (['rowNumbers', 'lon', 'lat', 'rsrpDbm', 'sinrDb'] as const).map((key) => {
          const column = set[key]!;
          let sum = 0;
          let nan = 0;
          for (const value of column) {
            if (Number.isNaN(value)) nan++;
            else sum += value;
          }
          return [key, `${column.constructor.name}:${column.length}:${sum}:${nan}`];
        }),
      ),
    })),
  };
}

const harness = {
  sampleScenario,

  async save(databaseName: string, scenario: Scenario) {
    const repository = await openScenarioRepository(databaseName);
    await repository.saveScenario(scenario);
    await repository.setLastOpenScenarioId(scenario.id);
    repository.close();
  },

  async load(databaseName: string) {
    const repository = await openScenarioRepository(databaseName);
    const loaded = await repository.loadScenarios();
    const quarantine = await repository.listQuarantine();
    const exported = await repository.exportQuarantine('2025-03-01T00:00:00.000Z');
    repository.close();
    return { loaded, quarantine, exported };
  },

  /**
   * A scenario with `count` added sites saved, one site moved and saved again by the same repository;
   * returns how many chunks each save wrote, and the moved scenario.
   */
  async saveLongThenMove(databaseName: string, count: number) {
    const scenario = applyChange(sampleScenario('long'), {
      type: 'putSites',
      sites: Array.from({ length: count }, (_, index) => ({
        type: 'Feature' as const,
        geometry: {
          type: 'Point' as const,
          coordinates: [121.3 + (index % 100) * 0.004, 31.1 + index * 1e-5],
        },
        properties: { id: `L${index}`, status: 'candidate' as const, name: `候选 ${index}` },
      })),
    }).scenario;
    const moved = applyChange(scenario, {
      type: 'moveSites',
      moves: [{ id: `L${count - 3}`, coordinates: [121.55, 31.25] }],
    }).scenario;
    const repository = await openScenarioRepository(databaseName);
    const first = await repository.saveScenario(scenario);
    const second = await repository.saveScenario(moved);
    repository.close();
    return { first: first.chunksWritten, second: second.chunksWritten, moved };
  },

  /**
   * Two repositories on one database, as two tabs: both read a 3,000-site scenario, the first adds a
   * site and saves, then the second (still at the old revision) adds another and tries to save.
   */
  async conflictingSaves(databaseName: string) {
    const seed = applyChange(sampleScenario('shared'), {
      type: 'putSites',
      sites: Array.from({ length: 3000 }, (_, index) => ({
        type: 'Feature' as const,
        geometry: {
          type: 'Point' as const,
          coordinates: [121.3 + (index % 100) * 0.004, 31.1 + index * 1e-5],
        },
        properties: { id: `S${index}`, status: 'candidate' as const },
      })),
    }).scenario;
    const setup = await openScenarioRepository(databaseName);
    await setup.saveScenario(seed);
    setup.close();
    const first = await openScenarioRepository(databaseName);
    const second = await openScenarioRepository(databaseName);
    const mine = (await first.loadScenarios()).scenarios[0]!;
    const theirs = (await second.loadScenarios()).scenarios[0]!;
    const site = (id: string, longitude: number) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [longitude, 31.2] },
      properties: { id, status: 'candidate' as const },
    });
    const firstVersion = applyChange(mine, { type: 'putSites', sites: [site('FIRST', 121.41)] }).scenario;
    const secondVersion = applyChange(theirs, {
      type: 'moveSites',
      moves: [{ id: 'S10', coordinates: [121.6, 31.3] }],
    }).scenario;
    const firstRevision = (await first.saveScenario(firstVersion)).revision;
    let secondError: { name: string; storedRevision: number | undefined } | null = null;
    try {
      await second.saveScenario(secondVersion);
    } catch (error) {
      secondError = {
        name: (error as Error).name,
        storedRevision: (error as { storedRevision?: number }).storedRevision,
      };
    }
    const check = await openScenarioRepository(databaseName);
    const stored = (await check.loadScenarios()).scenarios[0]!;
    check.close();
    const reread = await second.loadScenario('shared');
    const merged =
      reread.kind === 'valid'
        ? applyChange(reread.scenario, { type: 'putSites', sites: [site('SECOND', 121.42)] }).scenario
        : secondVersion;
    const afterReload = await second.saveScenario(merged);
    first.close();
    second.close();
    return {
      firstRevision,
      secondError,
      firstIds: firstVersion.addedSites.map((item) => item.properties.id),
      storedIds: stored.addedSites.map((item) => item.properties.id),
      afterReload: { revision: afterReload.revision, count: merged.addedSites.length },
    };
  },

  /**
   * A scenario with a measurement set of `count` samples saved, renamed and saved again; returns how
   * many sets each save wrote and a digest of the set's columns.
   */
  async saveMeasurementsThenRename(databaseName: string, count: number) {
    const set = {
      id: 'm-2026-11-02',
      name: '路测 11月.csv',
      importedAt: NOW,
      crs: 'gcj02' as const,
      count,
      rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
      lon: Float64Array.from({ length: count }, (_, index) => 121.3 + (index % 1000) * 1e-4),
      lat: Float64Array.from({ length: count }, (_, index) => 31.1 + index * 1e-6),
      rsrpDbm: Float32Array.from({ length: count }, (_, index) => -60 - (index % 80)),
      sinrDb: Float32Array.from({ length: count }, (_, index) => (index % 7 === 0 ? Number.NaN : index % 30)),
    };
    const scenario = applyChange(sampleScenario('measured'), {
      type: 'putMeasurements',
      sets: [set],
    }).scenario;
    const renamed = applyChange(scenario, { type: 'rename', name: '改名后' }).scenario;
    const repository = await openScenarioRepository(databaseName);
    const first = await repository.saveScenario(scenario);
    const second = await repository.saveScenario(renamed);
    repository.close();
    return {
      first: first.measurementSetsWritten,
      second: second.measurementSetsWritten,
      digest: digest(renamed),
    };
  },

  /** The loaded scenarios' names and measurement digests. */
  async loadMeasurementDigests(databaseName: string) {
    const repository = await openScenarioRepository(databaseName);
    const loaded = await repository.loadScenarios();
    repository.close();
    return loaded.scenarios.map(digest);
  },

  /**
   * A database left at version 3 by one of the two unreleased builds that used that number (`stores`
   * are the stores it made besides scenarios, meta, quarantine and siteChunks), then opened by this
   * build: returns the version and stores it ends with, and whether a scenario with a measurement set
   * and settings saves and loads in it.
   */
  async openVersion3Database(databaseName: string, stores: string[]) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(databaseName, 3);
      request.onupgradeneeded = () => {
        const database = request.result;
        database.createObjectStore('scenarios');
        database.createObjectStore('meta');
        database.createObjectStore('quarantine', { keyPath: 'quarantineId', autoIncrement: true });
        database.createObjectStore('siteChunks');
        for (const store of stores) database.createObjectStore(store);
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const database = await openPlannerDatabase(databaseName);
    const opened = { version: database.version, stores: [...database.objectStoreNames].sort() };
    database.close();
    const set = {
      id: 'm-1',
      name: 'drive.csv',
      importedAt: NOW,
      crs: 'wgs84' as const,
      count: 2,
      rowNumbers: Uint32Array.from([2, 3]),
      lon: Float64Array.from([121.5, 121.51]),
      lat: Float64Array.from([31.2, 31.21]),
      rsrpDbm: Float32Array.from([-80, -95]),
      sinrDb: Float32Array.from([12, 3]),
    };
    const scenario = applyChange(sampleScenario('upgraded'), {
      type: 'putMeasurements',
      sets: [set],
    }).scenario;
    const repository = await openScenarioRepository(databaseName);
    await repository.saveScenario(scenario);
    await repository.saveSettings('upgraded', { mode: 'rsrp' });
    repository.close();
    const reader = await openScenarioRepository(databaseName);
    const loaded = await reader.loadScenarios();
    const settings = await reader.loadAllSettings();
    reader.close();
    return {
      ...opened,
      loaded: loaded.scenarios.map(digest),
      quarantined: loaded.quarantined.length,
      settings: settings.get('upgraded'),
    };
  },

  /** Deletes one stored chunk (a damaged database). */
  async dropChunk(databaseName: string, key: [string, string, number]) {
    const database = await openPlannerDatabase(databaseName);
    await database.delete('siteChunks', key as never);
    database.close();
  },

  /** Writes a record straight into the scenarios store, bypassing validation (old or corrupt data). */
  async writeRaw(databaseName: string, key: string, value: unknown) {
    const database = await openPlannerDatabase(databaseName);
    await database.put('scenarios', value, key);
    database.close();
  },

  /** A tiny store with autosave wired the way app/ will wire it; returns a function that edits. */
  async startAutosave(databaseName: string) {
    const repository = await openScenarioRepository(databaseName);
    let state = { scenario: sampleScenario('auto-1') };
    const listeners = new Set<(value: typeof state) => void>();
    installAutosave({
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      selectScenario: (value) => value.scenario,
      repository,
    });
    (window as unknown as { renameScenario: (name: string) => void }).renameScenario = (name) => {
      state = { scenario: applyChange(state.scenario, { type: 'rename', name }).scenario };
      for (const listener of listeners) listener(state);
    };
  },
};

declare global {
  interface Window {
    storageHarness: typeof harness;
  }
}
window.storageHarness = harness;
document.getElementById('status')!.textContent = 'ready';
