/**
 * AppMap owns the maplibregl.Map: it builds the offline style, fills sources only when their
 * data changed, switches layers and label language, and shows popups. It knows nothing of React or
 * the store; app/ feeds it and listens to its callbacks.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Language } from '../domain/i18n/translate';
import type { DataSourceId, LayerId } from '../domain/layers/catalogue';
import type { FeatureSelection, MapView } from '../domain/layers/map-view';
import { SHANGHAI_BBOX } from '../domain/plan/district-facts';
import { ATTRIBUTIONS, LICENCES_ATTRIBUTION } from './attribution';
import { buildPopupElement } from './popup-element';
import { popupModel } from './popup-model';
import { provideWedgeIcons } from './sector-wedges';
import { buildStyle, interactiveLayerIds, labelField, labelLayersFor, mapLayerIdsFor } from './style';
import { setSourceAndLabels } from './zone-labels';

// Under Vite the worker must be pointed at explicitly, or it 404s and the map never loads.
setWorkerUrl(workerUrl);

export interface AppMapOptions {
  container: HTMLElement;
  language: Language;
  visibleLayers: Record<LayerId, boolean>;
  /** Opening view; without one the map fits Shanghai. */
  view?: MapView | null;
  onViewChange?: (view: MapView) => void;
  /** A click on a feature (or on nothing: null). */
  onFeatureClick?: (selection: FeatureSelection | null) => void;
  /** The user closed the popup. */
  onPopupClose?: () => void;
}

/** Pixels around a click that still hit a small point. */
const CLICK_TOLERANCE_PX = 5;

/**
 * Takes a map click before the popup does (the planner's tools). It gets the topmost catalogue feature
 * under the click, so a tool can leave clicks on other layers' markers to their popups. Returns true
 * when it handled the click.
 */
/** `clickCount` is the browser's count of quick clicks at one spot (2 for a double-click's second click). */
export type ClickInterceptor = (
  x: number,
  y: number,
  topFeature: FeatureSelection | null,
  clickCount: number,
) => boolean;

export class AppMap {
  private readonly map: MapLibreMap;
  private readonly options: AppMapOptions;
  private readonly shownData = new Map<DataSourceId, FeatureCollection>();
  private readonly loaded: Promise<void>;
  private readonly interactive = interactiveLayerIds();
  private popup: Popup | null = null;
  private clickInterceptor: ClickInterceptor | null = null;
  private pointerOwner: symbol | null = null;
  private disposed = false;
  /** Resolves at the map's first `idle`: heavy layers wait for it so they never delay first paint. */
  readonly firstIdle: Promise<void>;

  constructor(options: AppMapOptions) {
    this.options = options;
    const [west, south, east, north] = SHANGHAI_BBOX;
    const view = options.view;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(options.language, options.visibleLayers),
      ...(view
        ? { center: [view.longitude, view.latitude], zoom: view.zoom }
        : { bounds: [west, south, east, north], fitBoundsOptions: { padding: 16 } }),
      minZoom: 7,
      maxZoom: 18,
      maxBounds: [
        [west - 1.2, south - 0.8],
        [east + 1.2, north + 0.8],
      ],
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: false,
      // Lets tests and PNG export read the canvas after a frame.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
    this.map.addControl(
      new AttributionControl({ compact: false, customAttribution: [...ATTRIBUTIONS, LICENCES_ATTRIBUTION] }),
      'bottom-right',
    );
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.firstIdle = new Promise((resolve) => this.map.once('idle', () => resolve()));
    this.map.on('moveend', () => options.onViewChange?.(this.getView()));
    this.map.on('click', (event) => {
      // A module holding the pointer (drawing an outline) handles clicks itself: no tool, no popup.
      if (this.pointerOwner) return;
      const feature = this.featureAt(event.point.x, event.point.y);
      if (this.clickInterceptor?.(event.point.x, event.point.y, feature, event.originalEvent.detail)) return;
      options.onFeatureClick?.(feature);
    });
    this.installHoverCursor();
    provideWedgeIcons(this.map);
  }

