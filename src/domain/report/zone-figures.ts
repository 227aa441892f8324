/**
 * Per-zone figures for story mode: sites of the scenario and the hub facilities (cable landings,
 * exchange, hub data-centre clusters) inside each plan zone, counted with the report's containment test.
 */
import type { Feature, Point } from 'geojson';
import type { SiteFeature } from '../types';
import { areaContains, type ReportArea } from './area-report';

/** What story mode shows for one plan zone. */
export interface ZoneFigures {
  sites: number;
  cableLandings: number;
  internetExchanges: number;
  hubClusters: number;
}

/** Figures of every zone area (districts are skipped). */
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
    const ofType = (type: string) => inside.filter((feature) => feature.properties.type === type);
    figures[area.target.id] = {
      sites: siteCount,
      cableLandings: ofType('cable_landing_station').length,
      internetExchanges: ofType('internet_exchange').length,
      hubClusters: ofType('datacenter_cluster').filter((feature) => feature.properties.tier === 'hub_cluster')
        .length,
    };
  }
  return figures;
}
