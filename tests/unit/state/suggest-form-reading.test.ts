/**
 * What the Suggest form lacks before a run (the same reading feeds the live candidate count): an
 * area, a kind of candidate, a valid grid spacing, a drawn area, a grid that is not too large.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { areaOf, formProblem } from '../../../src/state/suggest-form';
import type { SuggestForm } from '../../../src/state/suggest-slice';

const SQUARE: [number, number][] = [
  [121.5, 31.2],
  [121.51, 31.2],
  [121.51, 31.21],
  [121.5, 31.21],
];

function stateWith(form: Partial<SuggestForm>, withArea = false) {
  const store = createAppStore();
  if (withArea) store.getState().finishSuggestArea(SQUARE, 'ok');
  // After drawing: an area ticks the grid choice, the form given here has the last word.
  store.getState().setSuggestForm(form);
  return store.getState();
}

describe('reading the suggest form', () => {
  it('the defaults (city, poles) need nothing more', () => {
    expect(formProblem(stateWith({}))).toBeNull();
    expect(areaOf(stateWith({}).suggestForm)).toEqual({ kind: 'city' });
  });

  it('asks for a district or zone when the area kind has none', () => {
    expect(formProblem(stateWith({ areaKind: 'district' }))).toEqual({ key: 'suggest.needArea' });
    expect(formProblem(stateWith({ areaKind: 'district', adcode: '310115' }))).toBeNull();
  });

  it('asks for at least one kind of candidate', () => {
    expect(formProblem(stateWith({ usePoles: false }))).toEqual({ key: 'suggest.needCandidates' });
  });

  it('with the grid: names the spacing problem, then a missing area, then too many points', () => {
    expect(formProblem(stateWith({ usePolygonGrid: true, gridSpacingText: 'x' }))).toEqual({
      key: 'suggest.gridSpacing.notNumber',
    });
    expect(formProblem(stateWith({ usePolygonGrid: true }))).toEqual({ key: 'suggest.needDrawnArea' });
    expect(formProblem(stateWith({ usePolygonGrid: true }, true))).toBeNull();
    expect(formProblem(stateWith({ usePolygonGrid: true, gridSpacingText: '10' }, true))).toBeNull();
    const bigSquare: [number, number][] = [
      [121.3, 31.1],
      [121.5, 31.1],
      [121.5, 31.3],
      [121.3, 31.3],
    ];
    const store = createAppStore();
    store.getState().finishSuggestArea(bigSquare, 'ok');
    store.getState().setSuggestForm({ gridSpacingText: '10' });
    expect(formProblem(store.getState())).toEqual({ key: 'suggest.gridTooMany', values: { limit: 50_000 } });
  });
});
