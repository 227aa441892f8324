/**
 * The layer catalogue: one entry per switchable layer. Pure data — the layer panel, the legend,
 * the URL hash and the map's layer factories all read this one list, so they cannot disagree.
 */
import type { MessageKey } from '../i18n/translate';

export type LayerId =
  | 'districts'
  | 'newTowns'
  | 'wings'
  | 'keyAreas'
  | 'datacentres'
  | 'cableLandings'
  | 'internetExchange'
  | 'sites'
  | 'poles'
  | 'metro';

export type LayerGroup = 'admin' | 'plan' | 'infrastructure' | 'network' | 'reference';

/** Named data files the app loads; each maps to one file in data/geo. */
export type DataSourceId =
  | 'land'
  | 'foreshore'
  | 'landMask'
  | 'environment'
  | 'sea'
  | 'waterBodies'
  | 'rivers'
  | 'districts'
  | 'districtLabels'
  | 'planZones'
  | 'digitalInfrastructure'
  | 'sites'
  | 'poles'
  | 'metroLines'
  | 'metroStations';

export type SwatchShape = 'fill' | 'line' | 'circle' | 'ring';

/** How one legend row is drawn: a shape in a colour, with an optional outline colour. */
export interface LegendSwatch {
  shape: SwatchShape;
  color: string;
  outlineColor?: string;
  dashed?: boolean;
}

export interface LegendEntry {
  labelKey: MessageKey;
  swatch: LegendSwatch;
}

export interface LayerDefinition {
  id: LayerId;
  group: LayerGroup;
  labelKey: MessageKey;
  /** Data sources the layer draws from. */
  sources: readonly DataSourceId[];
  legend: readonly LegendEntry[];
  /** Generated sample data: the UI labels it 示意数据 / sample data. */
  sample: boolean;
  /** Drawn extent is approximate (no official polygon exists offline). */
  approximate: boolean;
  /** Large file: loaded after the map's first idle, and only once the layer is shown. */
  heavy: boolean;
  defaultVisible: boolean;
  /** Below this zoom the layer draws nothing (keeps 40k poles light). */
  minZoom?: number;
}

/** Colours shared by the legend swatches and the map style so both always match. */
export const LAYER_COLORS = {
  districtLine: '#56657a',
  districtFill: '#8a9bb0',
  newTown: '#e8590c',
  wingEast: '#1971c2',
  wingWest: '#7048e8',
  keyArea: '#d6336c',
  hubCluster: '#c92a2a',
  agglomeration: '#f08c00',
  otherDatacentre: '#868e96',
  cableLanding: '#0c8599',
  internetExchange: '#2b8a3e',
  site: '#1c7ed6',
  pole: '#495057',
  metroLine: '#9aa5b1',
  metroStation: '#ffffff',
  // The planner's own sites (drawn by src/map/planner-sites-layer.ts, legend in the planner panel).
  plannerCandidate: '#f76707',
  plannerPlanned: '#2f9e44',
  plannerModified: '#ae3ec9',
  plannerRemoved: '#868e96',
} as const;

export const LAYER_GROUPS: readonly LayerGroup[] = [
  'admin',
  'plan',
  'infrastructure',
  'network',
  'reference',
];

