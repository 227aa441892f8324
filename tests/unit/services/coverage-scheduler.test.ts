/**
 * The coverage job scheduler between the store and the coverage worker. The engine port is a fake
 * (support/fake-coverage-engine.ts); the scheduler, the store and the scenario code are the real ones,
 * and a last test runs the real engine behind the real client.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageStats } from '../../../src/domain/coverage/report';
import { indexBaseline } from '../../../src/domain/scenario/baseline-sites';
import { createScenario, materializeScenarioSites } from '../../../src/domain/scenario/scenario';
import type { SiteFeature } from '../../../src/domain/types';
import {
  type CoverageResult,
  type CoverageUpdate,
  createCoverageApi,
} from '../../../src/engine/coverage-api';
import { type ComputeCallOptions, CoverageClient } from '../../../src/engine/coverage-client';
import { type CoverageEnginePort, CoverageScheduler } from '../../../src/services/coverage-scheduler';
import { createAppStore } from '../../../src/state/store';
import { city, islandZone, site } from '../support/coverage/synthetic-city';
import {
  EDIT_ELAPSED_MS,
  FakeEngine,
  type FakeStats,
  FULL_ELAPSED_MS,
} from '../support/services/fake-coverage-engine';

const baselineSites = [site('B1', 121.42, 31.22), site('B2', 121.48, 31.24)];

function setUp(engine: CoverageEnginePort) {
  const store = createAppStore();
  const baseline = indexBaseline('b', { type: 'FeatureCollection', features: baselineSites });
  store.getState().setBaseline(baseline);
  store
    .getState()
    .openScenario(
      createScenario({ id: 's', name: 's', baselineRef: baseline.ref, nowIso: '2025-01-01T00:00:00.000Z' }),
    );
  const images: string[] = [];
  const scheduler = new CoverageScheduler(
    engine,
    store,
    {
      raster: () => images.push('image'),
      patches: () => images.push('patches'),
      delivered: () => undefined,
    },
    store.getState().coverageSettings,
  );
  const addSite = (id: string, lon = 121.45, lat = 31.23) => {
    store
      .getState()
      .editScenario({ kind: 'change', change: { type: 'putSites', sites: [site(id, lon, lat)] } });
    scheduler.requestEdit();
  };
  return { store, scheduler, images, addSite };
}

/** Lets queued promise callbacks run until the scheduler has nothing running or waiting. */
async function settle(scheduler: CoverageScheduler): Promise<void> {
  for (let round = 0; round < 200; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (scheduler.idle) return;
  }
  throw new Error('the scheduler never settled');
}

const delivered = (stats: CoverageStats | null) => (stats as FakeStats | null)?.siteIds ?? null;

describe('coverage scheduler: edits are coalesced', () => {
  it('edits made during a full compute cost one edit job that reads the newest scenario', async () => {
    const engine = new FakeEngine();
    engine.holdFull = true;
    const { store, scheduler, addSite } = setUp(engine);
    scheduler.requestFull();
    for (const id of ['C1', 'C2', 'C3']) addSite(id);
    expect(engine.calls).toEqual(['compute:2']);
    engine.release();
    await settle(scheduler);
    // Each new site is sent once, after the full compute: no job per edit.
    expect(engine.calls).toEqual(['compute:2', 'upsert:C1', 'upsert:C2', 'upsert:C3']);
    expect(delivered(store.getState().coverageStats)).toEqual(['B1', 'B2', 'C1', 'C2', 'C3']);
    expect(delivered(store.getState().baselineCoverageStats)).toEqual(['B1', 'B2']);
    expect(store.getState().coverageStatus).toBe('ready');
  });

  it('a drag streaming while an edit is in flight costs one more edit carrying the last position', async () => {
    const engine = new FakeEngine();
    const { store, scheduler, addSite } = setUp(engine);
    scheduler.requestFull();
    await settle(scheduler);
    engine.holdEdits = true;
    addSite('C1', 121.45, 31.23);
    for (const lon of [121.451, 121.452, 121.453, 121.454]) {
      store.getState().editScenario({
        kind: 'change',
        change: { type: 'moveSites', moves: [{ id: 'C1', coordinates: [lon, 31.23] }] },
        gesture: { id: 'drag' },
      });
      scheduler.requestEdit();
    }
    engine.holdEdits = false;
    engine.releaseEdits();
    await settle(scheduler);
    expect(engine.calls.filter((call) => call.startsWith('upsert'))).toEqual(['upsert:C1', 'upsert:C1']);
    expect(engine.sites.get('C1')!.geometry.coordinates).toEqual([121.454, 31.23]);
    expect(store.getState().coverageStatus).toBe('ready');
  });
});

describe('coverage scheduler: what an edit reports', () => {
  it("an edit keeps the full compute's time in the store (the panel's figure; e2e reads it as 'no recompute')", async () => {
    const engine = new FakeEngine();
    const { store, scheduler, addSite } = setUp(engine);
    scheduler.requestFull();
    await settle(scheduler);
    expect(store.getState().coverageElapsedMs).toBe(FULL_ELAPSED_MS);
    addSite('C1');
    await settle(scheduler);
    expect(engine.calls).toEqual(['compute:2', 'upsert:C1']);
    expect(delivered(store.getState().coverageStats)).toEqual(['B1', 'B2', 'C1']);
    expect(store.getState().coverageElapsedMs).not.toBe(EDIT_ELAPSED_MS);
    expect(store.getState().coverageElapsedMs).toBe(FULL_ELAPSED_MS);
  });
});

