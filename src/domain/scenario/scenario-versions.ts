/**
 * Two versions of one scenario, compared and merged. When another tab (or, later, a team server) saves
 * the scenario this tab has open, the other version's edits are turned into one ScenarioChange against
 * the version both started from, and that change is applied on top of this tab's work: both tabs' sites
 * survive. Items are compared by id and by value (a version read back from storage holds new objects).
 */
import { applyChange } from '../history/apply-change';
import { batch, type ScenarioChange } from '../history/scenario-change';
import type { PoleFeature, SiteFeature } from '../types';
import type { Scenario } from './scenario-types';

type Identified = { properties: { id: string } };

/** Deep equality of JSON-like values (what scenarios are made of). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return Number.isNaN(left) && Number.isNaN(right);
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left)) {
    const other = right as unknown[];
    return left.length === other.length && left.every((item, index) => sameValue(item, other[index]));
  }
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) =>
    sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  );
}

interface ListDiff<Item> {
  /** Items new or different in `to`, in `to`'s order. */
  put: Item[];
  /** Ids in `from` that `to` no longer has. */
  deleted: string[];
}

function diffList<Item extends Identified>(from: readonly Item[], to: readonly Item[]): ListDiff<Item> {
  if (from === to) return { put: [], deleted: [] };
  const before = new Map(from.map((item) => [item.properties.id, item]));
  const after = new Set<string>();
  const put: Item[] = [];
  for (const item of to) {
    const id = item.properties.id;
    after.add(id);
    const old = before.get(id);
    if (old === undefined || (old !== item && !sameValue(old, item))) put.push(item);
  }
  const deleted = from.map((item) => item.properties.id).filter((id) => !after.has(id));
  return { put, deleted };
}

function diffIds(from: readonly string[], to: readonly string[]): { added: string[]; dropped: string[] } {
  if (from === to) return { added: [], dropped: [] };
  const before = new Set(from);
  const after = new Set(to);
  return {
    added: to.filter((id) => !before.has(id)),
    dropped: from.filter((id) => !after.has(id)),
  };
}

/**
 * Measurement sets added and dropped, by id: a set never changes once imported (measurement-records.ts),
 * so comparing ids is enough and never walks a million-sample column.
 */
function diffMeasurements(from: Scenario, to: Scenario): ScenarioChange[] {
  if (from.measurements === to.measurements) return [];
  const before = new Set(from.measurements.map((set) => set.id));
  const after = new Set(to.measurements.map((set) => set.id));
  const changes: ScenarioChange[] = [];
  const dropped = [...before].filter((id) => !after.has(id));
  const added = to.measurements.filter((set) => !before.has(set.id));
  if (dropped.length > 0) changes.push({ type: 'deleteMeasurements', ids: dropped });
  if (added.length > 0) changes.push({ type: 'putMeasurements', sets: added });
  return changes;
}

/** The one change that turns `from` into `to` (name and every list; timestamps are not edits). */
export function changeBetween(from: Scenario, to: Scenario): ScenarioChange {
  if (from === to) return batch([]);
  const added = diffList<SiteFeature>(from.addedSites, to.addedSites);
  const modified = diffList<SiteFeature>(from.modifiedSites, to.modifiedSites);
  const existing = diffList<SiteFeature>(from.existingSites, to.existingSites);
  const poles = diffList<PoleFeature>(from.poles, to.poles);
  const removed = diffIds(from.removedSiteIds, to.removedSiteIds);
  const changes: ScenarioChange[] = [];
  if (added.deleted.length > 0) changes.push({ type: 'deleteSites', ids: added.deleted });
  if (added.put.length > 0) changes.push({ type: 'putSites', sites: added.put });
  if (modified.deleted.length > 0) changes.push({ type: 'dropModifications', ids: modified.deleted });
  if (modified.put.length > 0) changes.push({ type: 'putModifications', sites: modified.put });
  if (removed.dropped.length > 0) changes.push({ type: 'unmarkForRemoval', ids: removed.dropped });
  if (removed.added.length > 0) changes.push({ type: 'markForRemoval', ids: removed.added });
  if (existing.deleted.length > 0) changes.push({ type: 'deleteExistingSites', ids: existing.deleted });
  if (existing.put.length > 0) changes.push({ type: 'putExistingSites', sites: existing.put });
  if (poles.deleted.length > 0) changes.push({ type: 'deletePoles', ids: poles.deleted });
  if (poles.put.length > 0) changes.push({ type: 'putPoles', poles: poles.put });
  if (from.name !== to.name) changes.push({ type: 'rename', name: to.name });
  changes.push(...diffMeasurements(from, to));
  if (!sameValue(from.calibration, to.calibration)) {
    changes.push({ type: 'setCalibration', calibration: to.calibration });
  }
  return batch(changes);
}

