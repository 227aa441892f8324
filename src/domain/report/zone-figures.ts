/**
 * Per-zone figures for story mode: sites of the scenario and the hub facilities (cable landings,
 * exchange, hub data-centre clusters) inside each plan zone, counted with the report's containment test.
 */
import type { Feature, Point } from 'geojson';
import type { SiteFeature } from '../types';
import { areaContains } from './area-contains';
import type { ReportArea } from './area-report';

/** What story mode shows for one plan zone. */
export interface ZoneFigures {
  sites: number;
  cableLandings: number;
  internetExchanges: number;
  hubClusters: number;
}

/**
 * Key of the whole city's facility counts among the zone figures: the wings chapter says how many of
 * the city's facilities (all drawn on the map) lie inside the wings, so the two numbers are read together.
 */
export const CITY_FIGURES_KEY = '@city';

const facilityCounts = (features: readonly Feature<Point, Record<string, unknown>>[]) => {
  const ofType = (type: string) => features.filter((feature) => feature.properties.type === type);
  return {
    cableLandings: ofType('cable_landing_station').length,
    internetExchanges: ofType('internet_exchange').length,
    hubClusters: ofType('datacenter_cluster').filter((feature) => feature.properties.tier === 'hub_cluster')
      .length,
  };
};

/** Figures of every zone area (districts are skipped), and the city's facility counts under CITY_FIGURES_KEY. */
export function zoneFigures(
  areas: readonly ReportArea[],
  sites: readonly SiteFeature[],
  infrastructure: readonly Feature<Point, Record<string, unknown>>[],
): Record<string, ZoneFigures> {
  const figures: Record<string, ZoneFigures> = {};
  for (const area of areas) {
    if (area.target.kind !== 'zone') continue;
    const contains = areaContains(area);
    let siteCount = 0;
    for (const site of sites) if (contains(site.geometry.coordinates)) siteCount++;
    const inside = infrastructure.filter((feature) => contains(feature.geometry.coordinates));
    figures[area.target.id] = { sites: siteCount, ...facilityCounts(inside) };
  }
  figures[CITY_FIGURES_KEY] = { sites: sites.length, ...facilityCounts(infrastructure) };
  return figures;
}

/**
 * Names of the facilities inside any of these zones: the ones a chapter's figures count, which the map
 * highlights so the markers a presenter points at are the ones the numbers count.
 */
export function facilitiesInZones(
  areas: readonly ReportArea[],
  zoneIds: readonly string[],
  infrastructure: readonly Feature<Point, Record<string, unknown>>[],
): string[] {
  const tests = areas
    .filter((area) => area.target.kind === 'zone' && zoneIds.includes(area.target.id))
    .map(areaContains);
  return infrastructure
    .filter((feature) => tests.some((contains) => contains(feature.geometry.coordinates)))
    .map((feature) => String(feature.properties.name));
}
