import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src/domain/history/apply-change';
import type { AppliedEdit } from '../../../src/domain/history/scenario-edit';
import { indexBaseline } from '../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../src/domain/scenario/scenario';
import type { SiteFeature } from '../../../src/domain/types';
import { createAppStore } from '../../../src/state/store';

const site: SiteFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [121.4, 31.2] },
  properties: { id: 'C-1', status: 'candidate' },
};
const other: SiteFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [121.6, 31.1] },
  properties: { id: 'R-1', status: 'candidate' },
};

function storeWithSite() {
  const store = createAppStore();
  const baseline = indexBaseline('b', { type: 'FeatureCollection', features: [] });
  store.getState().setBaseline(baseline);
  store
    .getState()
    .openScenario(
      createScenario({ id: 's', name: 's', baselineRef: baseline.ref, nowIso: '2025-01-01T00:00:00.000Z' }),
    );
  store.getState().editScenario({ kind: 'change', change: { type: 'putSites', sites: [site] } });
  return store;
}

const position = (store: ReturnType<typeof storeWithSite>, index = 0) =>
  store.getState().session!.scenario.addedSites[index]!.geometry.coordinates;
const move = (longitude: number) => ({
  type: 'moveSites' as const,
  moves: [{ id: 'C-1', coordinates: [longitude, 31.2] }],
});
const dragStep = (longitude: number, done = false) =>
  ({
    kind: 'change',
    change: move(longitude),
    labelKey: 'command.moveSites',
    gesture: { id: 'drag-1', done },
  }) as const;

describe('the edit door: a streamed drag is one undo step', () => {
  it('many ticks and the drop leave one history entry; undo returns to the start, redo to the drop', () => {
    const store = storeWithSite();
    for (const longitude of [121.41, 121.42, 121.43]) {
      store.getState().editScenario(dragStep(longitude));
      expect(store.getState().siteDragActive).toBe(true);
      // Live followers (coverage) see every tick.
      expect(position(store)).toEqual([longitude, 31.2]);
    }
    store.getState().editScenario(dragStep(121.45, true));
    expect(store.getState().siteDragActive).toBe(false);
    expect(store.getState().session!.undoStack).toHaveLength(2);
    store.getState().editScenario({ kind: 'undo' });
    expect(position(store)).toEqual([121.4, 31.2]);
    store.getState().editScenario({ kind: 'redo' });
    expect(position(store)).toEqual([121.45, 31.2]);
  });

  it('a cancelled drag restores the session from before it', () => {
    const store = storeWithSite();
    const before = store.getState().session;
    store.getState().editScenario(dragStep(121.5));
    store.getState().editScenario({ kind: 'cancelGesture', gestureId: 'drag-1' });
    expect(store.getState().session).toBe(before);
    expect(store.getState().siteDragActive).toBe(false);
  });

  it('a no-op change adds no undo step, and a change can set the selection with it', () => {
    const store = storeWithSite();
    const before = store.getState().session;
    expect(store.getState().editScenario({ kind: 'change', change: move(121.4) })).toBe(false);
    expect(store.getState().session).toBe(before);
    const changed = store.getState().editScenario({
      kind: 'change',
      change: { type: 'putSites', sites: [other] },
      labelKey: 'command.addSite',
      selection: ['R-1'],
    });
    expect(changed).toBe(true);
    expect(store.getState().selectedSiteIds).toEqual(['R-1']);
    expect(store.getState().session!.undoStack.at(-1)?.labelKey).toBe('command.addSite');
  });
});

describe('the edit door: remote edits (a team server)', () => {
  it('applies a remote change without an undo step; undo then reverts only the local edit', () => {
    const store = storeWithSite();
    store.getState().editScenario({ kind: 'change', change: move(121.41), labelKey: 'command.moveSites' });
    const undoDepth = store.getState().session!.undoStack.length;
    store.getState().editScenario({
      kind: 'change',
      change: { type: 'putSites', sites: [other] },
      origin: 'remote',
    });
    expect(store.getState().session!.undoStack).toHaveLength(undoDepth);
    expect(store.getState().session!.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C-1', 'R-1']);
    store.getState().editScenario({ kind: 'undo' });
    // The local move is undone; the collaborator's site stays.
    expect(position(store)).toEqual([121.4, 31.2]);
    expect(store.getState().session!.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C-1', 'R-1']);
  });

  it('a remote change during a drag keeps the drag one undo step and keeps the remote change', () => {
    const store = storeWithSite();
    store.getState().editScenario(dragStep(121.41));
    store.getState().editScenario({
      kind: 'change',
      change: { type: 'putSites', sites: [other] },
      origin: 'remote',
    });
    store.getState().editScenario(dragStep(121.42));
    store.getState().editScenario(dragStep(121.43, true));
    const session = store.getState().session!;
    expect(session.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C-1', 'R-1']);
    expect(session.undoStack).toHaveLength(2);
    store.getState().editScenario({ kind: 'undo' });
    expect(position(store)).toEqual([121.4, 31.2]);
    expect(store.getState().session!.scenario.addedSites).toHaveLength(2);
  });

  it('listeners hear local edits (a drag once final) marked local, and remote ones marked remote', () => {
    const store = storeWithSite();
    const heard: AppliedEdit[] = [];
    const stop = store.getState().onScenarioEdit((edit) => heard.push(edit));
    store.getState().editScenario(dragStep(121.41));
    store.getState().editScenario(dragStep(121.42, true));
    store
      .getState()
      .editScenario({ kind: 'change', change: { type: 'putSites', sites: [other] }, origin: 'remote' });
    const beforeUndo = store.getState().session!.scenario;
    store.getState().editScenario({ kind: 'undo' });
    const afterUndo = store.getState().session!.scenario;
    stop();
    store.getState().editScenario({ kind: 'redo' });
    expect(heard.map((edit) => [edit.origin, edit.gesture?.final ?? null])).toEqual([
      ['local', false],
      ['local', true],
      ['remote', null],
      ['local', null],
    ]);
    // The final step of the drag carries the whole drag from where it started.
    expect(heard[1]!.change).toEqual(move(121.42));
    // Undo reports the change it applied: replayed on the scenario before the undo, it gives the one after.
    expect(applyChange(beforeUndo, heard[3]!.change).scenario.addedSites).toEqual(afterUndo.addedSites);
    expect(afterUndo.addedSites[0]!.geometry.coordinates).toEqual([121.4, 31.2]);
  });
});
