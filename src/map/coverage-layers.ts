/**
 * The coverage feature's map layers: the engine's raster (coverage-raster-layer.ts, below district
 * lines, labels and points), the weak-spot gaps (fill + outline coloured by priority) and the selected site's
 * footprint. Knows nothing of the store; app/features/coverage.ts drives it.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type GeoJSONSource, type MapLayerMouseEvent, type Map as MapLibreMap, Popup } from 'maplibre-gl';
import type { AppMap } from './app-map';
import { type CoverageRasterInput, CoverageRasterLayer } from './coverage-raster-layer';
import type { PatchRect } from './coverage-raster-tiles';
import { diffFeatures, featuresById } from './feature-diff';
import { MapModule } from './map-module';
import { buildPopupElement } from './popup-element';
import type { PopupModel } from './popup-model';

export interface CoverageLayerColours {
  gapHigh: string;
  gapMedium: string;
  gapLow: string;
  footprint: string;
}

const GAPS_SOURCE = 'coverage-gaps';

/** A gap keeps its id only while its cells are unchanged; its priority class can still move. */
const sameGap = (before: Feature, after: Feature): boolean =>
  before.properties?.cellCount === after.properties?.cellCount &&
  before.properties?.areaKm2 === after.properties?.areaKm2 &&
  before.properties?.priority === after.properties?.priority;
const FOOTPRINT_SOURCE = 'coverage-footprint';
export const GAPS_FILL_LAYER = 'coverage-gaps-fill';
const GAPS_LINE_LAYER = 'coverage-gaps-line';
const FOOTPRINT_FILL_LAYER = 'coverage-footprint-fill';
const FOOTPRINT_LINE_LAYER = 'coverage-footprint-line';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export type { CoverageRasterInput };

export interface GapClick {
  properties: Record<string, unknown>;
  longitude: number;
  latitude: number;
}

/** First layer id in the list the style has, so our layers slot in below it (or on top). */
function firstExisting(map: MapLibreMap, ids: readonly string[]): string | undefined {
  return ids.find((id) => map.getLayer(id));
}

export class CoverageLayers extends MapModule {
  /** The engine's image, as tiles below the district lines and the gaps. */
  private readonly raster: CoverageRasterLayer;
  private popup: Popup | null = null;
  /** The gap features the source holds, by id (diffed against the next result). */
  private shownGaps = new Map<string | number, Feature<MultiPolygon>>();

  constructor(
    appMap: AppMap,
    private readonly colours: CoverageLayerColours,
  ) {
    super(appMap);
    this.raster = new CoverageRasterLayer(appMap, ['districts-fill', 'districts-line', GAPS_FILL_LAYER]);
    this.onDispose(() => {
      this.closePopup();
      this.raster.dispose();
    });
  }

