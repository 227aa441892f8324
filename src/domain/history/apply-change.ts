/**
 * applyChange: the one place a scenario is edited. Pure and immutable: untouched sites keep their
 * object identity (so zustand selectors and diffScenarioSites can compare by reference), and when
 * nothing changes the very same scenario object comes back.
 */
import { siteIndex } from '../scenario/scenario-lookup';
import type { Scenario } from '../scenario/scenario-types';
import type { SiteFeature, SiteProperties } from '../types';
import { applyCalibrationChange } from './calibration-changes';
import { batch, NO_CHANGE, type ScenarioChange, type SitePropertiesPatch } from './scenario-change';

export interface AppliedChange {
  scenario: Scenario;
  /** Applying this to `scenario` gives back the scenario the change was applied to. */
  inverse: ScenarioChange;
}

interface Identified {
  properties: { id: string };
}

const siteId = (site: Identified) => site.properties.id;
const byId = (left: Identified, right: Identified) => compareIds(siteId(left), siteId(right));

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Last occurrence wins, so a change naming an id twice behaves like naming it once. */
function lastById<Item extends Identified>(items: readonly Item[]): Item[] {
  return [...new Map(items.map((item) => [siteId(item), item])).values()];
}

function indexOf(items: readonly Identified[]): Map<string, number> {
  return new Map(items.map((item, index) => [siteId(item), index]));
}

/** Upserts into a list: replaces in place by id, appends new ids (sorted lists stay sorted). */
function upsert<Item extends Identified>(
  list: readonly Item[],
  items: readonly Item[],
  keepSorted: boolean,
): { list: readonly Item[]; replaced: Item[]; appendedIds: string[] } {
  const positions = indexOf(list);
  const next = [...list];
  const replaced: Item[] = [];
  const appendedIds: string[] = [];
  for (const item of lastById(items)) {
    const position = positions.get(siteId(item));
    if (position === undefined) {
      next.push(item);
      appendedIds.push(siteId(item));
    } else if (next[position] !== item) {
      replaced.push(next[position]!);
      next[position] = item;
    }
  }
  if (replaced.length === 0 && appendedIds.length === 0) return { list, replaced, appendedIds };
  if (keepSorted) next.sort(byId);
  return { list: next, replaced, appendedIds };
}

function removeIds<Item extends Identified>(
  list: readonly Item[],
  ids: readonly string[],
): { list: readonly Item[]; removed: { index: number; item: Item }[] } {
  const wanted = new Set(ids);
  const removed: { index: number; item: Item }[] = [];
  const kept = list.filter((item, index) => {
    if (!wanted.has(siteId(item))) return true;
    removed.push({ index, item });
    return false;
  });
  return removed.length === 0 ? { list, removed } : { list: kept, removed };
}

function patchSite(site: SiteFeature, patch: SitePropertiesPatch): SiteFeature {
  let properties: SiteProperties | undefined;
  for (const [field, value] of Object.entries(patch) as [keyof SiteProperties, unknown][]) {
    if (field === 'id' || value === undefined) continue;
    const current = (properties ?? site.properties)[field];
    if (value === null ? !Object.hasOwn(site.properties, field) : current === value) continue;
    properties ??= { ...site.properties };
    if (value === null) delete properties[field];
    else (properties as unknown as Record<string, unknown>)[field] = value;
  }
  return properties ? { ...site, properties } : site;
}

/**
 * Transforms the sites of a list whose ids are given; returns the old versions of the sites that
 * changed. Finds them through the list's position index instead of visiting every site: a drag step
 * among 38,000 candidates then copies one array of references rather than calling the transform 38,000
 * times. Ids are unique within a list (upsert keeps them so).
 */
function mapSites(
  list: readonly SiteFeature[],
  ids: Iterable<string>,
  transform: (site: SiteFeature) => SiteFeature | undefined,
): { list: readonly SiteFeature[]; previous: SiteFeature[] } {
  const index = siteIndex(list);
  const previous: SiteFeature[] = [];
  let next: SiteFeature[] | null = null;
  for (const id of ids) {
    const position = index.position(id);
    if (position === undefined) continue;
    const site = list[position]!;
    const changed = transform(site);
    if (!changed || changed === site) continue;
    next ??= list.slice();
    next[position] = changed;
    previous.push(site);
  }
  return next ? { list: next, previous } : { list, previous };
}

