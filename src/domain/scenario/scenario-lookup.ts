/**
 * Site look-ups by id in a scenario's own lists. A scenario can hold tens of thousands of added sites,
 * and toolbar state, the attribute panel and commands ask "where is this id?" on every store update;
 * a linear search there cost seconds during a drag. The lists are immutable values (any edit makes a
 * new array), so an index is kept per list in a WeakMap. The index maps id → position: a drag or an
 * attribute edit makes a list with the same ids in the same order, which reuses the previous list's
 * positions after one cheap pass instead of hashing every id again.
 */
import type { SiteFeature } from '../types';
import type { BaselineSites } from './baseline-sites';
import type { Scenario } from './scenario-types';

export interface SiteLookup {
  get(id: string): SiteFeature | undefined;
  has(id: string): boolean;
  /** Where the site with this id sits in the list. */
  position(id: string): number | undefined;
}

type Positions = ReadonlyMap<string, number>;

const lookups = new WeakMap<readonly SiteFeature[], SiteLookup>();
/** The last few lists indexed (added and modified lists alternate), newest first. */
const recent: { sites: readonly SiteFeature[]; positions: Positions }[] = [];
const RECENT_LISTS = 4;

/** True when both lists hold the same ids in the same order (a drag or an attribute edit). */
export function sameIdsInOrder(before: readonly SiteFeature[], after: readonly SiteFeature[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let index = 0; index < before.length; index++) {
    const old = before[index]!;
    const next = after[index]!;
    if (old !== next && old.properties.id !== next.properties.id) return false;
  }
  return true;
}

function positionsOf(sites: readonly SiteFeature[]): Positions {
  for (const entry of recent) if (sameIdsInOrder(entry.sites, sites)) return entry.positions;
  const positions = new Map<string, number>();
  sites.forEach((site, index) => {
    if (!positions.has(site.properties.id)) positions.set(site.properties.id, index);
  });
  return positions;
}

/** The sites of one list by id (the first one wins if an id repeats). */
export function siteIndex(sites: readonly SiteFeature[]): SiteLookup {
  let lookup = lookups.get(sites);
  if (!lookup) {
    const positions = positionsOf(sites);
    recent.unshift({ sites, positions });
    recent.length = Math.min(recent.length, RECENT_LISTS);
    const get = (id: string): SiteFeature | undefined => {
      const position = positions.get(id);
      return position === undefined ? undefined : sites[position];
    };
    lookup = { get, has: (id) => positions.has(id), position: (id) => positions.get(id) };
    lookups.set(sites, lookup);
  }
  return lookup;
}

/** The scenario's own site with this id: an added site, else a modified baseline site. */
export function scenarioSite(scenario: Scenario, id: string): SiteFeature | undefined {
  return siteIndex(scenario.addedSites).get(id) ?? siteIndex(scenario.modifiedSites).get(id);
}

export const addedSite = (scenario: Scenario, id: string): SiteFeature | undefined =>
  siteIndex(scenario.addedSites).get(id);

export const modifiedSite = (scenario: Scenario, id: string): SiteFeature | undefined =>
  siteIndex(scenario.modifiedSites).get(id);

/** The effective feature of an id in the scenario (added, modified, or baseline). */
export function effectiveSite(
  scenario: Scenario,
  baseline: BaselineSites,
  id: string,
): SiteFeature | undefined {
  return scenarioSite(scenario, id) ?? baseline.get(id);
}

/** True for sites a drag may move: the scenario's own and modified ones not planned for removal. */
export function isDraggableSite(scenario: Scenario, id: string): boolean {
  if (siteIndex(scenario.addedSites).has(id)) return true;
  return siteIndex(scenario.modifiedSites).has(id) && !scenario.removedSiteIds.includes(id);
}
