/**
 * The edit that turns one version of a scenario into another, as a ScenarioChange: what a team sync
 * hands the store's one door (`editScenario`, origin 'remote') when a collaborator's revision or a
 * merge arrives, so it reaches the map, coverage and autosave like any other edit. O(changed items).
 */
import type { ScenarioChange } from '../history/scenario-change';
import { batch } from '../history/scenario-change';
import type { Scenario } from '../scenario/scenario-types';
import type { PoleFeature, SiteFeature } from '../types';
import { diffScenarios, type FeatureListName, type ItemChange } from './scenario-delta';

const features = <Item>(changes: readonly ItemChange[]) => changes.map((change) => change.after as Item);
const ids = (changes: readonly ItemChange[]) => changes.map((change) => change.id);

/** Changes of one sorted list: replacements and additions as one put, deletions as one drop. */
function sortedListChanges(
  list: Exclude<FeatureListName, 'addedSites'>,
  changes: readonly ItemChange[],
): ScenarioChange[] {
  const put = changes.filter((change) => change.after !== undefined);
  const gone = changes.filter((change) => change.after === undefined);
  const result: ScenarioChange[] = [];
  if (list === 'modifiedSites') {
    if (gone.length > 0) result.push({ type: 'dropModifications', ids: ids(gone) });
    if (put.length > 0) result.push({ type: 'putModifications', sites: features<SiteFeature>(put) });
  } else if (list === 'existingSites') {
    if (gone.length > 0) result.push({ type: 'deleteExistingSites', ids: ids(gone) });
    if (put.length > 0) result.push({ type: 'putExistingSites', sites: features<SiteFeature>(put) });
  } else {
    if (gone.length > 0) result.push({ type: 'deletePoles', ids: ids(gone) });
    if (put.length > 0) result.push({ type: 'putPoles', poles: features<PoleFeature>(put) });
  }
  return result;
}

/**
 * The change from `from` to `to`, or undefined when no ScenarioChange can say it (the two were drawn on
 * different baselines: the caller opens `to` afresh instead).
 */
export function changeBetween(from: Scenario, to: Scenario): ScenarioChange | undefined {
  const delta = diffScenarios(from, to);
  if (delta.baselineRef) return undefined;
  const byList = (list: string) => delta.items.filter((change) => change.list === list);
  const changes: ScenarioChange[] = [];
  if (delta.name) changes.push({ type: 'rename', name: delta.name.after });
  if (delta.addedOrder) {
    // A rearranged order (never made by the app itself): take every added site out and put them back.
    changes.push({ type: 'deleteSites', ids: from.addedSites.map((site) => site.properties.id) });
    changes.push({ type: 'insertSites', entries: to.addedSites.map((site, index) => ({ index, site })) });
  } else {
    const added = byList('addedSites');
    const deleted = added.filter((change) => change.after === undefined);
    const replaced = added.filter((change) => change.before !== undefined && change.after !== undefined);
    const inserted = added.filter((change) => change.before === undefined);
    if (deleted.length > 0) changes.push({ type: 'deleteSites', ids: ids(deleted) });
    if (replaced.length > 0) changes.push({ type: 'putSites', sites: features<SiteFeature>(replaced) });
    if (inserted.length > 0) {
      changes.push({
        type: 'insertSites',
        entries: inserted.map((change) => ({
          index: change.afterIndex ?? Infinity,
          site: change.after as SiteFeature,
        })),
      });
    }
  }
  for (const list of ['modifiedSites', 'existingSites', 'poles'] as const)
    changes.push(...sortedListChanges(list, byList(list)));
  const removals = byList('removedSiteIds');
  const marked = removals.filter((change) => change.after === true);
  const unmarked = removals.filter((change) => change.after === undefined);
  if (marked.length > 0) changes.push({ type: 'markForRemoval', ids: ids(marked) });
  if (unmarked.length > 0) changes.push({ type: 'unmarkForRemoval', ids: ids(unmarked) });
  return batch(changes);
}
