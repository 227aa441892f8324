import { describe, expect, it } from 'vitest';
import { indexBaseline } from '../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../src/domain/scenario/scenario';
import type { SiteFeature } from '../../../src/domain/types';
import { createAppStore } from '../../../src/state/store';

const site: SiteFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [121.4, 31.2] },
  properties: { id: 'C-1', status: 'candidate' },
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
  store.getState().commitScenarioChange({ type: 'putSites', sites: [site] });
  return store;
}

const position = (store: ReturnType<typeof storeWithSite>) =>
  store.getState().session!.scenario.addedSites[0]!.geometry.coordinates;
const move = (longitude: number) => ({
  type: 'moveSites' as const,
  moves: [{ id: 'C-1', coordinates: [longitude, 31.2] }],
});

describe('planner slice: a streamed drag is one undo step', () => {
  it('many ticks and the drop leave one history entry; undo returns to the start, redo to the drop', () => {
    const store = storeWithSite();
    store.getState().beginSiteDrag();
    for (const longitude of [121.41, 121.42, 121.43]) {
      store.getState().updateSiteDrag(move(longitude), 'command.moveSites');
      // Live followers (coverage) see every tick.
      expect(position(store)).toEqual([longitude, 31.2]);
    }
    store.getState().endSiteDrag(move(121.45), 'command.moveSites');
    expect(store.getState().siteDragActive).toBe(false);
    expect(store.getState().session!.undoStack).toHaveLength(2);
    store.getState().undoScenario();
    expect(position(store)).toEqual([121.4, 31.2]);
    store.getState().redoScenario();
    expect(position(store)).toEqual([121.45, 31.2]);
  });

  it('a cancelled drag restores the session from before it', () => {
    const store = storeWithSite();
    const before = store.getState().session;
    store.getState().beginSiteDrag();
    store.getState().updateSiteDrag(move(121.5), 'command.moveSites');
    store.getState().endSiteDrag(null, 'command.moveSites');
    expect(store.getState().session).toBe(before);
  });
});