  /**
   * Pointer cursor over anything clickable. One query per animation frame at most, none while a button
   * is held (a pan or a site drag) or a module holds the pointer: MapLibre's per-layer mouseenter and
   * mouseleave ran a rendered-feature query per interactive layer on every mouse move, too slow during a
   * drag among 70,000 sites (docs/measurements.md, Map and main thread).
   */
  private installHoverCursor(): void {
    let frame = 0;
    let point: { x: number; y: number } | null = null;
    let showingPointer = false;
    const update = () => {
      frame = 0;
      if (!point || this.pointerOwner) return;
      const over = this.featureAt(point.x, point.y) !== null || this.hoverLayersAt(point.x, point.y);
      if (over === showingPointer) return;
      showingPointer = over;
      if (over) this.setCursor('pointer');
      else if (this.map.getCanvas().style.cursor === 'pointer') this.setCursor('');
    };
    this.map.on('mousemove', (event) => {
      if (event.originalEvent.buttons !== 0) return;
      point = event.point;
      if (!frame) frame = requestAnimationFrame(update);
    });
  }

  /** Map layers of other modules (e.g. coverage gaps) that also show the pointer cursor. */
  private readonly hoverLayers = new Set<string>();

  /** Shows the pointer over this map layer too; returns the disposer. */
  addHoverLayer(mapLayerId: string): () => void {
    this.hoverLayers.add(mapLayerId);
    return () => this.hoverLayers.delete(mapLayerId);
  }

  private hoverLayersAt(x: number, y: number): boolean {
    const layers = [...this.hoverLayers].filter((id) => this.map.getLayer(id));
    return layers.length > 0 && this.map.queryRenderedFeatures([x, y], { layers }).length > 0;
  }

  /** Replaces a source's data, unless this very object is already shown (no needless re-tiling). */
  setSourceData(id: DataSourceId, data: FeatureCollection): void {
    if (this.shownData.get(id) === data) return;
    this.shownData.set(id, data);
    void this.loaded.then(() => setSourceAndLabels(this.map, id, data));
  }

  setLayerVisible(layerId: LayerId, visible: boolean): void {
    void this.loaded.then(() => {
      for (const mapLayerId of mapLayerIdsFor(layerId)) {
        if (this.map.getLayer(mapLayerId)) {
          this.map.setLayoutProperty(mapLayerId, 'visibility', visible ? 'visible' : 'none');
        }
      }
    });
  }

  /** Switches label fields between Chinese `name` and English `name_en`. */
  setLanguage(language: Language): void {
    this.options.language = language;
    void this.loaded.then(() => {
      for (const layerId of ['districts', 'newTowns', 'wings'] as const) {
        for (const layer of labelLayersFor(layerId, language)) {
          if (this.map.getLayer(layer.id))
            this.map.setLayoutProperty(layer.id, 'text-field', labelField(language));
        }
      }
    });
  }

  /** Shows the popup for a selection (replacing any open one), or closes it for null. */
  showPopup(selection: FeatureSelection | null, language: Language): void {
    const previous = this.popup;
    this.popup = null;
    previous?.remove();
    if (!selection) return;
    const content = buildPopupElement(popupModel(selection.layerId, selection.properties, language));
    const popup = new Popup({
      closeButton: true,
      maxWidth: '340px',
      focusAfterOpen: false,
      className: 'planner-popup',
    })
      .setLngLat([selection.longitude, selection.latitude])
      .setDOMContent(content);
    popup.on('close', () => {
      // Only a close the user made is reported; replacing the popup above is not one.
      if (this.popup === popup) {
        this.popup = null;
        this.options.onPopupClose?.();
      }
    });
    this.popup = popup;
    popup.addTo(this.map);
  }

  getView(): MapView {
    const center = this.map.getCenter();
    return { zoom: this.map.getZoom(), latitude: center.lat, longitude: center.lng };
  }

  jumpTo(view: MapView): void {
    this.map.jumpTo({ center: [view.longitude, view.latitude], zoom: view.zoom });
  }

