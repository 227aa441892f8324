/**
 * Drawn candidate areas in the store: a usable outline becomes a numbered area and ticks the grid
 * choice; an unusable one is refused with its reason; numbers are not reused after a delete.
 */
import { describe, expect, it } from 'vitest';
import { checkDrawnOutline } from '../../../../src/domain/suggest/candidate-sources';
import { createAppStore } from '../../../../src/state/store';

/** What the app does when the map reports a finished outline. */
const finish = (store: ReturnType<typeof createAppStore>, corners: [number, number][]) =>
  store.getState().finishSuggestArea(corners, checkDrawnOutline(corners));

const SQUARE: [number, number][] = [
  [121.5, 31.2],
  [121.51, 31.2],
  [121.51, 31.21],
  [121.5, 31.21],
];
const BOW_TIE: [number, number][] = [
  [121.5, 31.2],
  [121.51, 31.21],
  [121.51, 31.2],
  [121.5, 31.21],
];

describe('suggest candidate areas in the store', () => {
  it('keeps a usable outline as area A1, ends drawing and ticks the grid candidates', () => {
    const store = createAppStore();
    store.getState().setSuggestDrawing(true);
    finish(store, SQUARE);
    const state = store.getState();
    expect(state.suggestDrawing).toBe(false);
    expect(state.suggestAreas).toEqual([{ id: 'A1', corners: SQUARE }]);
    expect(state.suggestForm.usePolygonGrid).toBe(true);
  });

  it('refuses a crossing outline with its reason, until the next drawing starts', () => {
    const store = createAppStore();
    store.getState().setSuggestDrawing(true);
    finish(store, BOW_TIE);
    expect(store.getState().suggestAreas).toEqual([]);
    expect(store.getState().suggestDrawRefusal).toBe('crossesItself');
    expect(store.getState().suggestDrawing).toBe(false);
    expect(store.getState().suggestForm.usePolygonGrid).toBe(false);
    store.getState().setSuggestDrawing(true);
    expect(store.getState().suggestDrawRefusal).toBeNull();
  });

  it('numbers areas without reusing a deleted number; clear removes all', () => {
    const store = createAppStore();
    finish(store, SQUARE);
    finish(store, SQUARE);
    store.getState().removeSuggestArea('A1');
    finish(store, SQUARE);
    expect(store.getState().suggestAreas.map((area) => area.id)).toEqual(['A2', 'A3']);
    store.getState().clearSuggestAreas();
    expect(store.getState().suggestAreas).toEqual([]);
  });
});
