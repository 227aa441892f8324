/**
 * District view on the map: a white mask over everything outside the open district (or plan zone),
 * its outline, a camera fit, and the highlighted weak spot. Its own small sources, so nothing else is
 * re-tiled when the district changes.
 */
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { MapModule } from './map-module';

const MASK_SOURCE = 'district-focus-mask';
const OUTLINE_SOURCE = 'district-focus-outline';
const GAP_SOURCE = 'district-focus-gap';
export const DISTRICT_FOCUS_LAYER_IDS = [
  'district-focus-mask',
  'district-focus-outline',
  'district-focus-gap-fill',
  'district-focus-gap-line',
] as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
// A frame well beyond the map's max bounds: the mask is this box with the area cut out.
const WORLD_RING: Position[] = [
  [118, 29],
  [125, 29],
  [125, 33.5],
  [118, 33.5],
  [118, 29],
];

/** The mask polygon: the world box with every outer ring of the area as a hole. */
export function maskAround(geometry: Polygon | MultiPolygon): Feature<Polygon> {
  const outerRings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0]!]
      : geometry.coordinates.map((polygon) => polygon[0]!);
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [WORLD_RING, ...outerRings] },
  };
}

export class DistrictFocus extends MapModule {
  /** Dims everything outside the area, outlines it and eases the camera to it. */
  async show(geometry: Polygon | MultiPolygon, options: { animate: boolean }): Promise<void> {
    await this.ready;
    this.source(MASK_SOURCE)?.setData(maskAround(geometry));
    this.source(OUTLINE_SOURCE)?.setData({ type: 'Feature', properties: {}, geometry });
    this.fit(geometry, options.animate);
  }

  /** Fits the camera to the area (flat, north up). */
  fit(geometry: Polygon | MultiPolygon, animate: boolean): void {
    const [west, south, east, north] = bbox(geometry);
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 40, pitch: 0, bearing: 0, duration: animate ? 900 : 0, maxZoom: 15 },
    );
  }

  /** The weak spot drawn now (what the user sees highlighted), null when none. */
  drawnGap: Feature<MultiPolygon> | null = null;

  /** Highlights one weak spot (null clears) and, unless told not to, flies to it. */
  async highlightGap(gap: Feature<MultiPolygon> | null, { fly = true } = {}): Promise<void> {
    this.drawnGap = gap;
    await this.ready;
    if (this.drawnGap !== gap) return;
    this.source(GAP_SOURCE)?.setData(gap ?? EMPTY);
    if (!gap) return;
    // Layers added later (coverage raster, gaps) would cover the highlight: bring it to the top.
    this.map.moveLayer('district-focus-gap-fill');
    this.map.moveLayer('district-focus-gap-line');
    if (!fly) return;
    const [west, south, east, north] = bbox(gap);
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 120, maxZoom: 14.5, duration: 1000 },
    );
  }

  async clear(): Promise<void> {
    this.drawnGap = null;
    await this.ready;
    for (const id of [MASK_SOURCE, OUTLINE_SOURCE, GAP_SOURCE]) this.source(id)?.setData(EMPTY);
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  protected onAdd(): void {
    for (const id of [MASK_SOURCE, OUTLINE_SOURCE, GAP_SOURCE])
      this.addSource(id, { type: 'geojson', data: EMPTY });
    // Under the labels, so district names stay readable through the mask.
    const beforeId = this.map.getLayer('districts-label') ? 'districts-label' : undefined;
    this.addLayer(
      {
        id: 'district-focus-mask',
        type: 'fill',
        source: MASK_SOURCE,
        paint: { 'fill-color': '#f4f6f8', 'fill-opacity': 0.72 },
      },
      beforeId,
    );
    this.addLayer(
      {
        id: 'district-focus-outline',
        type: 'line',
        source: OUTLINE_SOURCE,
        paint: { 'line-color': '#0b3d91', 'line-width': 2.5 },
      },
      beforeId,
    );
    this.addLayer({
      id: 'district-focus-gap-fill',
      type: 'fill',
      source: GAP_SOURCE,
      paint: { 'fill-color': '#f03e3e', 'fill-opacity': 0.35 },
    });
    this.addLayer({
      id: 'district-focus-gap-line',
      type: 'line',
      source: GAP_SOURCE,
      paint: { 'line-color': '#c92a2a', 'line-width': 2.5 },
    });
  }
}
