/**
 * Layer factories: the MapLibre layers that draw each catalogue layer, in the catalogue's colours.
 * Pure functions (no maplibregl import), unit-tested in Node.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../domain/i18n/translate';
import { LAYER_COLORS, type LayerId } from '../domain/layers/catalogue';
import { HAS_AZIMUTH, NO_AZIMUTH, WEDGE_MIN_ZOOM, wedgeLayout } from './sector-wedges';

/** One point per plan zone for its label (filled by AppMap with the zones), so each name shows once. */
export const PLAN_ZONE_LABEL_SOURCE = 'planZoneLabels';

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

function zoneLabel(
  layerId: LayerId,
  filter: ExpressionSpecification,
  color: string,
  language: Language,
  minZoom: number,
) {
  return {
    id: `${layerId}-label`,
    type: 'symbol',
    source: PLAN_ZONE_LABEL_SOURCE,
    filter,
    minzoom: minZoom,
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
      // A dot per position below street zoom; there, sectors as wedges along their azimuth
      // (sector-wedges.ts) and omni sites as dots.
      return [
        {
          id: 'sites-circle',
          type: 'circle',
          source: 'sites',
          maxzoom: WEDGE_MIN_ZOOM,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 11, 1.8, 14, 3.5],
            'circle-color': LAYER_COLORS.site,
            'circle-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.45, 12, 0.8],
          },
        },
        {
          id: 'sites-omni',
          type: 'circle',
          source: 'sites',
          minzoom: WEDGE_MIN_ZOOM,
          filter: NO_AZIMUTH,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 3.5, 17, 6],
            'circle-color': LAYER_COLORS.site,
            'circle-opacity': 0.8,
          },
        },
        {
          id: 'sites-wedge',
          type: 'symbol',
          source: 'sites',
          minzoom: WEDGE_MIN_ZOOM,
          filter: HAS_AZIMUTH,
          layout: wedgeLayout(LAYER_COLORS.site),
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
      return [zoneLabel('newTowns', byKind('new_town'), LAYER_COLORS.newTown, language, 8.5)];
    case 'wings':
      // The wings' names are long (the demonstration zone's is a sentence): shown once there is room.
      return [zoneLabel('wings', byKind('wing'), LAYER_COLORS.wingEast, language, 9.5)];
    default:
      return [];
  }
}
