/**
 * Creating scenarios and resolving them against the baseline. Resolution returns deltas, never a
 * copy of the 70,000 baseline sites, so the engine can patch its own indexes incrementally.
 */
import type { SiteFeature } from '../types';
import type { BaselineSites } from './baseline-sites';
import { scenarioBaseline } from './baseline-with-imports';
import { sameIdsInOrder, siteIndex } from './scenario-lookup';
import { type BaselineRef, CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from './scenario-types';

/** Creates an empty scenario on a baseline. `nowIso` is an ISO 8601 timestamp. */
export function createScenario(options: {
  id: string;
  name: string;
  baselineRef: BaselineRef;
  nowIso: string;
}): Scenario {
  return {
    id: options.id,
    name: options.name,
    createdAt: options.nowIso,
    updatedAt: options.nowIso,
    schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    baselineRef: options.baselineRef,
    addedSites: [],
    modifiedSites: [],
    removedSiteIds: [],
    existingSites: [],
    poles: [],
    measurements: [],
    calibration: null,
  };
}

/** Copies a scenario under a new id and name (the "duplicate scenario" action). */
export function duplicateScenario(scenario: Scenario, id: string, name: string, nowIso: string): Scenario {
  return { ...scenario, id, name, createdAt: nowIso, updatedAt: nowIso };
}

/** The scenario's own candidate and planned sites, in the order they were added. */
export function scenarioCandidateSites(scenario: Scenario): readonly SiteFeature[] {
  return scenario.addedSites;
}

/** How a scenario changes the baseline, as deltas the engine and map can apply. */
export interface ResolvedScenarioSites {
  /** Sites that exist only in the scenario. */
  added: readonly SiteFeature[];
  /** Replacement features for baseline sites (excluding those also planned for removal). */
  modified: readonly SiteFeature[];
  /** Baseline site ids that are gone in this scenario. */
  removedIds: readonly string[];
  /** Modified or removed ids the baseline does not have (the scenario was drawn on other data). */
  missingBaselineIds: readonly string[];
  /** Added site ids that collide with a baseline id; the added site shadows the baseline one. */
  conflictingAddedIds: readonly string[];
}

/**
 * Resolves a scenario against the baseline in O(number of changes): the effective site set is
 * baseline − removedIds, with `modified` replacing sites by id, plus `added`. The baseline here is
 * the scenario's (shared baseline plus its imported existing sites, see scenarioBaseline).
 */
export function resolveScenarioSites(
  sharedBaseline: BaselineSites,
  scenario: Scenario,
): ResolvedScenarioSites {
  const baseline = scenarioBaseline(sharedBaseline, scenario);
  const removed = new Set(scenario.removedSiteIds);
  const missingBaselineIds: string[] = [];
  const removedIds: string[] = [];
  for (const id of scenario.removedSiteIds) {
    if (baseline.get(id)) removedIds.push(id);
    else missingBaselineIds.push(id);
  }
  const modified: SiteFeature[] = [];
  for (const site of scenario.modifiedSites) {
    const id = site.properties.id;
    if (!baseline.get(id)) {
      if (!removed.has(id)) missingBaselineIds.push(id);
    } else if (!removed.has(id)) modified.push(site);
  }
  const conflictingAddedIds = scenario.addedSites
    .map((site) => site.properties.id)
    .filter((id) => baseline.get(id) !== undefined);
  return { added: scenario.addedSites, modified, removedIds, missingBaselineIds, conflictingAddedIds };
}

/**
 * The full effective site list of a scenario, O(baseline size): for exports of a whole scenario,
 * not for every edit. Baseline order first (imported existing sites after the shared ones), then
 * added sites.
 */
export function materializeScenarioSites(sharedBaseline: BaselineSites, scenario: Scenario): SiteFeature[] {
  const baseline = scenarioBaseline(sharedBaseline, scenario);
  const overrides = effectiveOverrides(scenario);
  const result: SiteFeature[] = [];
  const addedIds = new Set(scenario.addedSites.map((site) => site.properties.id));
  for (const site of baseline.features) {
    const id = site.properties.id;
    if (addedIds.has(id)) continue;
    const override = overrides.get(id);
    if (override === null) continue;
    result.push(override ?? site);
  }
  result.push(...scenario.addedSites);
  return result;
}

/** A change to the effective site set between two versions of a scenario. */
export interface SiteSetDelta {
  /** Sites that appeared or whose feature object changed. */
  upserted: SiteFeature[];
  /** Site ids that no longer exist. */
  removedIds: string[];
}

/**
 * Effective feature per touched id: a feature, or null when the id is gone in the scenario. Without
 * `withAdded`, only modifications and removals (the few overrides of baseline sites).
 */
function effectiveOverrides(scenario: Scenario, withAdded = true): Map<string, SiteFeature | null> {
  const overrides = new Map<string, SiteFeature | null>();
  for (const site of scenario.modifiedSites) overrides.set(site.properties.id, site);
  for (const id of scenario.removedSiteIds) overrides.set(id, null);
  if (withAdded) for (const site of scenario.addedSites) overrides.set(site.properties.id, site);
  return overrides;
}

/** Adds to `delta` each touched id whose effective site differs between the two versions. */
function collectChanges(
  delta: SiteSetDelta,
  touched: Iterable<string>,
  before: { overrides: Map<string, SiteFeature | null>; baseline: BaselineSites },
  after: { overrides: Map<string, SiteFeature | null>; baseline: BaselineSites },
): void {
  const siteIn = (version: typeof before, id: string) =>
    version.overrides.has(id) ? version.overrides.get(id) : version.baseline.get(id);
  for (const id of touched) {
    const beforeSite = siteIn(before, id);
    const afterSite = siteIn(after, id);
    if (beforeSite === afterSite) continue;
    if (afterSite) delta.upserted.push(afterSite);
    else delta.removedIds.push(id);
  }
}

/**
 * What changed in the effective site set from `before` to `after` (e.g. after one edit or undo),
 * in O(changes in both scenarios, plus their imported existing sites when those differ).
 * Unchanged features keep their identity under applyChange, so a reference comparison is enough.
 */
export function diffScenarioSites(baseline: BaselineSites, before: Scenario, after: Scenario): SiteSetDelta {
  const delta: SiteSetDelta = { upserted: [], removedIds: [] };
  if (before === after) return delta;
  const beforeBaseline = scenarioBaseline(baseline, before);
  const afterBaseline = scenarioBaseline(baseline, after);
  if (before.existingSites === after.existingSites && sameIdsInOrder(before.addedSites, after.addedSites)) {
    return diffInPlace(afterBaseline, before, after);
  }
  const beforeOverrides = effectiveOverrides(before);
  const afterOverrides = effectiveOverrides(after);
  const touched = new Set([...beforeOverrides.keys(), ...afterOverrides.keys()]);
  if (before.existingSites !== after.existingSites) {
    for (const site of [...before.existingSites, ...after.existingSites]) touched.add(site.properties.id);
  }
  collectChanges(
    delta,
    touched,
    { overrides: beforeOverrides, baseline: beforeBaseline },
    { overrides: afterOverrides, baseline: afterBaseline },
  );
  return delta;
}

/**
 * The diff when the added sites kept their ids and order and the imported existing sites did not
 * change (`baseline` is then the scenario baseline of both): added sites compare by position, so a
 * drag among 38,000 candidates builds no map of them; modified and removed sites (few) compare by id.
 */
function diffInPlace(baseline: BaselineSites, before: Scenario, after: Scenario): SiteSetDelta {
  const delta: SiteSetDelta = { upserted: [], removedIds: [] };
  if (before.addedSites !== after.addedSites) {
    after.addedSites.forEach((site, index) => {
      if (site !== before.addedSites[index]) delta.upserted.push(site);
    });
  }
  if (before.modifiedSites === after.modifiedSites && before.removedSiteIds === after.removedSiteIds) {
    return delta;
  }
  const added = siteIndex(after.addedSites);
  const beforeOverrides = effectiveOverrides(before, false);
  const afterOverrides = effectiveOverrides(after, false);
  // An added site with the same id as a modified or removed one wins in both versions.
  const touched = [...new Set([...beforeOverrides.keys(), ...afterOverrides.keys()])].filter(
    (id) => !added.has(id),
  );
  collectChanges(
    delta,
    touched,
    { overrides: beforeOverrides, baseline },
    { overrides: afterOverrides, baseline },
  );
  return delta;
}
