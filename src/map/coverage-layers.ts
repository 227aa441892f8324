/**
 * The coverage feature's map layers: the engine's raster (tiled image sources, below district lines,
 * labels and points), the weak-spot gaps (fill + outline coloured by priority) and the selected site's
 * footprint. Knows nothing of the store; app/features/coverage.ts drives it.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type GeoJSONSource, type ImageSource, type Map as MapLibreMap, Popup } from 'maplibre-gl';
import {
  applyPatchToTiles,
  type Corners,
  cutTile,
  type PatchRect,
  type RasterTile,
  tileLayout,
} from './coverage-raster-tiles';
import type { PlannerMap } from './planner-map';
import { buildPopupElement } from './popup-element';
import type { PopupModel } from './popup-model';

export interface CoverageLayerColours {
  gapHigh: string;
  gapMedium: string;
  gapLow: string;
  footprint: string;
}

const GAPS_SOURCE = 'coverage-gaps';
const FOOTPRINT_SOURCE = 'coverage-footprint';
export const GAPS_FILL_LAYER = 'coverage-gaps-fill';
const GAPS_LINE_LAYER = 'coverage-gaps-line';
const FOOTPRINT_FILL_LAYER = 'coverage-footprint-fill';
const FOOTPRINT_LINE_LAYER = 'coverage-footprint-line';
const rasterSourceId = (index: number): string => `coverage-raster-${index}`;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface CoverageRasterInput {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  coordinates: Corners;
}

export interface GapClick {
  properties: Record<string, unknown>;
  longitude: number;
  latitude: number;
}

interface TileState {
  tile: RasterTile;
  image: ImageData;
}

/** First layer id in the list the style has, so our layers slot in below it (or on top). */
function firstExisting(map: MapLibreMap, ids: readonly string[]): string | undefined {
  return ids.find((id) => map.getLayer(id));
}

export class CoverageLayers {
  private readonly map: MapLibreMap;
  private readonly ready: Promise<void>;
  private tiles: TileState[] = [];
  private imageKey = '';
  private rasterVisible = true;
  private readonly pendingUploads = new Set<number>();
  private uploadFrame: number | null = null;
  private popup: Popup | null = null;

  constructor(
    plannerMap: PlannerMap,
    private readonly colours: CoverageLayerColours,
  ) {
    this.map = plannerMap.mapLibre;
    this.ready = plannerMap.whenLoaded().then(() => this.addLayers());
  }

  private addLayers(): void {
    const map = this.map;
    map.addSource(GAPS_SOURCE, { type: 'geojson', data: EMPTY });
    map.addSource(FOOTPRINT_SOURCE, { type: 'geojson', data: EMPTY });
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
    map.addLayer(
      {
        id: GAPS_FILL_LAYER,
        type: 'fill',
        source: GAPS_SOURCE,
        paint: { 'fill-color': colour, 'fill-opacity': 0.32 },
      },
      gapsBefore,
    );
    map.addLayer(
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
    map.addLayer(
      {
        id: FOOTPRINT_FILL_LAYER,
        type: 'fill',
        source: FOOTPRINT_SOURCE,
        paint: { 'fill-color': this.colours.footprint, 'fill-opacity': 0.1 },
      },
      footprintBefore,
    );
    map.addLayer(
      {
        id: FOOTPRINT_LINE_LAYER,
        type: 'line',
        source: FOOTPRINT_SOURCE,
        paint: { 'line-color': this.colours.footprint, 'line-width': 2, 'line-dasharray': [2, 1] },
      },
      footprintBefore,
    );
    map.on('mouseenter', GAPS_FILL_LAYER, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', GAPS_FILL_LAYER, () => {
      map.getCanvas().style.cursor = '';
    });
  }

  /** Shows a whole coverage image (after a full compute or a style switch). */
  setRaster(raster: CoverageRasterInput): void {
    void this.ready.then(() => {
      const key = `${raster.width}x${raster.height}:${raster.coordinates.flat().join(',')}`;
      if (key !== this.imageKey) this.rebuildTiles(raster, key);
      else
        this.tiles.forEach((state, index) => {
          state.image.data.set(cutTile(raster.rgba, raster.width, state.tile));
          this.pendingUploads.add(index);
        });
      this.scheduleUploads();
    });
  }

