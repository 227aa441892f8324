/**
 * What applying an import needs besides the worker: the ids already taken (baseline, scenario,
 * poles), the one scenario change an import makes, and the box the map fits to afterwards.
 */
import type { ScenarioChange } from '../domain/history/scenario-change';
import type { ImportLayer } from '../domain/import/import-types';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { PoleFeature, SiteFeature, SiteStatus } from '../domain/types';
import type { ImportSiteRole } from '../state/import-slice';
import type { AppState } from '../state/store';
import type { DataLoader } from './data-loading';

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

/** Ids an import must not reuse: sites of the scenario, or the sample poles and the scenario's poles. */
export async function existingIdsFor(
  state: Pick<AppState, 'baseline' | 'session'>,
  layer: ImportLayer,
  data: Pick<DataLoader, 'ensure'>,
): Promise<Set<string>> {
  const scenario = state.session?.scenario ?? null;
  if (layer === 'sites') return scenarioSiteIds(state.baseline, scenario);
  const ids = new Set<string>();
  const samplePoles = await data.ensure('poles').then(
    (collection) => collection.features as PoleFeature[],
    () => [] as PoleFeature[],
  );
  for (const pole of samplePoles) ids.add(pole.properties.id);
  for (const pole of scenario?.poles ?? []) ids.add(pole.properties.id);
  return ids;
}

/** [[west, south], [east, north]] of imported points; null when there are none. */
export function importedBounds(
  features: readonly { geometry: { coordinates: number[] } }[],
): [[number, number], [number, number]] | null {
  if (features.length === 0) return null;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [
    [west, south],
    [east, north],
  ];
}