  protected onAdd(map: MapLibreMap): void {
    this.addSource(GAPS_SOURCE, { type: 'geojson', data: EMPTY });
    this.addSource(FOOTPRINT_SOURCE, { type: 'geojson', data: EMPTY });
    const gapsBefore = firstExisting(map, ['metro-lines', 'sites-circle', 'districts-label']);
    const priority = ['coalesce', ['get', 'priority'], 'low'];
    const colour = [
      'match',
      priority,
      'high',
      this.colours.gapHigh,
      'medium',
      this.colours.gapMedium,
      this.colours.gapLow,
    ] as unknown as string;
    this.addLayer(
      {
        id: GAPS_FILL_LAYER,
        type: 'fill',
        source: GAPS_SOURCE,
        paint: { 'fill-color': colour, 'fill-opacity': 0.32 },
      },
      gapsBefore,
    );
    this.addLayer(
      {
        id: GAPS_LINE_LAYER,
        type: 'line',
        source: GAPS_SOURCE,
        paint: {
          'line-color': colour,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 13, 1.8],
        },
      },
      gapsBefore,
    );
    const footprintBefore = firstExisting(map, ['sites-circle', 'districts-label']);
    this.addLayer(
      {
        id: FOOTPRINT_FILL_LAYER,
        type: 'fill',
        source: FOOTPRINT_SOURCE,
        paint: { 'fill-color': this.colours.footprint, 'fill-opacity': 0.1 },
      },
      footprintBefore,
    );
    this.addLayer(
      {
        id: FOOTPRINT_LINE_LAYER,
        type: 'line',
        source: FOOTPRINT_SOURCE,
        paint: { 'line-color': this.colours.footprint, 'line-width': 2, 'line-dasharray': [2, 1] },
      },
      footprintBefore,
    );
    this.onDispose(this.appMap.addHoverLayer(GAPS_FILL_LAYER));
  }

  /** Shows a whole coverage image (after a full compute or a style switch). */
  setRaster(raster: CoverageRasterInput): void {
    this.raster.setRaster(raster);
  }

  /** Applies an incremental edit's patches; only the tiles they touch are uploaded again. */
  applyPatches(patches: readonly PatchRect[]): void {
    this.raster.applyPatches(patches);
  }

  setRasterVisible(visible: boolean): void {
    this.raster.setVisible(visible);
  }

  /** How many raster tiles the image is split into (tests). */
  rasterTileCount(): number {
    return this.raster.tileCount();
  }

  /** Tiles still waiting to be handed to MapLibre (0 once the whole image is on the map). */
  pendingTileCount(): number {
    return this.raster.pendingTileCount();
  }

  /** Gaps with a `priority` property (high/medium/low) already set. */
  setGaps(gaps: FeatureCollection<MultiPolygon>): void {
    void this.ready.then(() => {
      const source = this.map.getSource<GeoJSONSource>(GAPS_SOURCE);
      const next = featuresById(gaps.features);
      const diff = next && this.shownGaps.size > 0 ? diffFeatures(this.shownGaps, next, sameGap) : null;
      this.shownGaps = next ?? new Map();
      if (diff && diff.remove.length + diff.add.length <= Math.max(8, next!.size / 2)) {
        if (diff.remove.length > 0 || diff.add.length > 0) void source?.updateData(diff);
      } else {
        void source?.setData(gaps);
      }
    });
  }

  setGapsVisible(visible: boolean): void {
    void this.ready.then(() => {
      for (const id of [GAPS_FILL_LAYER, GAPS_LINE_LAYER])
        this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    });
  }

  setFootprint(footprint: Feature<Polygon> | null): void {
    void this.ready.then(() =>
      this.map.getSource<GeoJSONSource>(FOOTPRINT_SOURCE)?.setData(footprint ?? EMPTY),
    );
  }

  setFootprintVisible(visible: boolean): void {
    void this.ready.then(() => {
      for (const id of [FOOTPRINT_FILL_LAYER, FOOTPRINT_LINE_LAYER])
        this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    });
  }

  /** Calls back with the gap under a click (after the planner map has handled the same click); returns the disposer. */
  onGapClick(handler: (click: GapClick) => void): () => void {
    const listener = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      // A module holding the pointer (drawing a candidate area) owns the click: no gap popup.
      if (!feature || this.appMap.pointerClaimed) return;
      handler({
        properties: { ...feature.properties },
        longitude: event.lngLat.lng,
        latitude: event.lngLat.lat,
      });
    };
    let removed = false;
    void this.ready.then(() => {
      if (!removed && !this.isDisposed) this.map.on('click', GAPS_FILL_LAYER, listener);
    });
    const remove = () => {
      removed = true;
      if (!this.appMap.isDisposed) this.map.off('click', GAPS_FILL_LAYER, listener);
    };
    this.onDispose(remove);
    return remove;
  }

  /** A text-only popup (the app's popup look) at a point; replaces any open coverage popup. */
  showPopup(model: PopupModel, longitude: number, latitude: number): void {
    this.closePopup();
    this.popup = new Popup({ closeButton: true, maxWidth: '320px', className: 'planner-popup' })
      .setLngLat([longitude, latitude])
      .setDOMContent(buildPopupElement(model))
      .addTo(this.map);
  }

  closePopup(): void {
    this.popup?.remove();
    this.popup = null;
  }

  /** Flies to a [west, south, east, north] box with some room around it. */
  flyToBounds(bounds: readonly [number, number, number, number], maxZoom = 15): void {
    const [west, south, east, north] = bounds;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 80, maxZoom, duration: 900 },
    );
  }

  /** Gap polygons drawn in the viewport (tests: the layer renders). */
  renderedGapCount(): number {
    if (!this.map.getLayer(GAPS_FILL_LAYER)) return 0;
    return this.map.queryRenderedFeatures({ layers: [GAPS_FILL_LAYER] }).length;
  }
}
