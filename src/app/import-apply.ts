/**
 * What applying an import needs besides the worker: the ids already taken (baseline, scenario,
 * poles), the status an imported site gets, and the box the map fits to afterwards.
 */
import type { ImportLayer } from '../domain/import/import-types';
import type { BaselineSites } from '../domain/scenario/baseline';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { PoleFeature, SiteStatus } from '../domain/types';
import type { ImportSiteRole } from '../state/import-slice';
import { importedPoles } from '../state/import-slice';
import type { PlannerState } from '../state/store';
import type { DataLoader } from './data-loading';

/**
 * The status imported sites get. The baseline is read-only and a scenario's own sites may only be
 * 'candidate' or 'planned' (the scenario schema rejects 'existing' there, so a saved scenario would
 * not load again): "existing" sites from an operator's sheet become 'planned'.
 */
export function siteStatusFor(role: ImportSiteRole): SiteStatus {
  return role === 'existing' ? 'planned' : 'candidate';
}

/** Every site id the open scenario can see: baseline, added and modified. */
export function scenarioSiteIds(
  baseline: Pick<BaselineSites, 'features'> | null,
  scenario: Scenario | null,
): Set<string> {
  const ids = new Set<string>();
  for (const site of baseline?.features ?? []) ids.add(site.properties.id);
  for (const site of scenario?.addedSites ?? []) ids.add(site.properties.id);
  for (const site of scenario?.modifiedSites ?? []) ids.add(site.properties.id);
  return ids;
}

/** Ids an import must not reuse: sites of the scenario, or the sample and earlier imported poles. */
export async function existingIdsFor(
  state: Pick<PlannerState, 'baseline' | 'session' | 'importedPoleBatches'>,
  layer: ImportLayer,
  data: Pick<DataLoader, 'ensure'>,
): Promise<Set<string>> {
  if (layer === 'sites') return scenarioSiteIds(state.baseline, state.session?.scenario ?? null);
  const ids = new Set<string>();
  const samplePoles = await data.ensure('poles').then(
    (collection) => collection.features as PoleFeature[],
    () => [] as PoleFeature[],
  );
  for (const pole of samplePoles) ids.add(pole.properties.id);
  for (const pole of importedPoles(state)) ids.add(pole.properties.id);
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
