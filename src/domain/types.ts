/**
 * Shared domain types. Every layer (engine, map, state, ui, cli) speaks these.
 * Coordinates are WGS84 longitude/latitude (RFC 7946) everywhere inside the app;
 * other coordinate systems (GCJ-02, BD-09) are converted at the import edge.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type SiteKind = 'macro' | 'micro' | 'indoor';
export type Band = 'n28' | 'n41' | 'n78' | 'n79';
/** existing = baseline; planned = approved; candidate = a planner's proposal. */
export type SiteStatus = 'existing' | 'planned' | 'candidate';

export const SITE_KINDS: readonly SiteKind[] = ['macro', 'micro', 'indoor'];
export const BANDS: readonly Band[] = ['n28', 'n41', 'n78', 'n79'];
export const SITE_STATUSES: readonly SiteStatus[] = ['existing', 'planned', 'candidate'];

/** A 5G base station. All but `id` are optional; the engine fills documented defaults. */
export interface SiteProperties {
  id: string;
  name?: string;
  kind?: SiteKind;
  band?: Band;
  heightM?: number;
  /** Total transmit power, dBm. */
  powerDbm?: number;
  bandwidthMHz?: number;
  antennaGainDbi?: number;
  /** Sector boresight, degrees clockwise from north. Absent = omnidirectional. */
  azimuthDeg?: number;
  /** Horizontal half-power beamwidth, degrees. Only meaningful with azimuthDeg. */
  beamwidthDeg?: number;
  /** Mechanical downtilt (the bracket), degrees below horizontal; negative = uptilt. */
  mechanicalTiltDeg?: number;
  /** Electrical downtilt (set in the antenna or the array), degrees below horizontal. */
  electricalTiltDeg?: number;
  /** Vertical half-power beamwidth, degrees. The pattern's tilt is mechanical + electrical. */
  verticalBeamwidthDeg?: number;
  status?: SiteStatus;
  /** Overrides the radius-table radius in radius mode, metres. */
  radiusM?: number;
  /** Physical cell id (NR 0–1007) from the operator's sheet: matches drive-test samples to their server. */
  pci?: number;
  /** Comprehensive-pole id when the site is mounted on a pole. */
  poleId?: string;
  /** District adcode (e.g. "310101"), filled by the generator or the import. */
  adcode?: string;
  /** True for generated sample data; the UI labels such data as sample data. */
  synthetic?: boolean;
}
export type SiteFeature = Feature<Point, SiteProperties>;
export type SiteCollection = FeatureCollection<Point, SiteProperties>;

/** A comprehensive (multi-function) pole, 综合杆: a carrier for micro cells. */
export interface PoleProperties {
  id: string;
  heightM: number;
  adcode?: string;
  synthetic?: boolean;
}
export type PoleFeature = Feature<Point, PoleProperties>;
export type PoleCollection = FeatureCollection<Point, PoleProperties>;

/** One of Shanghai's 16 districts, as shipped in data/geo/districts.geojson. */
export interface DistrictProperties {
  adcode: string;
  name: string;
  name_en: string;
  area_km2_official: number;
  area_km2_polygon: number;
}
export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;
export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

/** Kinds of plan zone, as shipped in data/geo/plan-zones.geojson. */
export type PlanZoneKind = 'new_town' | 'wing' | 'key_area';

/** An approximate plan zone polygon (new town, wing, key area of 全域提质). */
export interface PlanZoneProperties {
  id: string;
  kind: PlanZoneKind;
  name: string;
  name_en: string;
  /** Official area where one is published, km². */
  area_km2_official?: number;
  /** Host district adcode(s). */
  adcodes: string[];
  /** Always true: no official polygons exist offline. */
  approximate: boolean;
  /** How the polygon was drawn, in words, for the popup. */
  precision: string;
  /** Which wing: east (Lingang) or west (Hongqiao + demonstration zone). Only for kind = 'wing'. */
  wing?: 'east' | 'west';
}
export type PlanZoneFeature = Feature<Polygon | MultiPolygon, PlanZoneProperties>;
export type PlanZoneCollection = FeatureCollection<Polygon | MultiPolygon, PlanZoneProperties>;
