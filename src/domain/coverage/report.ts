/** Statistics of a computed engine as plain JSON: city, districts, zones, site counts, RSRP classes, gaps. */

import circle from '@turf/circle';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { RSRP_CLASS_EDGES_DBM, type RsrpClass } from '../propagation/link-budget';
import { SINR_GRADE_EDGES_DB, type SinrGrade } from '../propagation/throughput';
import { countBaseStations } from './base-stations';
import type { CoverageEngine } from './coverage-engine';
import type { GapProperties } from './gaps';
import type { CoverageMode } from './settings';

export interface AreaFigures {
  landKm2: number;
  coveredKm2: number;
  coveredFraction: number;
  /** With SINR on: land covered with SINR at or above the threshold, km² and share of the land. */
  sinrGoodKm2?: number;
  sinrGoodFraction?: number;
  /** With SINR on: area-weighted mean of a user's rate at load η over the covered land, Mbit/s. */
  meanRateMbps?: number;
}

/** The SINR and rate figures of the city (path-loss mode with SINR on). */
export interface SinrStats {
  loadFraction: number;
  noiseFigureDb: number;
  thresholdDb: number;
  /** Covered land per operators' SINR grade, km². */
  gradesKm2: Record<SinrGrade, number>;
  qualityGaps: { count: number; areaKm2: number };
}

/** An area's figures with its official area beside the land they are computed over (districts, city). */
export interface OfficialAreaFigures extends AreaFigures {
  /** The official area (Shanghai Statistical Yearbook), km²; undefined when unknown. */
  officialKm2: number | undefined;
}

export interface CoverageStats extends OfficialAreaFigures {
  mode: CoverageMode;
  cellM: number;
  thresholdDbm: number;
  districts: (OfficialAreaFigures & { adcode: string; name: string })[];
  zones: (AreaFigures & { id: string; name: string; kind: string })[];
  /**
   * Site features (sectors and cells) by kind and band, and the base stations they form: features at one
   * position are one base station (see base-stations.ts).
   */
  sites: {
    total: number;
    baseStations: number;
    byKind: Record<string, number>;
    byBand: Record<string, number>;
  };
  /** Land area per RSRP class, km² (path-loss mode only). */
  rsrpClassesKm2: Record<RsrpClass, number> | undefined;
  gaps: { count: number; areaKm2: number; minAreaKm2: number };
  /** SINR and rate (path-loss mode with SINR on), else undefined; area figures then carry theirs too. */
  sinr: SinrStats | undefined;
}

const figures = (
  landKm2: number,
  coveredKm2: number,
  radio?: { goodKm2: number; rateKm2: number },
): AreaFigures => {
  const base = { landKm2, coveredKm2, coveredFraction: landKm2 > 0 ? coveredKm2 / landKm2 : 0 };
  if (!radio) return base;
  return {
    ...base,
    sinrGoodKm2: Math.max(0, radio.goodKm2),
    sinrGoodFraction: landKm2 > 0 ? Math.max(0, radio.goodKm2) / landKm2 : 0,
    // Sums of ± areas leave ~1e−15 km² where nothing is covered any more: that is no covered land.
    meanRateMbps: coveredKm2 > 1e-9 ? Math.max(0, radio.rateKm2) / coveredKm2 : 0,
  };
};

/** Gaps at or above the minimum area as a FeatureCollection, highest priority first. */
export function gapCollection(engine: CoverageEngine): FeatureCollection<MultiPolygon, GapProperties> {
  return { type: 'FeatureCollection', features: engine.gaps.features(engine.settings.minGapAreaKm2) };
}

/** Quality gaps (covered, SINR below the threshold) at or above the minimum area, highest priority first. */
export function qualityGapCollection(engine: CoverageEngine): FeatureCollection<MultiPolygon, GapProperties> {
  return {
    type: 'FeatureCollection',
    features: engine.radio ? engine.qualityGaps.features(engine.settings.minGapAreaKm2) : [],
  };
}

function sinrStats(engine: CoverageEngine): SinrStats {
  const { accumulators, settings } = engine;
  let count = 0;
  let areaKm2 = 0;
  for (const component of engine.qualityGaps.components.values()) {
    if (component.areaKm2 < settings.minGapAreaKm2) continue;
    count++;
    areaKm2 += component.areaKm2;
  }
  return {
    loadFraction: settings.loadFraction,
    noiseFigureDb: settings.noiseFigureDb,
    thresholdDb: settings.sinrThresholdDb,
    gradesKm2: Object.fromEntries(
      SINR_GRADE_EDGES_DB.map((edge, index) => [edge.grade, Math.max(0, accumulators.sinrGradeKm2[index]!)]),
    ) as Record<SinrGrade, number>,
    qualityGaps: { count, areaKm2 },
  };
}

