/**
 * How the open scenario looks on the planner layer, computed with identity caches so an edit of one
 * site among 38,000 candidates yields 37,999 identical feature objects (the layer then sends only
 * the one that changed).
 */
import type { Feature, Point } from 'geojson';
import type { BaselineSites } from '../domain/scenario/baseline';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { SiteFeature } from '../domain/types';
import type { PlannerSiteFeature, PlannerSiteState } from '../map/planner-sites-layer';

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
    features.push(plannerFeature(site, site.properties.status === 'planned' ? 'planned' : 'candidate'));
  }
  for (const site of scenario.modifiedSites) {
    if (!removed.has(site.properties.id)) features.push(plannerFeature(site, 'modified'));
  }
  for (const id of scenario.removedSiteIds) {
    const site =
      scenario.modifiedSites.find((candidate) => candidate.properties.id === id) ?? baseline.get(id);
    if (site) features.push(plannerFeature(site, 'removed'));
  }
  return features;
}

/** Baseline ids the planner layer draws instead of the baseline layer. */
export function baselineIdsDrawnByPlanner(scenario: Scenario): string[] {
  return [
    ...new Set([...scenario.modifiedSites.map((site) => site.properties.id), ...scenario.removedSiteIds]),
  ];
}

const addedIndexCache = new WeakMap<readonly SiteFeature[], Map<string, SiteFeature>>();

/** Id → site over a site list, cached per list object (lists are replaced, never mutated). */
export function indexSites(sites: readonly SiteFeature[]): Map<string, SiteFeature> {
  let index = addedIndexCache.get(sites);
  if (!index) {
    index = new Map(sites.map((site) => [site.properties.id, site]));
    addedIndexCache.set(sites, index);
  }
  return index;
}

/** The effective feature of an id in the scenario (added, modified, or baseline). */
export function effectiveSite(
  scenario: Scenario,
  baseline: BaselineSites,
  id: string,
): SiteFeature | undefined {
  return (
    indexSites(scenario.addedSites).get(id) ?? indexSites(scenario.modifiedSites).get(id) ?? baseline.get(id)
  );
}

/** True for sites a drag may move: the scenario's own and modified ones not planned for removal. */
export function isDraggableSite(scenario: Scenario, id: string): boolean {
  if (indexSites(scenario.addedSites).has(id)) return true;
  return indexSites(scenario.modifiedSites).has(id) && !scenario.removedSiteIds.includes(id);
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
