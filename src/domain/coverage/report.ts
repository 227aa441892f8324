/** Statistics of a computed engine as plain JSON: city, districts, zones, site counts, RSRP classes, gaps. */

import circle from '@turf/circle';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { RSRP_CLASS_EDGES_DBM, type RsrpClass } from '../propagation/link-budget';
import type { CoverageEngine } from './coverage-engine';
import type { GapProperties } from './gaps';
import type { CoverageMode } from './settings';

export interface AreaFigures {
  landKm2: number;
  coveredKm2: number;
  coveredFraction: number;
}

export interface CoverageStats extends AreaFigures {
  mode: CoverageMode;
  cellM: number;
  thresholdDbm: number;
  districts: (AreaFigures & { adcode: string; name: string })[];
  zones: (AreaFigures & { id: string; name: string; kind: string })[];
  sites: { total: number; byKind: Record<string, number>; byBand: Record<string, number> };
  /** Land area per RSRP class, km² (path-loss mode only). */
  rsrpClassesKm2: Record<RsrpClass, number> | undefined;
  gaps: { count: number; areaKm2: number; minAreaKm2: number };
}

const figures = (landKm2: number, coveredKm2: number): AreaFigures => ({
  landKm2,
  coveredKm2,
  coveredFraction: landKm2 > 0 ? coveredKm2 / landKm2 : 0,
});

/** Gaps at or above the minimum area as a FeatureCollection, highest priority first. */
export function gapCollection(engine: CoverageEngine): FeatureCollection<MultiPolygon, GapProperties> {
  return { type: 'FeatureCollection', features: engine.gaps.features(engine.settings.minGapAreaKm2) };
}

/** The statistics of the engine's current state. */
export function coverageStats(engine: CoverageEngine): CoverageStats {
  const { city, accumulators, settings } = engine;
  const districts = city.districts.map((district, index) => ({
    adcode: district.adcode,
    name: district.name,
    ...figures(district.landKm2, accumulators.districtCoveredKm2[index]!),
  }));
  const coveredKm2 = districts.reduce((sum, district) => sum + district.coveredKm2, 0);
  const byKind: Record<string, number> = {};
  const byBand: Record<string, number> = {};
  let total = 0;
  for (const slot of engine.slots) {
    if (!slot) continue;
    total++;
    byKind[slot.kind] = (byKind[slot.kind] ?? 0) + 1;
    byBand[slot.band] = (byBand[slot.band] ?? 0) + 1;
  }
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
    ...figures(city.landKm2, coveredKm2),
    districts,
    zones: city.zones.map((zone, index) => ({
      id: zone.id,
      name: zone.name,
      kind: zone.kind,
      ...figures(zone.landKm2, accumulators.zoneCoveredKm2[index]!),
    })),
    sites: { total, byKind, byBand },
    rsrpClassesKm2,
    gaps: { count: gapCount, areaKm2: gapAreaKm2, minAreaKm2: settings.minGapAreaKm2 },
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
