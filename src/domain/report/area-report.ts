/**
 * The district (or plan-zone) report as one pure model: the side panel, the printable report and the
 * weak-spot CSV all render this value, so their numbers cannot disagree.
 */

import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { countBaseStations } from '../coverage/base-stations';
import { type GapPriorityLevel, gapPriorityBreaks, gapPriorityLevel } from '../coverage/gap-priority';
import type { GapProperties } from '../coverage/gaps';
import type { AreaFigures, CoverageStats } from '../coverage/report';
import { PLAN_FIGURES } from '../plan/district-facts';
import type { SiteFeature } from '../types';
import { areaContains } from './area-contains';
import { gapsOfArea } from './area-gaps';
import { type NamedPlace, type NearestPlace, nearestPlace } from './nearest-place';
import type { NearestRoad, RoadIndex } from './nearest-road';
import type { PointIndex } from './point-index';
import { weakSpotPoint } from './weak-spot-point';

/** What the report is about: one of the 16 districts, or a plan zone (new town, wing, key area). */
export type ReportTarget = { kind: 'district'; adcode: string } | { kind: 'zone'; id: string };

export type AreaKind = 'district' | 'new_town' | 'wing' | 'key_area';

/** An area's outline and names, from districts.geojson or plan-zones.geojson. */
export interface ReportArea {
  target: ReportTarget;
  kind: AreaKind;
  name: string;
  nameEn: string;
  geometry: Polygon | MultiPolygon;
}

export interface WeakSpotRow {
  rank: number;
  gapId: number;
  /** km² of the gap inside the area (its district or zone part). */
  areaKm2: number;
  /** km² of the whole gap; larger than areaKm2 when it crosses the area's border. */
  totalAreaKm2: number;
  priorityScore: number;
  /** The city-wide class of the score (gap-priority.ts), as the map colours the gap. */
  priorityLevel: GapPriorityLevel;
  districtName: string;
  /** The gap's centroid, or a point of its part inside the area when the centroid lies outside. */
  centroid: [number, number];
  /** Comprehensive poles within WEAK_SPOT_POLE_RADIUS_M of that point. */
  polesWithinRadius: number;
  /** Metres from the centroid to the nearest pole; null when none within 5 km. */
  nearestPoleM: number | null;
  /** The nearest major road to the centroid; null when none within 5 km or the roads are not loaded. */
  nearestRoad: NearestRoad | null;
  /** The nearest named place (metro station) to the centroid; null when none within 5 km. */
  nearestPlace: NearestPlace | null;
}

export interface DataCentreRow {
  id: string;
  name: string;
  nameEn: string;
  tier: string;
}

export interface AreaReport {
  area: Omit<ReportArea, 'geometry'>;
  /** Coverage from the engine (with the official area for a district); null while the engine has not reported yet. */
  coverage: (AreaFigures & { officialKm2?: number | undefined }) | null;
  targetFraction: number;
  /** Site features (sectors, cells) and the base stations they form (features at one position). */
  sites: {
    total: number;
    baseStations: number;
    byKind: Record<string, number>;
    byBand: Record<string, number>;
  };
  /** Sites per km² of the area's land (engine's land area, else null while computing). */
  sitesPerKm2: number | null;
  polesCount: number;
  dataCentres: DataCentreRow[];
  weakSpots: WeakSpotRow[];
  weakSpotAreaKm2: number;
}

export const WEAK_SPOT_POLE_RADIUS_M = 300;

/** Weak spots listed, and numbered on the map, in the printable report (the CSV holds them all). */
export const REPORT_WEAK_SPOT_COUNT = 15;

/** Everything the report reads; the caller gathers it from the store and the loaded data. */
export interface AreaReportInput {
  area: ReportArea;
  stats: CoverageStats | null;
  gaps: FeatureCollection<MultiPolygon, GapProperties> | null;
  /** The scenario's effective sites (baseline − removed + modified + added). */
  sites: readonly SiteFeature[];
  poles: readonly Feature<Point, { adcode?: string }>[];
  poleIndex: PointIndex | null;
  datacentres: readonly Feature<Point, Record<string, unknown>>[];
  /** Major roads for "nearest road" (loaded for the printed report only). */
  roads?: RoadIndex | null;
  /** Named places (metro stations) for "nearest place". */
  places?: readonly NamedPlace[];
}

/** Where a weak spot lies, for an official who has to find it: nearest road and named place. */
export interface WeakSpotSurroundings {
  roads?: RoadIndex | null | undefined;
  places?: readonly NamedPlace[] | undefined;
}