/** Ids (sites, poles, removals, `measurement:` sets), 'name' and 'calibration' that a change touches. */
function touched(change: ScenarioChange, into: Set<string>): Set<string> {
  switch (change.type) {
    case 'batch':
      for (const inner of change.changes) touched(inner, into);
      break;
    case 'putSites':
    case 'putModifications':
    case 'putExistingSites':
      for (const site of change.sites) into.add(site.properties.id);
      break;
    case 'putPoles':
      for (const pole of change.poles) into.add(`pole:${pole.properties.id}`);
      break;
    case 'deletePoles':
      for (const id of change.ids) into.add(`pole:${id}`);
      break;
    case 'insertSites':
      for (const entry of change.entries) into.add(entry.site.properties.id);
      break;
    case 'moveSites':
      for (const move of change.moves) into.add(move.id);
      break;
    case 'rename':
      into.add('name');
      break;
    case 'putMeasurements':
      for (const set of change.sets) into.add(`measurement:${set.id}`);
      break;
    case 'deleteMeasurements':
      for (const id of change.ids) into.add(`measurement:${id}`);
      break;
    case 'setCalibration':
      into.add('calibration');
      break;
    default:
      for (const id of change.ids) into.add(id);
  }
  return into;
}

/** What a scenario holds under a key `touched` reports: a site, a pole, a removal mark or the name. */
function stateOf(scenario: Scenario, key: string): unknown {
  if (key === 'name') return scenario.name;
  if (key === 'calibration') return scenario.calibration;
  if (key.startsWith('measurement:')) {
    return scenario.measurements.some((set) => `measurement:${set.id}` === key);
  }
  if (key.startsWith('pole:')) return scenario.poles.find((pole) => `pole:${pole.properties.id}` === key);
  const find = (list: readonly SiteFeature[]) => list.find((site) => site.properties.id === key);
  return [
    find(scenario.addedSites),
    find(scenario.modifiedSites),
    find(scenario.existingSites),
    scenario.removedSiteIds.includes(key),
  ];
}

export interface MergedVersions {
  /** `mine` with the edits `theirs` made since `base`. */
  merged: Scenario;
  /** The edits of `theirs` since `base`, as one change (apply it to a live session as a remote edit). */
  theirChange: ScenarioChange;
  /** Ids (and 'name') both versions changed since `base`: the other version's edit won there. */
  conflicts: string[];
}

/**
 * Three-way merge: both versions started from `base`; the result keeps this version's edits and adds
 * the other's. Where both edited the same site, the other (saved later) version wins, and the id is
 * reported so the user can be told.
 */
export function mergeScenarioVersions(base: Scenario, mine: Scenario, theirs: Scenario): MergedVersions {
  const theirChange = changeBetween(base, theirs);
  const ours = touched(changeBetween(base, mine), new Set());
  const applied = applyChange(mine, theirChange).scenario;
  const both = [...touched(theirChange, new Set())].filter((id) => ours.has(id));
  const conflicts = both.filter((key) => !sameValue(stateOf(mine, key), stateOf(applied, key)));
  // ISO timestamps order as text: the later of the two.
  const updatedAt = [mine.updatedAt, theirs.updatedAt].sort()[1]!;
  const merged = applied === mine && updatedAt === mine.updatedAt ? mine : { ...applied, updatedAt };
  return { merged, theirChange, conflicts };
}
