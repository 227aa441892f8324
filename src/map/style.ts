/**
 * The map style, built in code: no glyphs (MapLibre draws text with system fonts), no sprite and no
 * remote sources, so the map works offline. Every data source starts empty and is filled by setData.
 * Pure functions of their inputs (no maplibregl import), so they are unit-tested in Node.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../domain/i18n/translate';
import { type DataSourceId, LAYER_CATALOGUE, LAYER_COLORS, type LayerId } from '../domain/layers/catalogue';

export const DATA_SOURCE_IDS: readonly DataSourceId[] = [
  'land',
  'sea',
  'waterBodies',
  'rivers',
  'districts',
  'districtLabels',
  'planZones',
  'digitalInfrastructure',
  'sites',
  'poles',
  'metroLines',
  'metroStations',
];

export const BASEMAP_COLORS = {
  background: '#e6e4dd',
  land: '#faf9f6',
  sea: '#b8d4e8',
  // Same as the sea: the shipped sea, estuary and river polygons meet at tile edges, and one colour hides the seams.
  water: '#b8d4e8',
} as const;

const FONT = ['sans-serif'];

/** The style's label field for a language: Chinese `name`, English `name_en`. */
export function labelField(language: Language): ExpressionSpecification {
  return ['coalesce', ['get', language === 'en' ? 'name_en' : 'name'], ['get', 'name']];
}

const byKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const byType = (type: string): ExpressionSpecification => ['==', ['get', 'type'], type];

function zoneLayers(
  layerId: LayerId,
  filter: ExpressionSpecification,
  color: DataDrivenPropertyValueSpecification<string>,
) {
  return [
    {
      id: `${layerId}-fill`,
      type: 'fill',
      source: 'planZones',
      filter,
      paint: { 'fill-color': color, 'fill-opacity': 0.18 },
    },
    {
      id: `${layerId}-outline`,
      type: 'line',
      source: 'planZones',
      filter,
      paint: { 'line-color': color, 'line-width': 1.6, 'line-dasharray': [3, 2] },
    },
  ] satisfies LayerSpecification[];
}

function zoneLabel(layerId: LayerId, filter: ExpressionSpecification, color: string, language: Language) {
  return {
    id: `${layerId}-label`,
    type: 'symbol',
    source: 'planZones',
    filter,
    minzoom: 8.5,
    layout: {
      'text-field': labelField(language),
      'text-font': FONT,
      'text-size': 12,
      'symbol-placement': 'point',
    },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  } satisfies LayerSpecification;
}

