/**
 * Two versions of a scenario compared item by item. Every site of the four feature lists and every
 * planned removal is one item, keyed by its list and id; a delta lists the items that differ with
 * their value before and after, so it can be stored (a revision's changes), applied forward or
 * backward (replaying or undoing a revision) and checked for rights site by site. Its size is the
 * number of changed items, never the size of the scenario.
 */
import type { BaselineRef, Scenario } from '../scenario/scenario-types';
import type { PoleFeature, SiteFeature } from '../types';
import { sameJson } from './same-json';

export type FeatureListName = 'addedSites' | 'modifiedSites' | 'existingSites' | 'poles';
export type ItemListName = FeatureListName | 'removedSiteIds';
export const FEATURE_LISTS: readonly FeatureListName[] = [
  'addedSites',
  'modifiedSites',
  'existingSites',
  'poles',
];

/** A feature of one of the lists, or `true` for a planned removal (an item of removedSiteIds). */
export type ItemValue = SiteFeature | PoleFeature | true;

export interface ItemChange {
  list: ItemListName;
  id: string;
  /** The item before the change; absent when the change creates it. */
  before?: ItemValue;
  /** The item after the change; absent when the change deletes it. */
  after?: ItemValue;
  /** addedSites only: where a deleted site stood before the change. */
  beforeIndex?: number;
  /** addedSites only: where an inserted site stands after the change. */
  afterIndex?: number;
}

export interface ScenarioDelta {
  items: ItemChange[];
  name?: { before: string; after: string };
  baselineRef?: { before: BaselineRef; after: BaselineRef };
  /**
   * Only when the added sites were reordered beyond deletions and insertions (the app never does
   * this itself; a posted scenario might): their full id order before and after.
   */
  addedOrder?: { before: string[]; after: string[] };
}

type Feature = SiteFeature | PoleFeature;

const idOf = (feature: Feature) => feature.properties.id;

/** The items of a feature list by id. */
function byId(list: readonly Feature[]): Map<string, Feature> {
  const map = new Map<string, Feature>();
  for (const feature of list) map.set(idOf(feature), feature);
  return map;
}

function diffFeatureList(name: FeatureListName, before: readonly Feature[], after: readonly Feature[]) {
  const changes: ItemChange[] = [];
  if (before === after) return changes;
  const ordered = name === 'addedSites';
  const beforeById = byId(before);
  const afterIds = new Set<string>();
  after.forEach((feature, index) => {
    const id = idOf(feature);
    afterIds.add(id);
    const old = beforeById.get(id);
    if (!old)
      changes.push(
        ordered ? { list: name, id, after: feature, afterIndex: index } : { list: name, id, after: feature },
      );
    else if (old !== feature && !sameJson(old, feature))
      changes.push({ list: name, id, before: old, after: feature });
  });
  before.forEach((feature, index) => {
    const id = idOf(feature);
    if (afterIds.has(id)) return;
    changes.push(
      ordered ? { list: name, id, before: feature, beforeIndex: index } : { list: name, id, before: feature },
    );
  });
  return changes;
}

/**
 * True when `after`'s added-site order follows from `before`'s by the delta's deletions and
 * insertions alone: the sites both versions hold keep their relative order.
 */
function orderFollowsFromChanges(
  before: readonly Feature[],
  after: readonly Feature[],
  changes: ItemChange[],
) {
  const deleted = new Set(changes.filter((change) => !change.after).map((change) => change.id));
  const inserted = new Set(changes.filter((change) => !change.before).map((change) => change.id));
  const kept = before.filter((feature) => !deleted.has(idOf(feature)));
  let next = 0;
  for (const feature of after) {
    if (inserted.has(idOf(feature))) continue;
    if (kept[next] === undefined || idOf(kept[next]!) !== idOf(feature)) return false;
    next += 1;
  }
  return next === kept.length;
}

/** What changed from `before` to `after`, item by item. */
export function diffScenarios(before: Scenario, after: Scenario): ScenarioDelta {
  const delta: ScenarioDelta = { ...scenarioFields(before, after), items: [] };
  for (const list of FEATURE_LISTS) {
    let changes = diffFeatureList(list, before[list], after[list]);
    if (
      list === 'addedSites' &&
      before[list] !== after[list] &&
      !orderFollowsFromChanges(before[list], after[list], changes)
    ) {
      changes = changes.map(stripIndexes);
      delta.addedOrder = { before: before.addedSites.map(idOf), after: after.addedSites.map(idOf) };
    }
    delta.items.push(...changes);
  }
  delta.items.push(...diffRemovals(before, after));
  return delta;
}

function stripIndexes(change: ItemChange): ItemChange {
  const { beforeIndex: _before, afterIndex: _after, ...rest } = change;
  return rest;
}

function diffRemovals(before: Scenario, after: Scenario): ItemChange[] {
  if (before.removedSiteIds === after.removedSiteIds) return [];
  const beforeIds = new Set(before.removedSiteIds);
  const afterIds = new Set(after.removedSiteIds);
  const changes: ItemChange[] = [];
  for (const id of afterIds)
    if (!beforeIds.has(id)) changes.push({ list: 'removedSiteIds', id, after: true });
  for (const id of beforeIds)
    if (!afterIds.has(id)) changes.push({ list: 'removedSiteIds', id, before: true });
  return changes;
}

function scenarioFields(before: Scenario, after: Scenario): Omit<ScenarioDelta, 'items'> {
  const fields: Omit<ScenarioDelta, 'items'> = {};
  if (before.name !== after.name) fields.name = { before: before.name, after: after.name };
  if (!sameJson(before.baselineRef, after.baselineRef)) {
    fields.baselineRef = { before: before.baselineRef, after: after.baselineRef };
  }
  return fields;
}

/** True when the delta changes nothing. */
export function isEmptyDelta(delta: ScenarioDelta): boolean {
  return delta.items.length === 0 && !delta.name && !delta.baselineRef && !delta.addedOrder;
}

/** The same delta read backwards: applying it undoes the original. */
export function invertDelta(delta: ScenarioDelta): ScenarioDelta {
  const inverted: ScenarioDelta = {
    items: delta.items.map((change) => {
      const flipped: ItemChange = { list: change.list, id: change.id };
      if (change.after !== undefined) flipped.before = change.after;
      if (change.before !== undefined) flipped.after = change.before;
      if (change.afterIndex !== undefined) flipped.beforeIndex = change.afterIndex;
      if (change.beforeIndex !== undefined) flipped.afterIndex = change.beforeIndex;
      return flipped;
    }),
  };
  if (delta.name) inverted.name = { before: delta.name.after, after: delta.name.before };
  if (delta.baselineRef)
    inverted.baselineRef = { before: delta.baselineRef.after, after: delta.baselineRef.before };
  if (delta.addedOrder)
    inverted.addedOrder = { before: delta.addedOrder.after, after: delta.addedOrder.before };
  return inverted;
}
