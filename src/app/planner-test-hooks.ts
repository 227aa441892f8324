/**
 * Test hooks of the planner feature on window.__e2e.planner: readiness of scenarios and pole
 * snapping, pixel positions of sites and poles, and bulk candidates to reach the 70,000-site load.
 */

import type { PoleSnapLookup } from '../domain/planner/pole-snap-index';
import { effectiveSite } from '../domain/scenario/scenario-lookup';
import type { SiteFeature } from '../domain/types';
import { PLANNER_SITES_LAYER } from '../map/planner-sites-layer';
import { openScenarioBaseline } from '../state/scenario-slice';
import type { AppContext } from './app-context';
import type { PlannerMapWiring } from './planner-map-wiring';

export interface PlannerFeatureTestHook {
  /** Resolves once the planner layer is on the map and the pole index is built (a scenario is open by then). */
  whenPlannerReady: () => Promise<void>;
  /** Canvas pixel of a site in the open scenario (added, modified or baseline). */
  sitePixel: (id: string) => { x: number; y: number } | null;
  /** The pole nearest a point within maxDistanceM, with its canvas pixel. */
  nearestPole: (
    longitude: number,
    latitude: number,
    maxDistanceM: number,
  ) => { id: string; heightM: number; longitude: number; latitude: number; x: number; y: number } | null;
  /** Ids of the planner-layer sites drawn in the viewport (what the planner sees). */
  renderedPlannerSiteIds: () => string[];
  /** Adds `count` generated candidates (one undo step), spread around baseline sites. */
  addGeneratedCandidates: (count: number) => number;
}

declare module './test-hooks' {
  interface AppTestHook {
    planner?: PlannerFeatureTestHook;
  }
}

export function installPlannerTestHooks(
  { store, map }: AppContext,
  parts: {
    snapReady: Promise<void>;
    snapIndex: () => PoleSnapLookup | null;
    mapWiring: Promise<PlannerMapWiring>;
  },
): void {
  const hook = window.__e2e;
  if (!hook) return;
  hook.planner = {
    whenPlannerReady: async () => {
      await Promise.all([parts.snapReady, parts.mapWiring]);
    },
    sitePixel(id) {
      const state = store.getState();
      const baseline = openScenarioBaseline(state);
      if (!state.session || !baseline) return null;
      const site = effectiveSite(state.session.scenario, baseline, id);
      if (!site) return null;
      const [longitude = 0, latitude = 0] = site.geometry.coordinates;
      return map.project(longitude, latitude);
    },
    nearestPole(longitude, latitude, maxDistanceM) {
      const match = parts.snapIndex()?.nearest(longitude, latitude, maxDistanceM);
      if (!match) return null;
      const { id, heightM, longitude: poleLongitude, latitude: poleLatitude } = match.pole;
      return {
        id,
        heightM,
        longitude: poleLongitude,
        latitude: poleLatitude,
        ...map.project(poleLongitude, poleLatitude),
      };
    },
    renderedPlannerSiteIds() {
      const maplibre = map.mapLibre;
      if (!maplibre.getLayer(PLANNER_SITES_LAYER)) return [];
      return maplibre
        .queryRenderedFeatures({ layers: [PLANNER_SITES_LAYER] })
        .map((feature) => String(feature.properties.id));
    },
    addGeneratedCandidates(count) {
      const { baseline, editScenario } = store.getState();
      if (!baseline || baseline.features.length === 0) return 0;
      const sites: SiteFeature[] = [];
      for (let index = 0; index < count; index++) {
        const anchor = baseline.features[(index * 7919) % baseline.features.length]!;
        const [longitude = 0, latitude = 0] = anchor.geometry.coordinates;
        // Deterministic offsets of 300–700 m so generated sites do not sit on the baseline ones.
        const angle = index * 2.399963;
        const distanceDeg = 0.003 + (index % 5) * 0.001;
        sites.push({
          type: 'Feature',
          geometry: {
            type: 'Point',
            coordinates: [
              longitude + Math.cos(angle) * distanceDeg,
              latitude + Math.sin(angle) * distanceDeg,
            ],
          },
          properties: {
            id: `G-${String(index).padStart(6, '0')}`,
            kind: 'macro',
            band: 'n78',
            status: 'candidate',
          },
        });
      }
      editScenario({ kind: 'change', change: { type: 'putSites', sites }, labelKey: 'command.addSite' });
      return sites.length;
    },
  };
}