/** Map layers for one catalogue layer, bottom to top within it, labels excluded (they go on top). */
export function layersFor(layerId: LayerId): LayerSpecification[] {
  switch (layerId) {
    case 'districts':
      return [
        {
          id: 'districts-fill',
          type: 'fill',
          source: 'districts',
          // A faint fill so a click anywhere inside a district finds it.
          paint: { 'fill-color': LAYER_COLORS.districtFill, 'fill-opacity': 0.05 },
        },
        {
          id: 'districts-line',
          type: 'line',
          source: 'districts',
          paint: {
            'line-color': LAYER_COLORS.districtLine,
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 12, 1.8],
          },
        },
      ];
    case 'keyAreas':
      return zoneLayers('keyAreas', byKind('key_area'), LAYER_COLORS.keyArea);
    case 'wings':
      return zoneLayers('wings', byKind('wing'), [
        'match',
        ['get', 'wing'],
        'east',
        LAYER_COLORS.wingEast,
        LAYER_COLORS.wingWest,
      ]);
    case 'newTowns':
      return zoneLayers('newTowns', byKind('new_town'), LAYER_COLORS.newTown);
    case 'metro':
      return [
        {
          id: 'metro-lines',
          type: 'line',
          source: 'metroLines',
          paint: {
            'line-color': ['coalesce', ['get', 'color'], LAYER_COLORS.metroLine],
            'line-opacity': 0.45,
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2.5],
          },
        },
        {
          id: 'metro-stations',
          type: 'circle',
          source: 'metroStations',
          minzoom: 10.5,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 10.5, 2, 15, 5],
            'circle-color': LAYER_COLORS.metroStation,
            'circle-stroke-color': LAYER_COLORS.metroLine,
            'circle-stroke-width': 1,
          },
        },
      ];
    case 'sites':
      return [
        {
          id: 'sites-circle',
          type: 'circle',
          source: 'sites',
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 11, 1.8, 14, 3.5, 17, 6],
            'circle-color': LAYER_COLORS.site,
            'circle-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.45, 12, 0.8],
          },
        },
      ];
    case 'poles':
      return [
        {
          id: 'poles-circle',
          type: 'circle',
          source: 'poles',
          minzoom: 12,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 1.2, 15, 2.5, 18, 5],
            'circle-color': LAYER_COLORS.pole,
            'circle-opacity': 0.8,
          },
        },
      ];
    case 'datacentres':
      return [
        {
          id: 'datacentres-circle',
          type: 'circle',
          source: 'digitalInfrastructure',
          filter: byType('datacenter_cluster'),
          paint: {
            'circle-radius': ['match', ['get', 'tier'], 'hub_cluster', 8, 'city_agglomeration', 6, 4.5],
            'circle-color': [
              'match',
              ['get', 'tier'],
              'hub_cluster',
              LAYER_COLORS.hubCluster,
              'city_agglomeration',
              LAYER_COLORS.agglomeration,
              LAYER_COLORS.otherDatacentre,
            ],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        },
      ];
    case 'cableLandings':
      return [ringLayer('cableLandings-ring', 'cable_landing_station', LAYER_COLORS.cableLanding, 6)];
    case 'internetExchange':
      return [ringLayer('internetExchange-ring', 'internet_exchange', LAYER_COLORS.internetExchange, 7)];
  }
}

function ringLayer(id: string, type: string, color: string, radiusPx: number): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: 'digitalInfrastructure',
    filter: byType(type),
    paint: {
      'circle-radius': radiusPx,
      'circle-color': '#ffffff',
      'circle-stroke-color': color,
      'circle-stroke-width': 3,
    },
  };
}

/** Label layers per catalogue layer; they sit above every other layer so nothing hides a name. */
export function labelLayersFor(layerId: LayerId, language: Language): LayerSpecification[] {
  switch (layerId) {
    case 'districts':
      return [
        {
          id: 'districts-label',
          type: 'symbol',
          source: 'districtLabels',
          layout: {
            'text-field': labelField(language),
            'text-font': FONT,
            'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 12, 15],
            'text-max-width': 8,
          },
          paint: { 'text-color': '#2f3b4c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
        },
      ];
    case 'newTowns':
      return [zoneLabel('newTowns', byKind('new_town'), LAYER_COLORS.newTown, language)];
    case 'wings':
      return [zoneLabel('wings', byKind('wing'), LAYER_COLORS.wingEast, language)];
    default:
      return [];
  }
}

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
    { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': BASEMAP_COLORS.sea } },
    {
      id: 'water-bodies',
      type: 'fill',
      source: 'waterBodies',
      paint: { 'fill-color': BASEMAP_COLORS.water },
    },
    { id: 'rivers', type: 'fill', source: 'rivers', paint: { 'fill-color': BASEMAP_COLORS.water } },
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
    sources: { ...Object.fromEntries(DATA_SOURCE_IDS.map((id) => [id, emptySource()])), openSea: OPEN_SEA },
    layers: [...basemap, ...planLayers, ...labels],
  };
}

/** Sanity list of catalogue ids; kept here so a new catalogue entry without map layers fails tests. */
export const STYLED_LAYER_IDS: readonly LayerId[] = LAYER_CATALOGUE.map((layer) => layer.id).filter((id) =>
  DRAW_ORDER.includes(id),
);
