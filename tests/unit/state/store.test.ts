import { describe, expect, it } from 'vitest';
import { LAYER_CATALOGUE } from '../../../src/domain/layers/catalogue';
import { createAppStore } from '../../../src/state/store';

describe('planner store', () => {
  it('starts in Chinese with the catalogue default layers (poles off, sites on)', () => {
    const state = createAppStore().getState();
    expect(state.language).toBe('zh');
    expect(state.visibleLayers.poles).toBe(false);
    expect(state.visibleLayers.sites).toBe(true);
    expect(Object.keys(state.visibleLayers)).toHaveLength(LAYER_CATALOGUE.length);
  });

  it('toggles one layer without touching the others, callable outside React', () => {
    const store = createAppStore();
    const before = store.getState().visibleLayers;
    store.getState().toggleLayer('districts');
    const after = store.getState().visibleLayers;
    expect(after.districts).toBe(false);
    expect(after.metro).toBe(before.metro);
    store.getState().setLayerVisible('districts', true);
    expect(store.getState().visibleLayers.districts).toBe(true);
  });

  it('showOnlyLayers shows exactly the listed layers', () => {
    const store = createAppStore();
    store.getState().showOnlyLayers(['poles', 'metro']);
    const visible = Object.entries(store.getState().visibleLayers)
      .filter(([, shown]) => shown)
      .map(([id]) => id);
    expect(visible.sort()).toEqual(['metro', 'poles']);
  });

  it('notifies a selector subscriber only when its field changes', () => {
    const store = createAppStore();
    const languages: string[] = [];
    store.subscribe(
      (state) => state.language,
      (language) => languages.push(language),
    );
    store.getState().toggleLayer('sites');
    store.getState().setView({ zoom: 10, latitude: 31.2, longitude: 121.5 });
    store.getState().setLanguage('en');
    store.getState().setLanguage('en');
    expect(languages).toEqual(['en']);
  });

  it('keeps a selection until cleared, and records data status per source', () => {
    const store = createAppStore();
    store
      .getState()
      .select({ layerId: 'districts', longitude: 121.3, latitude: 30.8, properties: { name: '金山区' } });
    expect(store.getState().selection?.properties.name).toBe('金山区');
    store.getState().clearSelection();
    expect(store.getState().selection).toBeNull();
    store.getState().setDataStatus('poles', 'error');
    expect(store.getState().dataStatus.poles).toBe('error');
    expect(store.getState().dataStatus.sites).toBe('idle');
  });
});