  /** Applies an incremental edit's patches; only the tiles they touch are uploaded again. */
  applyPatches(patches: readonly PatchRect[]): void {
    if (patches.length === 0) return;
    void this.ready.then(() => {
      if (this.tiles.length === 0) return;
      const buffers = this.tiles.map((state) => state.image.data);
      const tiles = this.tiles.map((state) => state.tile);
      for (const patch of patches)
        for (const index of applyPatchToTiles(tiles, buffers, patch)) this.pendingUploads.add(index);
      this.scheduleUploads();
    });
  }

  setRasterVisible(visible: boolean): void {
    this.rasterVisible = visible;
    void this.ready.then(() => {
      this.tiles.forEach((_, index) => {
        if (this.map.getLayer(rasterSourceId(index)))
          this.map.setLayoutProperty(rasterSourceId(index), 'visibility', visible ? 'visible' : 'none');
      });
    });
  }

  /** Gaps with a `priority` property (high/medium/low) already set. */
  setGaps(gaps: FeatureCollection<MultiPolygon>): void {
    void this.ready.then(() => this.map.getSource<GeoJSONSource>(GAPS_SOURCE)?.setData(gaps));
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

  /** Calls back with the gap under a click (after the planner map has handled the same click). */
  onGapClick(handler: (click: GapClick) => void): void {
    void this.ready.then(() =>
      this.map.on('click', GAPS_FILL_LAYER, (event) => {
        const feature = event.features?.[0];
        if (!feature) return;
        handler({
          properties: { ...feature.properties },
          longitude: event.lngLat.lng,
          latitude: event.lngLat.lat,
        });
      }),
    );
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

  /** How many raster tiles the image is split into (tests). */
  rasterTileCount(): number {
    return this.tiles.length;
  }

  /** Gap polygons drawn in the viewport (tests: the layer renders). */
  renderedGapCount(): number {
    if (!this.map.getLayer(GAPS_FILL_LAYER)) return 0;
    return this.map.queryRenderedFeatures({ layers: [GAPS_FILL_LAYER] }).length;
  }

  private rebuildTiles(raster: CoverageRasterInput, key: string): void {
    for (let index = 0; index < this.tiles.length; index++) {
      if (this.map.getLayer(rasterSourceId(index))) this.map.removeLayer(rasterSourceId(index));
      if (this.map.getSource(rasterSourceId(index))) this.map.removeSource(rasterSourceId(index));
    }
    this.pendingUploads.clear();
    this.imageKey = key;
    const before = firstExisting(this.map, ['districts-fill', 'districts-line', GAPS_FILL_LAYER]);
    this.tiles = tileLayout(raster).map((tile, index) => {
      const id = rasterSourceId(index);
      this.map.addSource(id, { type: 'image', coordinates: tile.coordinates } as never);
      this.map.addLayer(
        {
          id,
          type: 'raster',
          source: id,
          layout: { visibility: this.rasterVisible ? 'visible' : 'none' },
          paint: { 'raster-fade-duration': 0, 'raster-resampling': 'nearest', 'raster-opacity': 0.9 },
        },
        before,
      );
      this.pendingUploads.add(index);
      return {
        tile,
        image: new ImageData(cutTile(raster.rgba, raster.width, tile), tile.width, tile.height),
      };
    });
  }

  /** Hands changed tiles to MapLibre one per animation frame, so no frame uploads the whole city. */
  private scheduleUploads(): void {
    if (this.uploadFrame !== null) return;
    const step = () => {
      this.uploadFrame = null;
      const next = this.pendingUploads.values().next();
      if (next.done) return;
      this.pendingUploads.delete(next.value);
      const state = this.tiles[next.value];
      if (state)
        this.map.getSource<ImageSource>(rasterSourceId(next.value))?.updateImage({ image: state.image });
      if (this.pendingUploads.size > 0) this.uploadFrame = requestAnimationFrame(step);
    };
    this.uploadFrame = requestAnimationFrame(step);
  }
}