export const LAYER_CATALOGUE: readonly LayerDefinition[] = [
  {
    id: 'districts',
    group: 'admin',
    labelKey: 'layer.districts',
    sources: ['districts', 'districtLabels'],
    legend: [{ labelKey: 'legend.district', swatch: { shape: 'line', color: LAYER_COLORS.districtLine } }],
    sample: false,
    approximate: false,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'newTowns',
    group: 'plan',
    labelKey: 'layer.newTowns',
    sources: ['planZones'],
    legend: [
      {
        labelKey: 'legend.newTown',
        swatch: {
          shape: 'fill',
          color: LAYER_COLORS.newTown,
          outlineColor: LAYER_COLORS.newTown,
          dashed: true,
        },
      },
    ],
    sample: false,
    approximate: true,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'wings',
    group: 'plan',
    labelKey: 'layer.wings',
    sources: ['planZones'],
    legend: [
      {
        labelKey: 'legend.wingEast',
        swatch: {
          shape: 'fill',
          color: LAYER_COLORS.wingEast,
          outlineColor: LAYER_COLORS.wingEast,
          dashed: true,
        },
      },
      {
        labelKey: 'legend.wingWest',
        swatch: {
          shape: 'fill',
          color: LAYER_COLORS.wingWest,
          outlineColor: LAYER_COLORS.wingWest,
          dashed: true,
        },
      },
    ],
    sample: false,
    approximate: true,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'keyAreas',
    group: 'plan',
    labelKey: 'layer.keyAreas',
    sources: ['planZones'],
    legend: [
      {
        labelKey: 'legend.keyArea',
        swatch: {
          shape: 'fill',
          color: LAYER_COLORS.keyArea,
          outlineColor: LAYER_COLORS.keyArea,
          dashed: true,
        },
      },
    ],
    sample: false,
    approximate: true,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'datacentres',
    group: 'infrastructure',
    labelKey: 'layer.datacentres',
    sources: ['digitalInfrastructure'],
    legend: [
      { labelKey: 'legend.hubCluster', swatch: { shape: 'circle', color: LAYER_COLORS.hubCluster } },
      { labelKey: 'legend.agglomeration', swatch: { shape: 'circle', color: LAYER_COLORS.agglomeration } },
      {
        labelKey: 'legend.otherDatacentre',
        swatch: { shape: 'circle', color: LAYER_COLORS.otherDatacentre },
      },
    ],
    sample: false,
    approximate: false,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'cableLandings',
    group: 'infrastructure',
    labelKey: 'layer.cableLandings',
    sources: ['digitalInfrastructure'],
    legend: [
      { labelKey: 'legend.cableLanding', swatch: { shape: 'ring', color: LAYER_COLORS.cableLanding } },
    ],
    sample: false,
    approximate: false,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'internetExchange',
    group: 'infrastructure',
    labelKey: 'layer.internetExchange',
    sources: ['digitalInfrastructure'],
    legend: [
      {
        labelKey: 'legend.internetExchange',
        swatch: { shape: 'ring', color: LAYER_COLORS.internetExchange },
      },
    ],
    sample: false,
    approximate: false,
    heavy: false,
    defaultVisible: true,
  },
  {
    id: 'sites',
    group: 'network',
    labelKey: 'layer.sites',
    sources: ['sites'],
    legend: [{ labelKey: 'legend.site', swatch: { shape: 'circle', color: LAYER_COLORS.site } }],
    sample: true,
    approximate: false,
    heavy: true,
    defaultVisible: true,
  },
  {
    id: 'poles',
    group: 'network',
    labelKey: 'layer.poles',
    sources: ['poles'],
    legend: [{ labelKey: 'legend.pole', swatch: { shape: 'circle', color: LAYER_COLORS.pole } }],
    sample: true,
    approximate: false,
    heavy: true,
    defaultVisible: false,
    minZoom: 12,
  },
  {
    id: 'metro',
    group: 'reference',
    labelKey: 'layer.metro',
    sources: ['metroLines', 'metroStations'],
    legend: [
      { labelKey: 'legend.metroLine', swatch: { shape: 'line', color: LAYER_COLORS.metroLine } },
      {
        labelKey: 'legend.metroStation',
        swatch: { shape: 'circle', color: LAYER_COLORS.metroStation, outlineColor: LAYER_COLORS.metroLine },
      },
    ],
    sample: false,
    approximate: false,
    heavy: false,
    defaultVisible: true,
  },
];

export const LAYER_IDS: readonly LayerId[] = LAYER_CATALOGUE.map((layer) => layer.id);

/** The catalogue entry for a layer id (every LayerId has one). */
export function layerDefinition(id: LayerId): LayerDefinition {
  const definition = LAYER_CATALOGUE.find((layer) => layer.id === id);
  if (!definition) throw new Error(`unknown layer ${id}`);
  return definition;
}

/** True when `value` is one of the catalogue's layer ids. */
export function isLayerId(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYER_IDS as readonly string[]).includes(value);
}

/** Data-source labels for status messages (which file failed, which is sample data). */
/** Every data source, in load order (light basemap first, heavy sample layers later). */
export const DATA_SOURCE_IDS: readonly DataSourceId[] = [
  'land',
  'foreshore',
  'landMask',
  'environment',
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

export const DATA_SOURCE_LABEL_KEYS: Readonly<Record<DataSourceId, MessageKey>> = {
  land: 'layer.basemap',
  foreshore: 'layer.basemap',
  landMask: 'data.landMask',
  environment: 'data.environment',
  sea: 'layer.basemap',
  waterBodies: 'layer.basemap',
  rivers: 'layer.basemap',
  districts: 'layer.districts',
  districtLabels: 'layer.districts',
  planZones: 'group.plan',
  digitalInfrastructure: 'group.infrastructure',
  sites: 'layer.sites',
  poles: 'layer.poles',
  metroLines: 'layer.metro',
  metroStations: 'layer.metro',
};
