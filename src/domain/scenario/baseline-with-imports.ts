/**
 * A scenario's baseline: the shared, read-only baseline plus the existing sites imported into the
 * scenario. Everything that treats sites as "existing" (the read-only rule, modify and removal,
 * coverage's reference figures, exports of the whole scenario) reads this instead of the shared
 * baseline, so imported existing sites behave exactly like baseline sites without the shared
 * baseline ever changing.
 */
import type { SiteFeature } from '../types';
import type { BaselineSites } from './baseline-sites';
import type { Scenario } from './scenario-types';

interface Overlay {
  base: BaselineSites;
  sites: readonly SiteFeature[];
  overlay: BaselineSites;
}

/** One overlay per list of imported sites (lists are replaced, never mutated). */
const overlays = new WeakMap<readonly SiteFeature[], Overlay>();
/** Overlay → the shared baseline it extends. */
const bases = new WeakMap<BaselineSites, BaselineSites>();

/**
 * The baseline as the scenario sees it. Without imported existing sites this is `baseline` itself;
 * otherwise a cached overlay (the same object for the same two inputs, so identity checks hold).
 * Imported sites whose id the baseline already has are hidden by the baseline site.
 * Accepts an overlay as `baseline` too (it then extends that overlay's shared baseline).
 */
export function scenarioBaseline(
  baseline: BaselineSites,
  scenario: Pick<Scenario, 'existingSites'> | null | undefined,
): BaselineSites {
  const base = bases.get(baseline) ?? baseline;
  const sites = scenario?.existingSites ?? [];
  if (sites.length === 0) return base;
  const cached = overlays.get(sites);
  if (cached && cached.base === base) return cached.overlay;
  const extra = sites.filter((site) => base.get(site.properties.id) === undefined);
  const byId = new Map(extra.map((site) => [site.properties.id, site]));
  const overlay: BaselineSites = {
    ref: base.ref,
    features: [...base.features, ...extra],
    get: (id) => base.get(id) ?? byId.get(id),
  };
  overlays.set(sites, { base, sites, overlay });
  bases.set(overlay, base);
  return overlay;
}
