import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../../../src/domain/sync/apply-delta';
import { countDelta, describeCounts } from '../../../../src/domain/sync/delta-summary';
import { diffScenarios, invertDelta, isEmptyDelta } from '../../../../src/domain/sync/scenario-delta';
import type { SiteFeature } from '../../../../src/domain/types';
import { base, scenarioArbitrary, site } from '../../support/domain/sync/scenario-arbitrary';

describe('scenario deltas', () => {
  it('apply(before, diff(before, after)) is after, and the inverse brings before back', () => {
    fc.assert(
      fc.property(scenarioArbitrary, scenarioArbitrary, (before, after) => {
        const delta = diffScenarios(before, after);
        expect(applyDelta(before, delta)).toEqual(after);
        expect(applyDelta(after, invertDelta(delta))).toEqual(before);
        // A delta survives being stored as JSON (a revision row) and read back.
        expect(applyDelta(before, JSON.parse(JSON.stringify(delta)))).toEqual(after);
      }),
      { numRuns: 400 },
    );
  });

  it('lists only what changed: one moved site out of 32,000 is one item', () => {
    const many = Array.from({ length: 32_000 }, (_, index) => site(`s${index}`, 121 + index * 1e-6));
    const before = { ...base, addedSites: many };
    const moved = many.slice();
    moved[12_345] = site('s12345', 121.9, 31.3);
    const delta = diffScenarios(before, { ...before, addedSites: moved });
    expect(delta.items).toHaveLength(1);
    expect(delta.items[0]).toMatchObject({ list: 'addedSites', id: 's12345' });
    expect(delta.addedOrder).toBeUndefined();
  });

  it('puts a deleted site back where it stood when undone, and records a true reordering in full', () => {
    const before = { ...base, addedSites: [site('x'), site('y'), site('z')] };
    const deleted = { ...before, addedSites: [site('x'), site('z')] };
    const undo = invertDelta(diffScenarios(before, deleted));
    expect(applyDelta(deleted, undo).addedSites.map((feature) => feature.properties.id)).toEqual([
      'x',
      'y',
      'z',
    ]);
    const reordered = { ...before, addedSites: [site('z'), site('x'), site('y')] };
    const delta = diffScenarios(before, reordered);
    expect(delta.items).toHaveLength(0);
    expect(delta.addedOrder?.after).toEqual(['z', 'x', 'y']);
    expect(isEmptyDelta(delta)).toBe(false);
  });

  it('treats structurally equal sites as unchanged, whatever the key order', () => {
    const first = { ...base, addedSites: [site('x', 121.5, 31.2, { name: 'n', heightM: 30 })] };
    const second = {
      ...base,
      addedSites: [
        {
          type: 'Feature',
          properties: { heightM: 30, name: 'n', status: 'candidate', id: 'x' },
          geometry: { coordinates: [121.5, 31.2], type: 'Point' },
        } as SiteFeature,
      ],
    };
    expect(isEmptyDelta(diffScenarios(first, second))).toBe(true);
  });

  it('counts what a planner did, in words', () => {
    const before = { ...base, addedSites: [site('x'), site('y')], removedSiteIds: ['old'] };
    const after = {
      ...base,
      name: 'renamed',
      addedSites: [site('x', 121.6), site('y', 121.5, 31.2, { name: 'new' }), site('w')],
      removedSiteIds: ['gone'],
    };
    const counts = countDelta(diffScenarios(before, after));
    expect(counts).toMatchObject({ added: 1, moved: 1, edited: 1, removed: 1, restored: 1, renamed: true });
    expect(describeCounts(counts)).toBe(
      '1 added, 1 moved, 1 edited, 1 planned for removal, 1 restored to the baseline, renamed',
    );
  });

  it('judges a first modification of a baseline site against the baseline site', () => {
    const baselineSite = site('b1', 121.5, 31.2, { status: 'existing' });
    const after = { ...base, modifiedSites: [site('b1', 121.7, 31.2, { status: 'existing' })] };
    const counts = countDelta(diffScenarios(base, after), (id) => (id === 'b1' ? baselineSite : undefined));
    expect(counts).toMatchObject({ moved: 1, edited: 0 });
  });
});
