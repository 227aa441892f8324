/**
 * Candidate areas for site suggestion on the map: the drawn outlines (numbered), the grid points
 * they yield, and the drawing itself. While drawing, this module holds the map's pointer
 * (AppMap.claimPointer), so the planner's add/select/drag tools and popups stand aside. Click
 * adds a corner; clicking the first corner, double-clicking, or Enter finishes; Backspace takes the
 * last corner back; Esc cancels. Knows nothing of the store: app/features/suggest-areas.ts drives it.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { AppMap } from './app-map';
import { MapModule } from './map-module';

export interface CandidateAreaShape {
  id: string;
  label: string;
  corners: [number, number][];
}

export interface AreaDrawCallbacks {
  onFinish(corners: [number, number][]): void;
  onCancel(): void;
}

const AREAS = 'suggest-areas';
const POINTS = 'suggest-area-points';
const SKETCH = 'suggest-area-sketch';
const COLOUR = '#7048e8';
/** A click this close (pixels) to the first corner closes the outline; to the last one, finishes it. */
const CLOSE_PX = 8;
/** The browser's dblclick follows the click that finished the outline: zoom on it only after this. */
const DOUBLE_CLICK_SETTLE_MS = 500;

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

export class CandidateAreaLayer extends MapModule {
  private drawing: {
    corners: [number, number][];
    cursor: [number, number] | null;
    callbacks: AreaDrawCallbacks;
    release: () => void;
    restoreDoubleClickZoom: boolean;
  } | null = null;
  private frame = 0;
  private restoreZoomTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(appMap: AppMap) {
    super(appMap);
    this.onDispose(() => {
      this.stopDrawing();
      clearTimeout(this.restoreZoomTimer);
    });
  }

  protected onAdd(): void {
    for (const id of [AREAS, POINTS, SKETCH]) this.addSource(id, { type: 'geojson', data: collection([]) });
    this.addLayer({
      id: `${AREAS}-fill`,
      type: 'fill',
      source: AREAS,
      paint: { 'fill-color': COLOUR, 'fill-opacity': 0.12 },
    });
    this.addLayer({
      id: `${AREAS}-line`,
      type: 'line',
      source: AREAS,
      paint: { 'line-color': COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] },
    });
    this.addLayer({
      id: `${AREAS}-label`,
      type: 'symbol',
      source: AREAS,
      layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 13 },
      paint: { 'text-color': COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
    this.addLayer({
      id: `${POINTS}-circle`,
      type: 'circle',
      source: POINTS,
      paint: { 'circle-radius': 2, 'circle-color': COLOUR, 'circle-opacity': 0.7 },
    });
    this.addLayer({
      id: `${SKETCH}-line`,
      type: 'line',
      source: SKETCH,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': COLOUR, 'line-width': 2 },
    });
    this.addLayer({
      id: `${SKETCH}-corner`,
      type: 'circle',
      source: SKETCH,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        // The first corner is larger: clicking it closes the outline.
        'circle-radius': ['case', ['get', 'first'], 7, 4],
        'circle-color': '#ffffff',
        'circle-stroke-color': COLOUR,
        'circle-stroke-width': 2,
      },
    });
  }

  /** Shows these finished areas. */
  async setAreas(areas: readonly CandidateAreaShape[]): Promise<void> {
    await this.ready;
    const map = this.map;
    const features: Feature[] = areas.map((area) => ({
      type: 'Feature',
      properties: { id: area.id, label: area.label },
      geometry: { type: 'Polygon', coordinates: [[...area.corners, area.corners[0]!]] },
    }));
    map.getSource<GeoJSONSource>(AREAS)?.setData(collection(features));
  }

