/**
 * Applies a scenario delta: every changed item takes its `after` value (or goes, when it has none),
 * whatever the item held before. Exact when the delta was taken against this very scenario (replaying
 * or undoing a revision); lenient otherwise, so a merge can lay one side's changes over the other's.
 */
import type { Scenario } from '../scenario/scenario-types';
import type { PoleFeature, SiteFeature } from '../types';
import type { FeatureListName, ItemChange, ScenarioDelta } from './scenario-delta';

type Feature = SiteFeature | PoleFeature;

const compareIds = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

function groupByList(items: readonly ItemChange[]): Map<string, ItemChange[]> {
  const groups = new Map<string, ItemChange[]>();
  for (const change of items) {
    const group = groups.get(change.list);
    if (group) group.push(change);
    else groups.set(change.list, [change]);
  }
  return groups;
}

/** A list kept sorted by id (modified baseline sites, imported existing sites, poles). */
function applyToSortedList<Item extends Feature>(
  list: readonly Item[],
  changes: readonly ItemChange[],
): Item[] {
  const items = new Map(list.map((item) => [item.properties.id, item]));
  for (const change of changes) {
    if (change.after === undefined || change.after === true) items.delete(change.id);
    else items.set(change.id, change.after as Item);
  }
  return [...items.values()].sort((left, right) => compareIds(left.properties.id, right.properties.id));
}

/**
 * The added sites keep their order: changed sites are replaced in place, deleted ones drop out, and
 * inserted ones go to the index they had after the change (appended when that index is past the end).
 */
function applyToAddedSites(
  list: readonly SiteFeature[],
  changes: readonly ItemChange[],
  order: readonly string[] | undefined,
): SiteFeature[] {
  const changeById = new Map(changes.map((change) => [change.id, change]));
  const present = new Set<string>();
  const kept: SiteFeature[] = [];
  for (const site of list) {
    const id = site.properties.id;
    present.add(id);
    const change = changeById.get(id);
    if (!change) kept.push(site);
    else if (change.after !== undefined && change.after !== true) kept.push(change.after as SiteFeature);
  }
  const inserted = changes
    .filter((change) => change.after !== undefined && change.after !== true && !present.has(change.id))
    .sort((left, right) => (left.afterIndex ?? Infinity) - (right.afterIndex ?? Infinity));
  const result: SiteFeature[] = [];
  let next = 0;
  for (const change of inserted) {
    const index = change.afterIndex ?? Infinity;
    while (result.length < index && next < kept.length) result.push(kept[next++]!);
    result.push(change.after as SiteFeature);
  }
  while (next < kept.length) result.push(kept[next++]!);
  return order ? reorder(result, order) : result;
}

function reorder(sites: readonly SiteFeature[], order: readonly string[]): SiteFeature[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  return [...sites].sort(
    (left, right) => (rank.get(left.properties.id) ?? Infinity) - (rank.get(right.properties.id) ?? Infinity),
  );
}

function applyToRemovals(ids: readonly string[], changes: readonly ItemChange[]): string[] {
  const set = new Set(ids);
  for (const change of changes) {
    if (change.after === true) set.add(change.id);
    else set.delete(change.id);
  }
  return [...set].sort(compareIds);
}

/** The scenario with the delta applied; lists the delta leaves alone keep their identity. */
export function applyDelta(scenario: Scenario, delta: ScenarioDelta): Scenario {
  const groups = groupByList(delta.items);
  const next: { -readonly [Field in keyof Scenario]: Scenario[Field] } = { ...scenario };
  if (delta.name) next.name = delta.name.after;
  if (delta.baselineRef) next.baselineRef = delta.baselineRef.after;
  const sortedLists: Exclude<FeatureListName, 'addedSites'>[] = ['modifiedSites', 'existingSites', 'poles'];
  for (const list of sortedLists) {
    const changes = groups.get(list);
    if (changes) (next as Record<string, unknown>)[list] = applyToSortedList(scenario[list], changes);
  }
  const added = groups.get('addedSites');
  if (added || delta.addedOrder) {
    next.addedSites = applyToAddedSites(scenario.addedSites, added ?? [], delta.addedOrder?.after);
  }
  const removals = groups.get('removedSiteIds');
  if (removals) next.removedSiteIds = applyToRemovals(scenario.removedSiteIds, removals);
  return next;
}
