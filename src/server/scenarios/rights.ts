/**
 * What a user may change in a scenario, judged by the server on every write from the delta between
 * the stored scenario and the one sent. A district user may touch a site only if it lies in their
 * district both before and after the change, by its position (never by its `adcode` attribute, which
 * is the user's own claim). A modification or removal of a baseline site is judged at the baseline
 * site's position too, so a district cannot pull a neighbour's site across the border.
 */
import type { Position } from 'geojson';
import type { BaselineSites } from '../../domain/scenario/baseline-sites';
import { siteIndex } from '../../domain/scenario/scenario-lookup';
import type { Scenario } from '../../domain/scenario/scenario-types';
import type { ItemChange, ItemValue, ScenarioDelta } from '../../domain/sync/scenario-delta';
import type { SiteFeature } from '../../domain/types';
import type { User } from '../auth/users';

export interface RightsContext {
  baseline: BaselineSites;
  districtOf(lon: number, lat: number): string | undefined;
}

/** Who may write a scenario at all: a scenario of a district is its district's and the city's. */
export interface ScenarioOwner {
  /** The district whose plan this is; null for city plans. */
  district: string | null;
}

export type RightsVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'readOnlyRole' | 'sitesOutsideDistrict' | 'cityOnlyField'; siteIds: string[] };

const positionOf = (value: ItemValue | undefined): Position | undefined =>
  value === undefined || value === true ? undefined : value.geometry.coordinates;

/** The site a baseline id names in this scenario: an imported existing site, else the shared baseline's. */
function baseSite(scenario: Scenario, context: RightsContext, id: string): SiteFeature | undefined {
  return siteIndex(scenario.existingSites).get(id) ?? context.baseline.get(id);
}

const isKnown = (position: Position | undefined): position is Position => position !== undefined;

/** Every position a change touches; `undefined` stands for a site whose position cannot be known. */
function touchedPositions(
  change: ItemChange,
  current: Scenario,
  context: RightsContext,
): (Position | undefined)[] {
  const own = [positionOf(change.before), positionOf(change.after)].filter(isKnown);
  if (change.list === 'modifiedSites') {
    return [...own, baseSite(current, context, change.id)?.geometry.coordinates];
  }
  if (change.list === 'removedSiteIds') {
    const modified = siteIndex(current.modifiedSites).get(change.id)?.geometry.coordinates;
    const base = baseSite(current, context, change.id)?.geometry.coordinates;
    return modified || base ? [modified, base].filter(isKnown) : [undefined];
  }
  return own;
}

/**
 * Whether `user` may turn `current` into the scenario `delta` leads to. `owner` is the scenario's
 * owning district (a district may rename only its own plans).
 */
export function judgeWrite(
  user: User,
  owner: ScenarioOwner,
  current: Scenario,
  delta: ScenarioDelta,
  context: RightsContext,
): RightsVerdict {
  if (user.role === 'city') return { allowed: true };
  if (user.role !== 'district' || !user.district)
    return { allowed: false, reason: 'readOnlyRole', siteIds: [] };
  if (delta.baselineRef || (delta.name && owner.district !== user.district)) {
    return { allowed: false, reason: 'cityOnlyField', siteIds: [] };
  }
  const outside = new Set<string>();
  for (const change of delta.items) {
    const positions = touchedPositions(change, current, context);
    const inside = positions.every(
      (position) =>
        position !== undefined && context.districtOf(position[0]!, position[1]!) === user.district,
    );
    if (!inside || positions.length === 0) outside.add(change.id);
  }
  return outside.size === 0
    ? { allowed: true }
    : { allowed: false, reason: 'sitesOutsideDistrict', siteIds: [...outside] };
}
