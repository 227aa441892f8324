import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { indexBaseline } from '../../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import type { SiteFeature } from '../../../../src/domain/types';
import { plannerLayerDelta, plannerSiteFeatures } from '../../../../src/map/planner-site-features';

const baselineSite: SiteFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [121.3, 31.1] },
  properties: { id: 'B-1', status: 'existing' },
};
const baseline = indexBaseline('b', { type: 'FeatureCollection', features: [baselineSite] });
const site = (id: string, longitude: number): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, 31.2] },
  properties: { id, status: 'candidate' },
});
const start: Scenario = {
  ...createScenario({ id: 's', name: 's', baselineRef: baseline.ref, nowIso: '2025-01-01T00:00:00.000Z' }),
  addedSites: [site('A', 121.1), site('B', 121.2), site('C', 121.3)],
};

/** The layer's features after applying a delta to the features of `before`. */
function patched(before: Scenario, after: Scenario) {
  const shown = new Map(
    plannerSiteFeatures(before, baseline).map((feature) => [feature.properties.id, feature]),
  );
  const delta = plannerLayerDelta(before, after, baseline);
  for (const id of delta.remove) shown.delete(id);
  for (const feature of delta.add) shown.set(feature.properties.id, feature);
  return { delta, shown };
}

describe('planner layer delta', () => {
  it('a move sends only the moved site', () => {
    const after = applyChange(start, {
      type: 'moveSites',
      moves: [{ id: 'B', coordinates: [121.25, 31.2] }],
    }).scenario;
    const { delta, shown } = patched(start, after);
    expect(delta.remove).toEqual(['B']);
    expect(delta.add.map((feature) => feature.geometry.coordinates)).toEqual([[121.25, 31.2]]);
    expect(shown.size).toBe(3);
  });

  it('deletes, inserts and removal plans end up exactly as a full redraw', () => {
    let after = applyChange(start, { type: 'deleteSites', ids: ['A'] }).scenario;
    after = applyChange(after, { type: 'putSites', sites: [site('D', 121.4)] }).scenario;
    after = applyChange(after, { type: 'markForRemoval', ids: ['B-1'] }).scenario;
    const { shown } = patched(start, after);
    const full = plannerSiteFeatures(after, baseline);
    const expected = new Map(full.map((feature) => [feature.properties.id, feature] as const));
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, feature] of expected) expect(shown.get(id)).toEqual(feature);
    expect(shown.get('B-1')?.properties.state).toBe('removed');
  });
});
