/**
 * The planner's layers: the scenario's sites (candidates, planned, modified, planned for removal)
 * drawn apart from the 32k baseline, the selection ring, the dragged sites and the snap target.
 * Small sources of their own so an edit never re-sends the baseline: the scenario source is
 * patched with updateData (only changed features cross to the worker), and a drag touches only
 * the tiny drag source.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { LAYER_COLORS } from '../domain/layers/catalogue';
import { MapModule } from './map-module';

/** How a site shows in the planner layer. */
export type PlannerSiteState = 'candidate' | 'planned' | 'modified' | 'removed';

export interface PlannerSiteProperties {
  id: string;
  state: PlannerSiteState;
  name?: string;
  /** 1 when mounted on a comprehensive pole (drawn with a dark rim). */
  onPole: 0 | 1;
}

export type PlannerSiteFeature = Feature<Point, PlannerSiteProperties>;

export const PLANNER_SITE_COLORS: Readonly<Record<PlannerSiteState, string>> = {
  candidate: LAYER_COLORS.plannerCandidate,
  planned: LAYER_COLORS.plannerPlanned,
  modified: LAYER_COLORS.plannerModified,
  removed: LAYER_COLORS.plannerRemoved,
};

export const PLANNER_SITES_LAYER = 'planner-sites-circle';
const SOURCES = {
  sites: 'planner-sites',
  selection: 'planner-selection',
  drag: 'planner-drag',
  snap: 'planner-snap',
} as const;
const BASELINE_LAYER = 'sites-circle';
/** Above this many changed features one setData beats a long diff. */
const DIFF_LIMIT = 2_000;

const RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 2.5, 12, 4.5, 16, 8];
const COLOR: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'planned',
  PLANNER_SITE_COLORS.planned,
  'modified',
  PLANNER_SITE_COLORS.modified,
  'removed',
  PLANNER_SITE_COLORS.removed,
  PLANNER_SITE_COLORS.candidate,
];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export class PlannerSitesLayer extends MapModule {
  private shown = new Map<string, PlannerSiteFeature>();
  private hiddenBaselineKey = '';
  private draggedKey = '';

  /** Resolves once the layers are on the map; the setters below expect them there. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  protected onAdd(): void {
    for (const id of Object.values(SOURCES)) this.addSource(id, { type: 'geojson', data: empty() });
    this.onDispose(() => {
      if (!this.appMap.isDisposed && this.map.getLayer(BASELINE_LAYER))
        this.map.setFilter(BASELINE_LAYER, null);
    });
    const siteCircle = (id: string, source: string) =>
      this.addLayer({
        id,
        type: 'circle',
        source,
        paint: {
          'circle-radius': RADIUS,
          'circle-color': COLOR,
          'circle-opacity': ['match', ['get', 'state'], 'removed', 0.55, 0.95],
          'circle-stroke-color': ['case', ['==', ['get', 'onPole'], 1], '#212529', '#ffffff'],
          'circle-stroke-width': ['case', ['==', ['get', 'onPole'], 1], 2.2, 1.2],
        },
      });
    siteCircle(PLANNER_SITES_LAYER, SOURCES.sites);
    this.addLayer({
      id: 'planner-sites-removed-cross',
      type: 'symbol',
      source: SOURCES.sites,
      filter: ['==', ['get', 'state'], 'removed'],
      layout: { 'text-field': '✕', 'text-font': ['sans-serif'], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': '#c92a2a' },
    });
    this.addLayer({
      id: 'planner-selection-ring',
      type: 'circle',
      source: SOURCES.selection,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 7.5, 12, 9.5, 16, 13],
        'circle-opacity': 0,
        'circle-stroke-color': '#1c7ed6',
        'circle-stroke-width': 2.5,
      },
    });
    siteCircle('planner-drag-circle', SOURCES.drag);
    this.addLayer({
      id: 'planner-snap-ring',
      type: 'circle',
      source: SOURCES.snap,
      paint: {
        'circle-radius': 11,
        'circle-color': '#e03131',
        'circle-opacity': 0.15,
        'circle-stroke-color': '#e03131',
        'circle-stroke-width': 2,
      },
    });
  }

  /** Shows the scenario's sites, sending only what changed since the last call. */
  setSites(features: readonly PlannerSiteFeature[]): void {
    const next = new Map(features.map((feature) => [feature.properties.id, feature]));
    const remove: string[] = [];
    const add: PlannerSiteFeature[] = [];
    for (const id of this.shown.keys()) if (!next.has(id)) remove.push(id);
    for (const [id, feature] of next) {
      const before = this.shown.get(id);
      if (before === feature) continue;
      if (before) remove.push(id);
      add.push(feature);
    }
    const previousCount = this.shown.size;
    this.shown = next;
    if (remove.length === 0 && add.length === 0) return;
    const source = this.map.getSource<GeoJSONSource>(SOURCES.sites);
    if (previousCount === 0 || remove.length + add.length > DIFF_LIMIT) {
      void source?.setData({ type: 'FeatureCollection', features: [...next.values()] });
    } else {
      void source?.updateData({ remove, add });
    }
  }

  /** Applies a known change (remove, then add) without diffing the whole set; big ones resend all. */
  applyDelta(
    delta: { add: readonly PlannerSiteFeature[]; remove: readonly string[] },
    all: () => readonly PlannerSiteFeature[],
  ): void {
    if (delta.add.length === 0 && delta.remove.length === 0) return;
    if (this.shown.size === 0 || delta.add.length + delta.remove.length > DIFF_LIMIT) {
      this.setSites(all());
      return;
    }
    for (const id of delta.remove) this.shown.delete(id);
    for (const feature of delta.add) this.shown.set(feature.properties.id, feature);
    void this.map
      .getSource<GeoJSONSource>(SOURCES.sites)
      ?.updateData({ remove: [...delta.remove], add: [...delta.add] });
  }

  /** Hides baseline dots that the scenario modifies or removes (the planner layer draws them). */
  hideBaselineSites(ids: readonly string[]): void {
    const key = ids.join('\n');
    if (key === this.hiddenBaselineKey || !this.map.getLayer(BASELINE_LAYER)) return;
    this.hiddenBaselineKey = key;
    this.map.setFilter(
      BASELINE_LAYER,
      ids.length === 0 ? null : ['!', ['in', ['get', 'id'], ['literal', [...ids]]]],
    );
  }

  setSelection(features: readonly Feature<Point>[]): void {
    this.map
      .getSource<GeoJSONSource>(SOURCES.selection)
      ?.setData({ type: 'FeatureCollection', features: [...features] });
  }

  /** Draws the dragged sites in their own source and hides their resting copies. */
  setDragged(features: readonly PlannerSiteFeature[]): void {
    const key = features.map((feature) => feature.properties.id).join('\n');
    if (key !== this.draggedKey) {
      this.draggedKey = key;
      const ids = features.map((feature) => feature.properties.id);
      this.map.setFilter(
        PLANNER_SITES_LAYER,
        ids.length === 0 ? null : ['!', ['in', ['get', 'id'], ['literal', ids]]],
      );
    }
    this.map
      .getSource<GeoJSONSource>(SOURCES.drag)
      ?.setData({ type: 'FeatureCollection', features: [...features] });
  }

  /** Rings the pole a site would snap to, or clears the ring. */
  setSnapTarget(position: readonly [number, number] | null): void {
    const features: Feature<Point>[] = position
      ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...position] } }]
      : [];
    this.map.getSource<GeoJSONSource>(SOURCES.snap)?.setData({ type: 'FeatureCollection', features });
  }

  /** Ids of the planner's sites under a canvas box (topmost first). */
  siteIdsIn(box: [[number, number], [number, number]]): string[] {
    const layers = [PLANNER_SITES_LAYER, BASELINE_LAYER].filter((id) => this.map.getLayer(id));
    const ids = this.map
      .queryRenderedFeatures(box, { layers })
      .map((feature) => String(feature.properties.id ?? ''))
      .filter((id) => id !== '');
    return [...new Set(ids)];
  }
}
