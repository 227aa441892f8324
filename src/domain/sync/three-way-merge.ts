/**
 * Three-way merge of a shared scenario: `base` is the revision both sides started from, `mine` the
 * planner's local version, `theirs` the server's current revision. Changes to different sites merge by
 * themselves; a site both sides changed differently is a conflict, settled per site by the planner
 * (keep mine, take theirs). Nothing is dropped silently: every change of either side is either in the
 * result or listed as a conflict the planner chose against.
 *
 * Conflicts are per site, across lists: planning a baseline site for removal on one side and modifying
 * it on the other collide although they touch different lists. Poles have their own id space.
 */
import type { Scenario } from '../scenario/scenario-types';
import { applyDelta } from './apply-delta';
import { countDelta, type DeltaCounts } from './delta-summary';
import { sameJson } from './same-json';
import { diffScenarios, type ItemChange, invertDelta, type ScenarioDelta } from './scenario-delta';

export type ConflictSide = 'mine' | 'theirs';

/** The key of a name conflict. */
export const NAME_KEY = 'name';

export interface MergeConflict {
  /** The site id (poles: `pole:ID`; the scenario's name: NAME_KEY). */
  key: string;
  /** What each side did to it, as counts (added, moved, edited, deleted, removed, restored…). */
  mine: DeltaCounts;
  theirs: DeltaCounts;
  /** The names, for a name conflict. */
  names?: { mine: string; theirs: string };
}

export interface MergeResult {
  /** theirs with every non-conflicting change of mine, and each conflict settled as chosen. */
  merged: Scenario;
  conflicts: MergeConflict[];
}

const keyOf = (change: ItemChange) => (change.list === 'poles' ? `pole:${change.id}` : change.id);

function groupByKey(items: readonly ItemChange[]): Map<string, ItemChange[]> {
  const groups = new Map<string, ItemChange[]>();
  for (const change of items) {
    const key = keyOf(change);
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return groups;
}

/** True when both sides leave the key's items with the same values. */
function sameOutcome(mine: readonly ItemChange[], theirs: readonly ItemChange[]): boolean {
  const afterOf = (changes: readonly ItemChange[]) =>
    new Map(changes.map((change) => [`${change.list}:${change.id}`, change.after]));
  const mineAfter = afterOf(mine);
  const theirsAfter = afterOf(theirs);
  if (mineAfter.size !== theirsAfter.size) return false;
  for (const [item, value] of mineAfter) {
    if (!theirsAfter.has(item) || !sameJson(value, theirsAfter.get(item))) return false;
  }
  return true;
}

/**
 * Keeps mine over theirs for one site: their change is undone and mine made, item by item, so no half
 * of theirs survives under mine (their removal mark goes when I modified the site). A site of mine that
 * they deleted comes back where it stood.
 */
function overrule(theirChanges: readonly ItemChange[], myChanges: readonly ItemChange[]): ItemChange[] {
  const combined = new Map<string, ItemChange>();
  for (const change of invertDelta({ items: [...theirChanges] }).items)
    combined.set(`${change.list}:${change.id}`, change);
  for (const change of myChanges) {
    const item = `${change.list}:${change.id}`;
    const undone = combined.get(item);
    const next: ItemChange = { ...change };
    if (undone?.afterIndex !== undefined && next.afterIndex === undefined && next.after !== undefined)
      next.afterIndex = undone.afterIndex;
    combined.set(item, next);
  }
  return [...combined.values()];
}

/**
 * Merges; `choices` settles conflicts by key (a conflict without a choice keeps mine, so the planner's
 * own work is never the side dropped without asking — the caller asks before it merges for good).
 */
export function mergeScenarios(
  base: Scenario,
  mine: Scenario,
  theirs: Scenario,
  choices: ReadonlyMap<string, ConflictSide> = new Map(),
): MergeResult {
  const myDelta = diffScenarios(base, mine);
  const theirDelta = diffScenarios(base, theirs);
  const myGroups = groupByKey(myDelta.items);
  const theirGroups = groupByKey(theirDelta.items);
  const conflicts: MergeConflict[] = [];
  const items: ItemChange[] = [];
  for (const [key, myChanges] of myGroups) {
    const theirChanges = theirGroups.get(key);
    if (!theirChanges) {
      items.push(...myChanges);
      continue;
    }
    if (sameOutcome(myChanges, theirChanges)) continue;
    conflicts.push({
      key,
      mine: countDelta({ items: myChanges }),
      theirs: countDelta({ items: theirChanges }),
    });
    if ((choices.get(key) ?? 'mine') === 'mine') {
      items.push(...overrule(theirChanges, myChanges));
    }
  }
  const delta: ScenarioDelta = { items };
  if (myDelta.name) {
    if (theirDelta.name && theirDelta.name.after !== myDelta.name.after) {
      conflicts.push({
        key: NAME_KEY,
        mine: countDelta({ items: [], name: myDelta.name }),
        theirs: countDelta({ items: [], name: theirDelta.name }),
        names: { mine: myDelta.name.after, theirs: theirDelta.name.after },
      });
      if ((choices.get(NAME_KEY) ?? 'mine') === 'mine')
        delta.name = { before: theirs.name, after: myDelta.name.after };
    } else {
      delta.name = { before: theirs.name, after: myDelta.name.after };
    }
  }
  return { merged: applyDelta(theirs, delta), conflicts };
}
