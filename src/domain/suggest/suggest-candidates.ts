/**
 * Candidate positions for site suggestion: comprehensive poles (the plan's preferred carriers), a
 * regular grid inside drawn polygons, and the planner's own candidate sites.
 */
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PoleFeature, SiteFeature } from '../types';
import { planarFrameFor } from './spacing';
import type { SuggestCandidate } from './suggest';

/** One candidate per pole; the pole id is kept so an accepted site is mounted on it. */
export function poleCandidates(poles: readonly PoleFeature[]): SuggestCandidate[] {
  return poles.map((pole) => ({
    id: `pole-${pole.properties.id}`,
    lon: pole.geometry.coordinates[0]!,
    lat: pole.geometry.coordinates[1]!,
    source: 'pole',
    poleId: pole.properties.id,
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
      const {
        id,
        name: _name,
        status: _status,
        poleId,
        adcode: _adcode,
        synthetic: _synthetic,
        ...template
      } = site.properties;
      return {
        id,
        lon: site.geometry.coordinates[0]!,
        lat: site.geometry.coordinates[1]!,
        source: 'planner',
        template,
        ...(poleId !== undefined ? { poleId } : {}),
      };
    });
}

function bounds(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const [west, south, east, north] = turfBbox(geometry);
  return [west, south, east, north];
}