describe('coverage scheduler: stale results, cancel and errors', () => {
  it('drops an overtaken full compute: only the newest result and its progress reach the store', async () => {
    const engine = new FakeEngine();
    engine.holdFull = true;
    const { store, scheduler } = setUp(engine);
    const deliveries: unknown[] = [];
    store.subscribe(
      (state) => state.coverageStats,
      (stats) => deliveries.push(stats),
    );
    scheduler.requestFull();
    const first = engine.waitingFull!;
    store.getState().setCoverageSettings({ mode: 'pathloss' });
    scheduler.requestFull();
    expect(engine.calls).toContain('cancel');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The first compute's late progress must not move the bar of the one now running.
    first.options.onProgress?.(0.9);
    expect(store.getState().coverageProgress).toBe(0);
    expect(store.getState().coverageStatus).toBe('computing');
    engine.release();
    await settle(scheduler);
    expect(deliveries).toHaveLength(1);
    expect((store.getState().coverageStats as FakeStats).job).toBe(1);
    expect(store.getState().coverageStatus).toBe('ready');
  });

  it('cancel stops the full compute; edits then wait for the recompute, which includes them', async () => {
    const engine = new FakeEngine();
    engine.holdFull = true;
    const { store, scheduler, addSite } = setUp(engine);
    scheduler.requestFull();
    scheduler.cancel();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('cancelled');
    addSite('C1');
    await settle(scheduler);
    expect(engine.calls.some((call) => call.startsWith('upsert'))).toBe(false);
    expect(store.getState().coverageStatus).toBe('cancelled');
    engine.holdFull = false;
    scheduler.requestFull();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('ready');
    expect(delivered(store.getState().coverageStats)).toEqual(['B1', 'B2', 'C1']);
  });

  it('a cancel the worker answered too late still cancels: the old figures stay, and edits wait', async () => {
    const engine = new FakeEngine();
    const { store, scheduler, addSite } = setUp(engine);
    scheduler.requestFull();
    await settle(scheduler);
    const before = store.getState().coverageStats;
    engine.holdFull = true;
    engine.cancelTooLate = true;
    store.getState().setCoverageSettings({ mode: 'pathloss' });
    scheduler.requestFull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The user pressed cancel while the worker was already sending its result.
    scheduler.cancel();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('cancelled');
    expect(store.getState().coverageStats).toBe(before);
    addSite('C1');
    await settle(scheduler);
    expect(engine.calls.some((call) => call.startsWith('upsert'))).toBe(false);
  });

  it('surfaces a worker error in the store, and the next request recomputes from scratch', async () => {
    const engine = new FakeEngine();
    const { store, scheduler, addSite } = setUp(engine);
    engine.failNext = new Error('worker crashed');
    scheduler.requestFull();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('error');
    expect(store.getState().coverageError).toBe('worker crashed');
    scheduler.requestFull();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('ready');
    // An edit that fails leaves the engine's site list unknown: the next edit is a full compute.
    engine.failNext = new Error('edit lost');
    addSite('C1');
    await settle(scheduler);
    expect(store.getState().coverageError).toBe('edit lost');
    const callsBefore = engine.calls.length;
    addSite('C2');
    await settle(scheduler);
    expect(engine.calls[callsBefore]).toMatch(/^compute:/);
    expect(delivered(store.getState().coverageStats)).toEqual(['B1', 'B2', 'C1', 'C2']);
  });
});

describe('coverage scheduler on the real engine', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });

  it('after edits, the figures equal a fresh compute of the scenario, and the baseline figures its own', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose(createCoverageApi(), channel.port1 as unknown as Comlink.Endpoint);
    const client = new CoverageClient(channel.port2 as unknown as Comlink.Endpoint);
    const settings = { cellM: 100, minGapAreaKm2: 0 };
    await client.init({ ...city, zones: islandZone, settings });
    const { store, scheduler, images, addSite } = setUp(client);
    store.getState().setCoverageSettings(settings);
    scheduler.requestFull();
    addSite('C1', 121.5, 31.25);
    addSite('C2', 121.61, 31.31);
    store.getState().editScenario({
      kind: 'change',
      change: { type: 'moveSites', moves: [{ id: 'C1', coordinates: [121.44, 31.21] }] },
    });
    scheduler.requestEdit();
    await settle(scheduler);
    expect(store.getState().coverageStatus).toBe('ready');
    expect(images.length).toBeGreaterThan(0);

    const fresh = createCoverageApi();
    await fresh.init({ ...city, zones: islandZone, settings });
    const state = store.getState();
    const scenarioSites = materializeScenarioSites(state.baseline!, state.session!.scenario);
    const expected = await fresh.compute(scenarioSites, { requestId: 1, raster: 'none' });
    expect(state.coverageStats!.sites.total).toBe(4);
    expect(state.coverageStats!.coveredKm2).toBeCloseTo(expected.stats.coveredKm2, 9);
    const baselineOnly = await fresh.compute(baselineSites, { requestId: 2, raster: 'none' });
    expect(state.baselineCoverageStats!.coveredKm2).toBeCloseTo(baselineOnly.stats.coveredKm2, 9);
    expect(state.coverageStats!.coveredKm2).toBeGreaterThan(baselineOnly.stats.coveredKm2);
  });
});