/** Coverage figures of the target from the engine's statistics. */
export function areaCoverage(
  stats: CoverageStats | null,
  target: ReportTarget,
): (AreaFigures & { officialKm2?: number | undefined }) | null {
  if (!stats) return null;
  const row =
    target.kind === 'district'
      ? stats.districts.find((district) => district.adcode === target.adcode)
      : stats.zones.find((zone) => zone.id === target.id);
  if (!row) return null;
  const figures = { landKm2: row.landKm2, coveredKm2: row.coveredKm2, coveredFraction: row.coveredFraction };
  return 'officialKm2' in row ? { ...figures, officialKm2: row.officialKm2 } : figures;
}

/** Sites of the area counted by kind and band (missing kind/band count as "unknown"). */
export function countSites(sites: readonly SiteFeature[], contains: ReturnType<typeof areaContains>) {
  const byKind: Record<string, number> = {};
  const byBand: Record<string, number> = {};
  let total = 0;
  const inside: SiteFeature[] = [];
  for (const site of sites) {
    if (!contains(site.geometry.coordinates, site.properties.adcode)) continue;
    total++;
    inside.push(site);
    const kind = site.properties.kind ?? 'unknown';
    const band = site.properties.band ?? 'unknown';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byBand[band] = (byBand[band] ?? 0) + 1;
  }
  const baseStations = countBaseStations(inside.length, (index) => inside[index]!.geometry.coordinates);
  return { total, baseStations, byKind, byBand };
}

/** The weak spots of the area, highest priority first, each with its nearest poles. */
export function areaWeakSpots(
  area: ReportArea,
  gaps: FeatureCollection<MultiPolygon, GapProperties> | null,
  poleIndex: PointIndex | null,
  contains: ReturnType<typeof areaContains>,
  minAreaKm2 = 0,
  surroundings: WeakSpotSurroundings = {},
): WeakSpotRow[] {
  if (!gaps) return [];
  // Breaks over every gap of the city, so the class matches the map's colour of the same gap.
  const breaks = gapPriorityBreaks(gaps.features.map((gap) => gap.properties.priorityScore));
  return gapsOfArea(gaps.features, area.target, minAreaKm2, contains).map(({ gap, partKm2 }, index) => {
    // Marked, and measured from, inside the area: a border-crossing gap's centroid may lie next door.
    const point = weakSpotPoint(gap, area.geometry, (coordinates) => contains(coordinates, undefined));
    const poles = poleIndex?.nearest(point, WEAK_SPOT_POLE_RADIUS_M) ?? null;
    return {
      rank: index + 1,
      gapId: gap.properties.id,
      areaKm2: partKm2,
      totalAreaKm2: gap.properties.areaKm2,
      priorityScore: gap.properties.priorityScore,
      priorityLevel: gapPriorityLevel(gap.properties.priorityScore, breaks),
      districtName: gap.properties.districtName,
      centroid: point,
      polesWithinRadius: poles?.countWithin ?? 0,
      nearestPoleM: poles?.nearestM ?? null,
      nearestRoad: surroundings.roads?.nearest(point) ?? null,
      nearestPlace: surroundings.places ? nearestPlace(surroundings.places, point) : null,
    };
  });
}

/** Builds the report model of one area from the engine's results and the loaded layers. */
export function buildAreaReport(input: AreaReportInput): AreaReport {
  const { area } = input;
  const contains = areaContains(area);
  const coverage = areaCoverage(input.stats, area.target);
  const sites = countSites(input.sites, contains);
  let polesCount = 0;
  for (const pole of input.poles)
    if (contains(pole.geometry.coordinates, pole.properties.adcode)) polesCount++;
  const dataCentres = input.datacentres
    // Data-centre points carry no adcode: point-in-polygon for districts too.
    .filter((feature) => contains(feature.geometry.coordinates, undefined))
    .map((feature) => ({
      id: String(feature.properties.id ?? ''),
      name: String(feature.properties.name ?? ''),
      nameEn: String(feature.properties.name_en ?? feature.properties.name ?? ''),
      tier: String(feature.properties.tier ?? 'other'),
    }));
  const weakSpots = areaWeakSpots(
    area,
    input.gaps,
    input.poleIndex,
    contains,
    input.stats?.gaps?.minAreaKm2 ?? 0,
    { roads: input.roads, places: input.places },
  );
  const { geometry: _geometry, ...areaWithoutGeometry } = area;
  return {
    area: areaWithoutGeometry,
    coverage,
    targetFraction: PLAN_FIGURES.coverageTargetFraction2025,
    sites,
    sitesPerKm2: coverage && coverage.landKm2 > 0 ? sites.baseStations / coverage.landKm2 : null,
    polesCount,
    dataCentres,
    weakSpots,
    weakSpotAreaKm2: weakSpots.reduce((sum, spot) => sum + spot.areaKm2, 0),
  };
}