/** The statistics of the engine's current state. */
export function coverageStats(engine: CoverageEngine): CoverageStats {
  const { city, accumulators, settings } = engine;
  const withRadio = engine.radio !== undefined;
  const districtRadio = (index: number) =>
    withRadio
      ? { goodKm2: accumulators.districtGoodKm2[index]!, rateKm2: accumulators.districtRateKm2[index]! }
      : undefined;
  const districts = city.districts.map((district, index) => ({
    adcode: district.adcode,
    name: district.name,
    ...figures(district.landKm2, accumulators.districtCoveredKm2[index]!, districtRadio(index)),
    officialKm2: district.officialKm2,
  }));
  const officialKm2 = city.districts.every((district) => district.officialKm2 !== undefined)
    ? city.districts.reduce((sum, district) => sum + district.officialKm2!, 0)
    : undefined;
  const coveredKm2 = districts.reduce((sum, district) => sum + district.coveredKm2, 0);
  const cityRadio = withRadio
    ? {
        goodKm2: accumulators.districtGoodKm2.reduce((sum, value) => sum + value, 0),
        rateKm2: accumulators.districtRateKm2.reduce((sum, value) => sum + value, 0),
      }
    : undefined;
  const byKind: Record<string, number> = {};
  const byBand: Record<string, number> = {};
  let total = 0;
  const placed: (typeof engine.slots)[number][] = [];
  for (const slot of engine.slots) {
    if (!slot) continue;
    total++;
    placed.push(slot);
    byKind[slot.kind] = (byKind[slot.kind] ?? 0) + 1;
    byBand[slot.band] = (byBand[slot.band] ?? 0) + 1;
  }
  const baseStations = countBaseStations(
    placed.length,
    (index) => placed[index]!.feature.geometry.coordinates,
  );
  let gapCount = 0;
  let gapAreaKm2 = 0;
  for (const component of engine.gaps.components.values()) {
    if (component.areaKm2 < settings.minGapAreaKm2) continue;
    gapCount++;
    gapAreaKm2 += component.areaKm2;
  }
  let rsrpClassesKm2: Record<RsrpClass, number> | undefined;
  if (settings.mode === 'pathloss') {
    rsrpClassesKm2 = Object.fromEntries(
      RSRP_CLASS_EDGES_DBM.map((edge, index) => [edge.rsrpClass, Math.max(0, accumulators.classKm2[index]!)]),
    ) as Record<RsrpClass, number>;
  }
  return {
    mode: settings.mode,
    cellM: settings.cellM,
    thresholdDbm: settings.thresholdDbm,
    ...figures(city.landKm2, coveredKm2, cityRadio),
    officialKm2,
    districts,
    zones: city.zones.map((zone, index) => ({
      id: zone.id,
      name: zone.name,
      kind: zone.kind,
      ...figures(
        zone.landKm2,
        accumulators.zoneCoveredKm2[index]!,
        withRadio
          ? { goodKm2: accumulators.zoneGoodKm2[index]!, rateKm2: accumulators.zoneRateKm2[index]! }
          : undefined,
      ),
    })),
    sites: { total, baseStations, byKind, byBand },
    rsrpClassesKm2,
    gaps: { count: gapCount, areaKm2: gapAreaKm2, minAreaKm2: settings.minGapAreaKm2 },
    sinr: withRadio ? sinrStats(engine) : undefined,
  };
}

/**
 * The coverage buffer drawn on the map for one site (Turf circle, 64 steps): the radius-mode disc, or in
 * path-loss mode the disc of the distance at which the site's boresight RSRP meets the threshold.
 */
export function siteBuffer(engine: CoverageEngine, id: string): Feature<Polygon> | undefined {
  const site = engine.site(id);
  if (!site) return undefined;
  let radiusM = site.radiusM;
  if (engine.settings.mode === 'pathloss') {
    const { kernel, offset } = site;
    const threshold = engine.settings.thresholdDbm;
    // The centre row's last cell at or above the threshold (the vertical pattern's null under the mast
    // can dip below it nearer in); interpolate where the boresight RSRP crosses the threshold.
    const centre = kernel.rowStarts[kernel.reachRows]! + kernel.halfWidths[kernel.reachRows]!;
    const half = kernel.halfWidths[kernel.reachRows]!;
    let cells = half;
    while (cells > 0 && kernel.values[centre + cells]! + offset < threshold) cells--;
    const inside = kernel.values[centre + cells]! + offset;
    const outside = cells < half ? kernel.values[centre + cells + 1]! + offset : inside - 1;
    const fraction = inside > outside ? Math.min(1, (inside - threshold) / (inside - outside)) : 0;
    radiusM = (cells + fraction) * kernel.cellWidthM;
  }
  return circle(site.feature.geometry.coordinates, radiusM / 1000, {
    steps: 64,
    units: 'kilometers',
    properties: { id, radiusM },
  });
}
