/**
 * The map style, built in code: no glyphs (MapLibre draws text with system fonts), no sprite and no
 * remote sources, so the map works offline. Every data source starts empty and is filled by setData.
 * Pure functions of their inputs (no maplibregl import), so they are unit-tested in Node.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../domain/i18n/translate';
import { DATA_SOURCE_IDS, type LayerId } from '../domain/layers/catalogue';
import { labelLayersFor, layersFor, PLAN_ZONE_LABEL_SOURCE } from './layer-factories';

export { DATA_SOURCE_IDS } from '../domain/layers/catalogue';
export { labelField, labelLayersFor, layersFor, PLAN_ZONE_LABEL_SOURCE } from './layer-factories';

export const BASEMAP_COLORS = {
  background: '#e6e4dd',
  land: '#faf9f6',
  // Tidal flats, estuary water inside the administrative line and shoals: drawn, not counted as land.
  foreshore: '#dfe8e4',
  sea: '#b8d4e8',
  // Same as the sea: the shipped sea, estuary and river polygons meet at tile edges, and one colour hides the seams.
  water: '#b8d4e8',
} as const;

// The lake and river polygons are coarse (~1 km vertices): a hint at city scale, faded closer in.
const WATER_HINT_OPACITY: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  9,
  1,
  11,
  0.45,
  13,
  0.25,
];

/** Order the plan layers are drawn in, bottom to top (areas under lines under points). */
const DRAW_ORDER: readonly LayerId[] = [
  'districts',
  'keyAreas',
  'wings',
  'newTowns',
  'metro',
  'sites',
  'poles',
  'datacentres',
  'cableLandings',
  'internetExchange',
];

/** Every map layer id belonging to a catalogue layer (shapes and labels), for visibility switches. */
export function mapLayerIdsFor(layerId: LayerId): string[] {
  return [...layersFor(layerId), ...labelLayersFor(layerId, 'zh')].map((layer) => layer.id);
}

/** Map layer ids a click may hit, topmost first, with the catalogue layer each belongs to. */
export function interactiveLayerIds(): { mapLayerId: string; layerId: LayerId }[] {
  return [...DRAW_ORDER].reverse().flatMap((layerId) =>
    layersFor(layerId)
      .filter((layer) => layer.id !== 'metro-lines' && !layer.id.endsWith('-outline'))
      .reverse()
      .map((layer) => ({ mapLayerId: layer.id, layerId })),
  );
}

/**
 * The shipped sea polygons stop at 122.2°E (the tiles they came from); east of that is open sea
 * (East China Sea) with only islets, which land.geojson draws on top.
 */
const OPEN_SEA: SourceSpecification = {
  type: 'geojson',
  data: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [122.2, 29.4],
          [124.5, 29.4],
          [124.5, 33.2],
          [122.2, 33.2],
          [122.2, 29.4],
        ],
      ],
    },
  },
};

function emptySource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/** The whole style for a language and a set of visible layers. */
export function buildStyle(language: Language, visibleLayers: Record<LayerId, boolean>): StyleSpecification {
  const withVisibility = (layer: LayerSpecification, layerId: LayerId): LayerSpecification =>
    layer.type === 'background'
      ? layer
      : ({
          ...layer,
          layout: { ...layer.layout, visibility: visibleLayers[layerId] ? 'visible' : 'none' },
        } as LayerSpecification);
  const basemap: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } },
    { id: 'open-sea', type: 'fill', source: 'openSea', paint: { 'fill-color': BASEMAP_COLORS.sea } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
    { id: 'foreshore', type: 'fill', source: 'foreshore', paint: { 'fill-color': BASEMAP_COLORS.foreshore } },
    { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': BASEMAP_COLORS.sea } },
    {
      id: 'water-bodies',
      type: 'fill',
      source: 'waterBodies',
      paint: { 'fill-color': BASEMAP_COLORS.water, 'fill-opacity': WATER_HINT_OPACITY },
    },
    {
      id: 'rivers',
      type: 'fill',
      source: 'rivers',
      paint: { 'fill-color': BASEMAP_COLORS.water, 'fill-opacity': WATER_HINT_OPACITY },
    },
  ];
  const planLayers = DRAW_ORDER.flatMap((layerId) =>
    layersFor(layerId).map((layer) => withVisibility(layer, layerId)),
  );
  const labels = DRAW_ORDER.flatMap((layerId) =>
    labelLayersFor(layerId, language).map((layer) => withVisibility(layer, layerId)),
  );
  return {
    version: 8,
    name: 'Shanghai infrastructure planner (offline)',
    sources: {
      ...Object.fromEntries(DATA_SOURCE_IDS.map((id) => [id, emptySource()])),
      [PLAN_ZONE_LABEL_SOURCE]: emptySource(),
      openSea: OPEN_SEA,
    },
    layers: [...basemap, ...planLayers, ...labels],
  };
}
