/**
 * An import applied to a scenario: the one undoable change it makes, and the site ids it must not
 * reuse (services/import-inputs.ts adds the poles the app loads).
 */
import type { ScenarioChange } from '../history/scenario-change';
import type { ImportLayer } from '../import/import-types';
import type { PoleFeature, SiteFeature, SiteStatus } from '../types';
import type { BaselineSites } from './baseline-sites';
import type { Scenario } from './scenario-types';

/** What imported sites are to the scenario: the operator's existing sites, or new candidates. */
export type ImportSiteRole = 'existing' | 'candidate';

/** The status imported sites get: an operator's existing sites stay 'existing'. */
export function siteStatusFor(role: ImportSiteRole): SiteStatus {
  return role === 'existing' ? 'existing' : 'candidate';
}

/**
 * The one undoable change that adds an import to the open scenario. Existing sites extend the
 * scenario's baseline (read-only, not counted as added), candidates become the scenario's own
 * sites, poles join the scenario's imported poles. Nothing already in the scenario is touched:
 * the worker gave every row an id the scenario does not have.
 */
export function importChange(
  layer: ImportLayer,
  features: readonly (SiteFeature | PoleFeature)[],
  role: ImportSiteRole,
): ScenarioChange {
  if (layer === 'poles') return { type: 'putPoles', poles: features as PoleFeature[] };
  const status = siteStatusFor(role);
  const sites = (features as SiteFeature[]).map((site) =>
    site.properties.status === status ? site : { ...site, properties: { ...site.properties, status } },
  );
  return role === 'existing' ? { type: 'putExistingSites', sites } : { type: 'putSites', sites };
}

/** Every site id the open scenario can see: baseline, imported existing, added and modified. */
export function scenarioSiteIds(
  baseline: Pick<BaselineSites, 'features'> | null,
  scenario: Scenario | null,
): Set<string> {
  const ids = new Set<string>();
  for (const site of baseline?.features ?? []) ids.add(site.properties.id);
  for (const site of scenario?.existingSites ?? []) ids.add(site.properties.id);
  for (const site of scenario?.addedSites ?? []) ids.add(site.properties.id);
  for (const site of scenario?.modifiedSites ?? []) ids.add(site.properties.id);
  return ids;
}