function sortedIdsWith(ids: readonly string[], extra: readonly string[]): readonly string[] {
  const present = new Set(ids);
  const added = [...new Set(extra)].filter((id) => !present.has(id));
  return added.length === 0 ? ids : [...ids, ...added].sort(compareIds);
}

/** The scenario's lists kept sorted by id: modified baseline sites, imported existing sites and poles. */
type SortedField = 'modifiedSites' | 'existingSites' | 'poles';
type SortedItem<Field extends SortedField> = Scenario[Field][number];

/** Inserts or replaces items of a sorted list; the inverse deletes what was appended and puts back what was replaced. */
function putSorted<Field extends SortedField>(
  scenario: Scenario,
  field: Field,
  items: readonly SortedItem<Field>[],
  inverse: (appendedIds: string[], replaced: SortedItem<Field>[]) => ScenarioChange[],
): AppliedChange {
  const current = scenario[field] as readonly SortedItem<Field>[];
  const { list, replaced, appendedIds } = upsert(current, items, true);
  if (list === current) return { scenario, inverse: NO_CHANGE };
  return { scenario: { ...scenario, [field]: list }, inverse: batch(inverse(appendedIds, replaced)) };
}

/** Deletes items of a sorted list by id; the inverse puts them back. */
function deleteSorted<Field extends SortedField>(
  scenario: Scenario,
  field: Field,
  ids: readonly string[],
  inverse: (removed: SortedItem<Field>[]) => ScenarioChange,
): AppliedChange {
  const { list, removed } = removeIds(scenario[field] as readonly SortedItem<Field>[], ids);
  if (removed.length === 0) return { scenario, inverse: NO_CHANGE };
  return {
    scenario: { ...scenario, [field]: list },
    inverse: inverse(removed.map((entry) => entry.item)),
  };
}

