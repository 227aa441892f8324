/**
 * How the open scenario looks on the planner layer (the layer's view model), computed with identity
 * caches so an edit of one site among 38,000 candidates yields 37,999 identical feature objects (the
 * layer then sends only the one that changed); the selection ring; the sites under a drag.
 */
import type { Feature, Point } from 'geojson';
import { type DragOrigin, draggedPositions } from '../domain/planner/gesture-changes';
import type { SnapPole } from '../domain/planner/pole-snap-index';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import { effectiveSite, modifiedSite } from '../domain/scenario/scenario-lookup';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { SiteFeature } from '../domain/types';
import type { PlannerSiteFeature, PlannerSiteState } from './planner-sites-layer';

const featureCache = new WeakMap<SiteFeature, Map<PlannerSiteState, PlannerSiteFeature>>();

function plannerFeature(site: SiteFeature, state: PlannerSiteState): PlannerSiteFeature {
  let byState = featureCache.get(site);
  if (!byState) {
    byState = new Map();
    featureCache.set(site, byState);
  }
  let feature = byState.get(state);
  if (!feature) {
    const properties = { id: site.properties.id, state, onPole: site.properties.poleId ? 1 : 0 } as const;
    feature = {
      type: 'Feature',
      id: site.properties.id,
      geometry: site.geometry,
      properties: site.properties.name ? { ...properties, name: site.properties.name } : properties,
    };
    byState.set(state, feature);
  }
  return feature;
}

/** Planner-layer features: added sites by status, modified ones, and removal-planned baseline sites. */
export function plannerSiteFeatures(scenario: Scenario, baseline: BaselineSites): PlannerSiteFeature[] {
  const removed = new Set(scenario.removedSiteIds);
  const features: PlannerSiteFeature[] = [];
  for (const site of scenario.addedSites) {
    features.push(plannerFeature(site, addedState(site)));
  }
  for (const site of scenario.modifiedSites) {
    if (!removed.has(site.properties.id)) features.push(plannerFeature(site, 'modified'));
  }
  for (const id of scenario.removedSiteIds) {
    const site = modifiedSite(scenario, id) ?? baseline.get(id);
    if (site) features.push(plannerFeature(site, 'removed'));
  }
  return features;
}

/** Changes of the planner layer between two versions of a scenario. */
export interface PlannerLayerDelta {
  add: PlannerSiteFeature[];
  remove: string[];
}

const addedState = (site: SiteFeature): PlannerSiteState =>
  site.properties.status === 'planned' ? 'planned' : 'candidate';

/**
 * What changed on the planner layer from `before` to `after`, without walking 38,000 features into
 * maps when only a few moved: added sites are compared by position in the list (a drag or an edit
 * keeps the order), falling back to an id diff when sites were inserted or deleted.
 */
export function plannerLayerDelta(
  before: Scenario,
  after: Scenario,
  baseline: BaselineSites,
): PlannerLayerDelta {
  const delta: PlannerLayerDelta = { add: [], remove: [] };
  const previous = before.addedSites;
  const next = after.addedSites;
  if (previous !== next) {
    // One pass: the positions whose site object changed; any id change means an insert or delete.
    let changed: number[] | null = previous.length === next.length ? [] : null;
    for (let index = 0; changed && index < next.length; index++) {
      const site = next[index]!;
      const old = previous[index]!;
      if (site === old) continue;
      if (site.properties.id !== old.properties.id) changed = null;
      else changed.push(index);
    }
    if (changed) {
      for (const index of changed) {
        const site = next[index]!;
        delta.remove.push(site.properties.id);
        delta.add.push(plannerFeature(site, addedState(site)));
      }
    } else {
      const previousById = new Map(previous.map((site) => [site.properties.id, site]));
      const nextById = new Map(next.map((site) => [site.properties.id, site]));
      for (const id of previousById.keys()) if (!nextById.has(id)) delta.remove.push(id);
      for (const [id, site] of nextById) {
        const old = previousById.get(id);
        if (old === site) continue;
        if (old) delta.remove.push(id);
        delta.add.push(plannerFeature(site, addedState(site)));
      }
    }
  }
  if (before.modifiedSites !== after.modifiedSites || before.removedSiteIds !== after.removedSiteIds) {
    // Modified and removed sites are few: redraw them all.
    const small = (scenario: Scenario) => plannerSiteFeatures({ ...scenario, addedSites: [] }, baseline);
    for (const feature of small(before)) delta.remove.push(feature.properties.id);
    delta.add.push(...small(after));
  }
  return delta;
}

/** Baseline ids the planner layer draws instead of the baseline layer. */
export function baselineIdsDrawnByPlanner(scenario: Scenario): string[] {
  return [
    ...new Set([...scenario.modifiedSites.map((site) => site.properties.id), ...scenario.removedSiteIds]),
  ];
}

/** Point features of the selected sites, for the selection ring. */
export function selectionFeatures(
  scenario: Scenario,
  baseline: BaselineSites,
  ids: readonly string[],
): Feature<Point>[] {
  return ids
    .map((id) => effectiveSite(scenario, baseline, id))
    .filter((site): site is SiteFeature => site !== undefined)
    .map((site) => ({ type: 'Feature', properties: { id: site.properties.id }, geometry: site.geometry }));
}

/** The dragged sites as drawn in the drag's own small source while the pointer moves. */
export function draggedSiteFeatures(
  origins: readonly DragOrigin[],
  grabbedId: string,
  pointer: readonly [number, number],
  pole: SnapPole | null,
): PlannerSiteFeature[] {
  return draggedPositions(origins, grabbedId, pointer, pole).map(({ origin, coordinates, onPole }) => ({
    type: 'Feature',
    id: origin.id,
    geometry: { type: 'Point', coordinates },
    properties: { id: origin.id, state: 'candidate', onPole: onPole ? 1 : 0 },
  }));
}