  /** Resolves at the next `idle` (all sources parsed, tiles drawn, no animation running). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** The topmost feature under a canvas pixel, as a selection. */
  featureAt(x: number, y: number): FeatureSelection | null {
    const layerOf = new Map(this.interactive.map(({ mapLayerId, layerId }) => [mapLayerId, layerId]));
    const features = this.map.queryRenderedFeatures(
      [
        [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
        [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
      ],
      { layers: [...layerOf.keys()].filter((id) => this.map.getLayer(id)) },
    );
    // Points beat polygons: a station inside a district is what the user aimed at.
    const top = features.find((feature) => feature.geometry.type === 'Point') ?? features[0];
    if (!top) return null;
    const layerId = layerOf.get(top.layer.id);
    if (!layerId) return null;
    const lngLat =
      top.geometry.type === 'Point'
        ? { lng: top.geometry.coordinates[0] ?? 0, lat: top.geometry.coordinates[1] ?? 0 }
        : this.map.unproject([x, y]);
    return { layerId, longitude: lngLat.lng, latitude: lngLat.lat, properties: { ...top.properties } };
  }

  /** Number of rendered features of a catalogue layer in the viewport (what a user can see). */
  renderedFeatureCount(layerId: LayerId): number {
    return this.renderedOn(mapLayerIdsFor(layerId));
  }

  /** Features rendered on these map layers (e.g. `sites-wedge`), for tests. */
  renderedOn(mapLayerIds: readonly string[]): number {
    const layers = mapLayerIds.filter((id) => this.map.getLayer(id));
    return layers.length === 0 ? 0 : this.map.queryRenderedFeatures({ layers }).length;
  }

  /** Canvas pixel of the layer's rendered point nearest the canvas centre (optionally with this `id`). */
  renderedPointNearCentre(layerId: LayerId, featureId?: string): { x: number; y: number } | null {
    const layers = mapLayerIdsFor(layerId).filter((id) => this.map.getLayer(id));
    const canvas = this.map.getCanvas();
    const centre = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
    let best: { x: number; y: number } | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const feature of this.map.queryRenderedFeatures({ layers })) {
      if (feature.geometry.type !== 'Point') continue;
      if (featureId !== undefined && feature.properties.id !== featureId) continue;
      const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
      const point = this.project(longitude, latitude);
      const distance = Math.hypot(point.x - centre.x, point.y - centre.y);
      if (distance < bestDistance) {
        best = point;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Canvas pixel of a WGS84 point (for tests that click a place). */
  project(longitude: number, latitude: number): { x: number; y: number } {
    const point = this.map.project([longitude, latitude]);
    return { x: point.x, y: point.y };
  }

  /** The text-field expression currently driving a label layer (for tests of the language switch). */
  labelExpression(mapLayerId: string): unknown {
    return this.map.getLayer(mapLayerId) ? this.map.getLayoutProperty(mapLayerId, 'text-field') : undefined;
  }

  /** The underlying maplibregl.Map, for feature modules in src/map (e.g. planner editing). */
  get mapLibre(): MapLibreMap {
    return this.map;
  }

  /** Resolves once the style has loaded (feature modules may add sources and layers). */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** Lets a feature module claim a click first (returning true skips the popup); returns the disposer. */
  setClickInterceptor(interceptor: ClickInterceptor): () => void {
    this.clickInterceptor = interceptor;
    return () => {
      if (this.clickInterceptor === interceptor) this.clickInterceptor = null;
    };
  }

  /**
   * Lets one feature module take the map's pointer (e.g. drawing an outline): while it holds it, the
   * click interceptor and popups stand aside, and gesture modules check `pointerClaimed` before acting.
   * Returns the release function (a stale release after another claim does nothing).
   */
  claimPointer(): () => void {
    const owner = Symbol('pointer owner');
    this.pointerOwner = owner;
    return () => {
      if (this.pointerOwner === owner) this.pointerOwner = null;
    };
  }

  /** True while a module holds the pointer (see claimPointer). */
  get pointerClaimed(): boolean {
    return this.pointerOwner !== null;
  }

  /** True once dispose() ran. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Removes the map with every module's sources, layers and listeners on it. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.popup?.remove();
    this.map.remove();
  }

  private setCursor(cursor: string): void {
    this.map.getCanvas().style.cursor = cursor;
  }
}