function applyOne(scenario: Scenario, change: ScenarioChange): AppliedChange {
  switch (change.type) {
    case 'putSites': {
      const { list, replaced, appendedIds } = upsert(scenario.addedSites, change.sites, false);
      if (list === scenario.addedSites) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, addedSites: list },
        inverse: batch([
          { type: 'deleteSites', ids: appendedIds },
          { type: 'putSites', sites: replaced },
        ]),
      };
    }
    case 'insertSites': {
      const present = indexOf(scenario.addedSites);
      const entries = [...change.entries]
        .filter((entry) => !present.has(siteId(entry.site)))
        .sort((left, right) => left.index - right.index);
      if (entries.length === 0) return { scenario, inverse: NO_CHANGE };
      const next = [...scenario.addedSites];
      for (const entry of entries)
        next.splice(Math.min(Math.max(entry.index, 0), next.length), 0, entry.site);
      return {
        scenario: { ...scenario, addedSites: next },
        inverse: { type: 'deleteSites', ids: entries.map((entry) => siteId(entry.site)) },
      };
    }
    case 'deleteSites': {
      const { list, removed } = removeIds(scenario.addedSites, change.ids);
      if (removed.length === 0) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, addedSites: list },
        inverse: { type: 'insertSites', entries: removed.map(({ index, item }) => ({ index, site: item })) },
      };
    }
    case 'setProperties':
    case 'moveSites': {
      const transform = siteTransform(change);
      const ids = new Set(change.type === 'setProperties' ? change.ids : change.moves.map((move) => move.id));
      const added = mapSites(scenario.addedSites, ids, transform);
      const modified = mapSites(scenario.modifiedSites, ids, transform);
      if (added.previous.length === 0 && modified.previous.length === 0)
        return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, addedSites: added.list, modifiedSites: modified.list },
        inverse: batch([
          { type: 'putSites', sites: added.previous },
          { type: 'putModifications', sites: modified.previous },
        ]),
      };
    }
    case 'putModifications':
      return putSorted(scenario, 'modifiedSites', change.sites, (appendedIds, replaced) => [
        { type: 'dropModifications', ids: appendedIds },
        { type: 'putModifications', sites: replaced },
      ]);
    case 'dropModifications':
      return deleteSorted(scenario, 'modifiedSites', change.ids, (removed) => ({
        type: 'putModifications',
        sites: removed,
      }));
    case 'markForRemoval': {
      const ids = sortedIdsWith(scenario.removedSiteIds, change.ids);
      if (ids === scenario.removedSiteIds) return { scenario, inverse: NO_CHANGE };
      const before = new Set(scenario.removedSiteIds);
      const newlyMarked = ids.filter((id) => !before.has(id));
      return {
        scenario: { ...scenario, removedSiteIds: ids },
        inverse: { type: 'unmarkForRemoval', ids: newlyMarked },
      };
    }
    case 'unmarkForRemoval': {
      const unwanted = new Set(change.ids);
      const unmarked = scenario.removedSiteIds.filter((id) => unwanted.has(id));
      if (unmarked.length === 0) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, removedSiteIds: scenario.removedSiteIds.filter((id) => !unwanted.has(id)) },
        inverse: { type: 'markForRemoval', ids: unmarked },
      };
    }
    case 'putExistingSites':
      return putSorted(scenario, 'existingSites', change.sites, (appendedIds, replaced) => [
        { type: 'deleteExistingSites', ids: appendedIds },
        { type: 'putExistingSites', sites: replaced },
      ]);
    case 'deleteExistingSites':
      return deleteSorted(scenario, 'existingSites', change.ids, (removed) => ({
        type: 'putExistingSites',
        sites: removed,
      }));
    case 'putPoles':
      return putSorted(scenario, 'poles', change.poles, (appendedIds, replaced) => [
        { type: 'deletePoles', ids: appendedIds },
        { type: 'putPoles', poles: replaced },
      ]);
    case 'deletePoles':
      return deleteSorted(scenario, 'poles', change.ids, (removed) => ({ type: 'putPoles', poles: removed }));
    case 'putMeasurements':
    case 'deleteMeasurements':
    case 'setCalibration':
      return applyCalibrationChange(scenario, change);
    case 'rename': {
      if (change.name === scenario.name) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, name: change.name },
        inverse: { type: 'rename', name: scenario.name },
      };
    }
    case 'batch': {
      let current = scenario;
      const inverses: ScenarioChange[] = [];
      for (const inner of change.changes) {
        const applied = applyOne(current, inner);
        current = applied.scenario;
        inverses.unshift(applied.inverse);
      }
      return { scenario: current, inverse: current === scenario ? NO_CHANGE : batch(inverses) };
    }
  }
}

function siteTransform(
  change: Extract<ScenarioChange, { type: 'setProperties' | 'moveSites' }>,
): (site: SiteFeature) => SiteFeature | undefined {
  if (change.type === 'setProperties') {
    const ids = new Set(change.ids);
    return (site) => (ids.has(siteId(site)) ? patchSite(site, change.patch) : undefined);
  }
  const targets = new Map(change.moves.map((move) => [move.id, move.coordinates]));
  return (site) => {
    const coordinates = targets.get(siteId(site));
    if (!coordinates) return undefined;
    const current = site.geometry.coordinates;
    const same =
      coordinates.length === current.length && coordinates.every((value, i) => value === current[i]);
    return same ? site : { ...site, geometry: { ...site.geometry, coordinates: [...coordinates] } };
  };
}

/**
 * Applies a change to a scenario and returns the new scenario with the change's inverse.
 * Timestamps are not touched here (see history.ts), so apply-then-inverse is an exact identity.
 */
export function applyChange(scenario: Scenario, change: ScenarioChange): AppliedChange {
  return applyOne(scenario, change);
}

/** True when the change does nothing (an empty batch). */
export function isNoChange(change: ScenarioChange): boolean {
  return change.type === 'batch' && change.changes.every(isNoChange);
}
