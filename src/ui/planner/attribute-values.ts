/**
 * What the attribute panel shows for a selection: where each site comes from (read-only baseline or
 * editable), and per field the one shared value or "mixed". Pure, unit-tested.
 */
import { siteOrigin } from '../../domain/history/change-builders';
import type { BaselineSites } from '../../domain/scenario/baseline-sites';
import { addedSite, modifiedSite } from '../../domain/scenario/scenario-lookup';
import type { Scenario } from '../../domain/scenario/scenario-types';
import type { SiteFeature, SiteProperties } from '../../domain/types';

export type SelectionOrigin = 'added' | 'modified' | 'baseline' | 'removed' | 'unknown';

export interface SelectedSite {
  site: SiteFeature;
  origin: SelectionOrigin;
}

export type FieldValue<T> = { kind: 'none' } | { kind: 'same'; value: T | undefined } | { kind: 'mixed' };

/** The selected sites with their origin; ids no longer in the scenario are dropped. */
export function describeSelection(
  scenario: Scenario,
  baseline: BaselineSites,
  ids: readonly string[],
): SelectedSite[] {
  const removed = new Set(scenario.removedSiteIds);
  const result: SelectedSite[] = [];
  for (const id of ids) {
    const origin = siteOrigin(scenario, baseline, id);
    const site =
      origin === 'added'
        ? addedSite(scenario, id)
        : origin === 'modified'
          ? modifiedSite(scenario, id)
          : baseline.get(id);
    if (!site) continue;
    result.push({ site, origin: removed.has(id) ? 'removed' : origin });
  }
  return result;
}

/** The value all sites share for a field (undefined = all unset), or mixed. */
export function commonValue<Field extends keyof SiteProperties>(
  sites: readonly SiteFeature[],
  field: Field,
): FieldValue<SiteProperties[Field]> {
  const first = sites[0];
  if (!first) return { kind: 'none' };
  const value = first.properties[field];
  return sites.every((site) => site.properties[field] === value)
    ? { kind: 'same', value }
    : { kind: 'mixed' };
}

/** Editable means the scenario's own sites and modified baseline sites not planned for removal. */
export const isEditable = (selected: SelectedSite): boolean =>
  selected.origin === 'added' || selected.origin === 'modified';

/** Parses a number field; empty text means "clear the field" (null) where that is allowed. */
export function parseNumberInput(text: string): number | null | typeof Number.NaN {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}
