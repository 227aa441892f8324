/**
 * A revision's changes in words a planner reads in the history: how many sites were added, moved,
 * edited, deleted, planned for removal or restored. Counts, so the UI can say them in either language;
 * `describeCounts` gives the English line the API's `summary` carries.
 */
import type { SiteFeature } from '../types';
import { sameJson } from './same-json';
import type { ItemChange, ScenarioDelta } from './scenario-delta';

export interface DeltaCounts {
  /** The scenario's own sites added. */
  added: number;
  /** Sites whose position changed. */
  moved: number;
  /** Sites whose attributes changed. */
  edited: number;
  /** The scenario's own sites (or imported existing sites) deleted. */
  deleted: number;
  /** Baseline sites planned for removal. */
  removed: number;
  /** Baseline sites back to the baseline: a removal cancelled or a modification dropped. */
  restored: number;
  /** Existing sites imported into the scenario. */
  imported: number;
  /** Poles imported, changed or dropped. */
  poles: number;
  renamed: boolean;
}

export const emptyCounts = (): DeltaCounts => ({
  added: 0,
  moved: 0,
  edited: 0,
  deleted: 0,
  removed: 0,
  restored: 0,
  imported: 0,
  poles: 0,
  renamed: false,
});

/** Looks a shared-baseline site up by id, to tell what a first modification of it changed. */
export type BaselineLookup = (id: string) => SiteFeature | undefined;

function countChanged(counts: DeltaCounts, before: unknown, after: unknown): void {
  const old = before as SiteFeature | undefined;
  const next = after as SiteFeature | undefined;
  if (!old || !next) {
    counts.edited += 1;
    return;
  }
  if (!sameJson(old.geometry, next.geometry)) counts.moved += 1;
  if (!sameJson(old.properties, next.properties)) counts.edited += 1;
}

function countItem(counts: DeltaCounts, change: ItemChange, baseline: BaselineLookup | undefined): void {
  const created = change.before === undefined;
  const gone = change.after === undefined;
  switch (change.list) {
    case 'addedSites':
      if (created) counts.added += 1;
      else if (gone) counts.deleted += 1;
      else countChanged(counts, change.before, change.after);
      return;
    case 'existingSites':
      if (created) counts.imported += 1;
      else if (gone) counts.deleted += 1;
      else countChanged(counts, change.before, change.after);
      return;
    case 'poles':
      counts.poles += 1;
      return;
    case 'modifiedSites':
      if (gone) counts.restored += 1;
      else countChanged(counts, created ? baseline?.(change.id) : change.before, change.after);
      return;
    case 'removedSiteIds':
      if (gone) counts.restored += 1;
      else counts.removed += 1;
  }
}

/** Counts a delta's changes by what a planner would call them. */
export function countDelta(delta: ScenarioDelta, baseline?: BaselineLookup): DeltaCounts {
  const counts = emptyCounts();
  for (const change of delta.items) countItem(counts, change, baseline);
  counts.renamed = delta.name !== undefined;
  return counts;
}

const WORDS: [Exclude<keyof DeltaCounts, 'renamed'>, string][] = [
  ['added', 'added'],
  ['moved', 'moved'],
  ['edited', 'edited'],
  ['deleted', 'deleted'],
  ['removed', 'planned for removal'],
  ['restored', 'restored to the baseline'],
  ['imported', 'existing imported'],
  ['poles', 'poles changed'],
];

/** "2 added, 1 moved; renamed" — or "no change". */
export function describeCounts(counts: DeltaCounts): string {
  const parts = WORDS.filter(([key]) => counts[key] > 0).map(([key, word]) => `${counts[key]} ${word}`);
  if (counts.renamed) parts.push('renamed');
  return parts.length > 0 ? parts.join(', ') : 'no change';
}
