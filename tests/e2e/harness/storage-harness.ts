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
