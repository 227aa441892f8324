/**
 * Candidate positions for site suggestion: comprehensive poles (the plan's preferred carriers), a
 * regular grid inside drawn polygons, and the planner's own candidate sites.
 */
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PoleFeature, SiteFeature, SiteProperties } from '../types';
import { SITE_TEMPLATE_FIELDS } from '../validation/site-attributes';
import type { SiteTemplate } from './instance-from-footprints';
import { planarFrameFor } from './spacing';
import type { SuggestCandidate } from './suggest';

/**
 * One candidate per pole; the pole id is kept so an accepted site is mounted on it, and the pole's
 * height is where its antenna would hang (the template gives everything else).
 */
export function poleCandidates(poles: readonly PoleFeature[]): SuggestCandidate[] {
  return poles.map((pole) => ({
    id: `pole-${pole.properties.id}`,
    lon: pole.geometry.coordinates[0]!,
    lat: pole.geometry.coordinates[1]!,
    source: 'pole',
    poleId: pole.properties.id,
    ...(pole.properties.heightM !== undefined ? { template: { heightM: pole.properties.heightM } } : {}),
  }));
}

/** Most grid points a polygon may produce (a city-sized polygon at 20 m would be millions). */
export const MAX_GRID_CANDIDATES = 50_000;

/** Points every spacingM metres (lattice aligned to each polygon's bounding box) inside the polygons. */
export function gridCandidatesInPolygons(
  polygons: readonly Feature<Polygon | MultiPolygon>[],
  spacingM: number,
): SuggestCandidate[] {
  if (!(spacingM >= 10)) throw new RangeError(`grid spacing must be at least 10 m, got ${spacingM}`);
  const candidates: SuggestCandidate[] = [];
  polygons.forEach((polygon, polygonIndex) => {
    const [west, south, east, north] = bounds(polygon.geometry);
    const frame = planarFrameFor([(south + north) / 2]);
    const lonStep = spacingM / frame.metresPerDegreeLon;
    const latStep = spacingM / frame.metresPerDegreeLat;
    let pointIndex = 0;
    for (let lat = south + latStep / 2; lat < north; lat += latStep) {
      for (let lon = west + lonStep / 2; lon < east; lon += lonStep) {
        if (!booleanPointInPolygon([lon, lat], polygon)) continue;
        if (candidates.length >= MAX_GRID_CANDIDATES) {
          throw new RangeError(`more than ${MAX_GRID_CANDIDATES} grid candidates: use a larger spacing`);
        }
        candidates.push({ id: `grid-${polygonIndex + 1}-${++pointIndex}`, lon, lat, source: 'grid' });
      }
    }
  });
  return candidates;
}

/** The planner's candidate sites as positions, each keeping its own radio settings. */
export function plannerCandidates(sites: readonly SiteFeature[]): SuggestCandidate[] {
  return sites
    .filter((site) => site.properties.status === 'candidate')
    .map((site) => {
      const { id, poleId } = site.properties;
      return {
        id,
        lon: site.geometry.coordinates[0]!,
        lat: site.geometry.coordinates[1]!,
        source: 'planner',
        template: ownTemplate(site.properties),
        ...(poleId !== undefined ? { poleId } : {}),
      };
    });
}

/** A site's own radio attributes (those it sets), as a template for the suggestion. */
export function ownTemplate(properties: Readonly<SiteProperties>): SiteTemplate {
  const values = properties as Readonly<Record<string, unknown>>;
  const template: Record<string, unknown> = {};
  for (const field of SITE_TEMPLATE_FIELDS) {
    if (values[field] !== undefined) template[field] = values[field];
  }
  return template as SiteTemplate;
}

function bounds(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const [west, south, east, north] = turfBbox(geometry);
  return [west, south, east, north];
}