  /** Shows the grid candidates the areas yield (an empty list hides them). */
  async setGridPoints(points: readonly [number, number][]): Promise<void> {
    await this.ready;
    const map = this.map;
    const features: Feature[] = points.map((coordinates) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates },
    }));
    map.getSource<GeoJSONSource>(POINTS)?.setData(collection(features));
  }

  /** Starts taking an outline (a drawing already under way is cancelled first). */
  async startDrawing(callbacks: AreaDrawCallbacks): Promise<void> {
    await this.ready;
    if (this.isDisposed) return;
    const map = this.map;
    if (this.drawing) this.cancel();
    const restoreDoubleClickZoom = map.doubleClickZoom.isEnabled() || this.restoreZoomTimer !== undefined;
    clearTimeout(this.restoreZoomTimer);
    this.restoreZoomTimer = undefined;
    map.doubleClickZoom.disable();
    this.drawing = {
      corners: [],
      cursor: null,
      callbacks,
      release: this.appMap.claimPointer(),
      restoreDoubleClickZoom,
    };
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', this.onClick);
    map.on('mousemove', this.onMove);
    window.addEventListener('keydown', this.onKeyDown, true);
  }

  /** Stops drawing without reporting anything (the caller already knows why). */
  stopDrawing(): void {
    const drawing = this.drawing;
    if (!drawing) return;
    this.drawing = null;
    const map = this.appMap.mapLibre;
    map.off('click', this.onClick);
    map.off('mousemove', this.onMove);
    window.removeEventListener('keydown', this.onKeyDown, true);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (drawing.restoreDoubleClickZoom) {
      this.restoreZoomTimer = setTimeout(() => {
        this.restoreZoomTimer = undefined;
        map.doubleClickZoom.enable();
      }, DOUBLE_CLICK_SETTLE_MS);
    }
    map.getCanvas().style.cursor = '';
    map.getSource<GeoJSONSource>(SKETCH)?.setData(collection([]));
    // Handlers still to see the click that finished the outline must find the pointer held.
    setTimeout(drawing.release, 0);
  }

  private finish(): void {
    const drawing = this.drawing;
    if (!drawing || drawing.corners.length < 3) return;
    this.stopDrawing();
    drawing.callbacks.onFinish(drawing.corners);
  }

  private cancel(): void {
    const drawing = this.drawing;
    if (!drawing) return;
    this.stopDrawing();
    drawing.callbacks.onCancel();
  }

  private readonly onClick = (event: MapMouseEvent): void => {
    const drawing = this.drawing;
    if (!drawing) return;
    const map = this.appMap.mapLibre;
    const near = (corner: [number, number] | undefined) =>
      corner !== undefined && map.project(corner).dist(event.point) <= CLOSE_PX;
    const { corners } = drawing;
    // Clicking the first corner closes the outline; the second click of a double-click lands on the
    // corner the first one just added, and finishes it.
    if ((corners.length >= 3 && near(corners[0])) || near(corners.at(-1))) {
      this.finish();
      return;
    }
    corners.push([event.lngLat.lng, event.lngLat.lat]);
    this.scheduleSketch();
  };

  private readonly onMove = (event: MapMouseEvent): void => {
    if (!this.drawing) return;
    this.drawing.cursor = [event.lngLat.lng, event.lngLat.lat];
    this.appMap.mapLibre.getCanvas().style.cursor = 'crosshair';
    this.scheduleSketch();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const drawing = this.drawing;
    if (!drawing) return;
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === 'Escape') this.cancel();
    else if (event.key === 'Enter' && drawing.corners.length >= 3 && !typing) this.finish();
    else if (event.key === 'Backspace' && !typing) {
      drawing.corners.pop();
      this.scheduleSketch();
    } else return;
    // Drawing owns these keys: no popup close, no planner shortcut (e.g. Backspace deleting sites).
    event.preventDefault();
    event.stopPropagation();
  };

  private scheduleSketch(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const drawing = this.drawing;
      if (!drawing) return;
      const line = drawing.cursor ? [...drawing.corners, drawing.cursor] : drawing.corners;
      const features: Feature[] = drawing.corners.map((coordinates, index) => ({
        type: 'Feature',
        properties: { first: index === 0 },
        geometry: { type: 'Point', coordinates },
      }));
      if (line.length >= 2) {
        features.push({
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: line },
        });
      }
      this.appMap.mapLibre.getSource<GeoJSONSource>(SKETCH)?.setData(collection(features));
    });
  }
}
