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

function sampleScenario(id: string): Scenario {
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
function digest(scenario: Scenario) {
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
