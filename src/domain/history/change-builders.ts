/**
 * Builders that turn a planner's intent into one ScenarioChange, taking care of the baseline rule:
 * a baseline site is only edited once it is switched to "modify" (an explicit putModifications in
 * the same undo step), so a slip never alters the baseline itself.
 */
import type { Position } from 'geojson';
import type { BaselineSites } from '../scenario/baseline-sites';
import { addedSite, modifiedSite, scenarioSite } from '../scenario/scenario-lookup';
import type { Scenario } from '../scenario/scenario-types';
import type { SiteFeature } from '../types';
import { batch, type ScenarioChange, type SitePropertiesPatch } from './scenario-change';

/** Where each id lives in a scenario. */
export type SiteOrigin = 'added' | 'modified' | 'baseline' | 'unknown';

/** Classifies a site id: one of the scenario's own, a modified baseline site, plain baseline, or unknown. */
export function siteOrigin(scenario: Scenario, baseline: BaselineSites, id: string): SiteOrigin {
  if (addedSite(scenario, id)) return 'added';
  if (modifiedSite(scenario, id)) return 'modified';
  return baseline.get(id) ? 'baseline' : 'unknown';
}

/** Switches baseline sites to "modify" (copies them into the scenario); ids not in the baseline are skipped. */
export function beginModificationChange(
  scenario: Scenario,
  baseline: BaselineSites,
  ids: readonly string[],
): ScenarioChange {
  const already = new Set(scenario.modifiedSites.map((site) => site.properties.id));
  const sites = ids
    .filter((id) => !already.has(id))
    .map((id) => baseline.get(id))
    .filter((site): site is SiteFeature => site !== undefined);
  return batch([{ type: 'putModifications', sites }]);
}

/**
 * One undo step that patches the given sites. Baseline sites are edited only when
 * `allowBaseline` is true (the planner chose "modify"); otherwise they are left alone.
 */
export function editSitesChange(
  scenario: Scenario,
  baseline: BaselineSites,
  ids: readonly string[],
  patch: SitePropertiesPatch,
  allowBaseline = false,
): ScenarioChange {
  const begin = allowBaseline ? beginModificationChange(scenario, baseline, ids) : batch([]);
  return batch([begin, { type: 'setProperties', ids, patch }]);
}

/** One undo step that moves sites (a drag of one or several); same baseline rule as editSitesChange. */
export function moveSitesChange(
  scenario: Scenario,
  baseline: BaselineSites,
  moves: readonly { id: string; coordinates: Position }[],
  allowBaseline = false,
): ScenarioChange {
  const ids = moves.map((move) => move.id);
  const begin = allowBaseline ? beginModificationChange(scenario, baseline, ids) : batch([]);
  return batch([begin, { type: 'moveSites', moves }]);
}

/**
 * Duplicates sites (added, modified or baseline) as new candidates next to the originals.
 * `createId` makes fresh ids; `offsetDeg` shifts the copies so they do not hide the originals.
 */
export function duplicateSitesChange(
  scenario: Scenario,
  baseline: BaselineSites,
  ids: readonly string[],
  createId: () => string,
  offsetDeg: readonly [number, number] = [0.0005, 0],
): { change: ScenarioChange; newIds: string[] } {
  const lookup = (id: string) => scenarioSite(scenario, id) ?? baseline.get(id);
  const copies: SiteFeature[] = [];
  for (const id of ids) {
    const original = lookup(id);
    if (!original) continue;
    const [longitude = 0, latitude = 0] = original.geometry.coordinates;
    const { synthetic: _synthetic, ...properties } = original.properties;
    copies.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitude + offsetDeg[0], latitude + offsetDeg[1]] },
      properties: { ...properties, id: createId(), status: 'candidate' },
    });
  }
  return {
    change: batch([{ type: 'putSites', sites: copies }]),
    newIds: copies.map((site) => site.properties.id),
  };
}

/**
 * Deletes a selection as one step. Only the scenario's own sites are deleted; baseline sites are
 * never deleted by a slip of the Delete key: planning them for removal is the explicit
 * markForRemoval, and reverting a modification is dropModifications.
 */
export function deleteSelectionChange(ids: readonly string[]): ScenarioChange {
  return { type: 'deleteSites', ids };
}
