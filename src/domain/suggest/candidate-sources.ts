/**
 * The planner's candidate choice for a suggestion, as pure functions: the grid spacing typed in the
 * form (validated, with a reason a message can name), the outline a planner drew (enough corners,
 * not crossing itself), how many grid points the drawn areas yield, and the candidate set made of
 * poles, grid points and the planner's own candidate sites as the form says.
 */
import kinks from '@turf/kinks';
import type { Feature, Polygon } from 'geojson';
import type { PoleFeature, SiteFeature } from '../types';
import { planarFrameFor } from './spacing';
import {
  gridCandidatesInPolygons,
  MAX_GRID_CANDIDATES,
  plannerCandidates,
  poleCandidates,
} from './suggest-candidates';
import type { SuggestCandidate } from './suggest-types';

/** Finest and coarsest grid a planner may ask for, metres. */
export const MIN_GRID_SPACING_M = 10;
export const MAX_GRID_SPACING_M = 5000;

export type GridSpacingCheck =
  | { ok: true; spacingM: number }
  | { ok: false; reason: 'empty' | 'notNumber' | 'tooSmall' | 'tooLarge' };

/** Reads the spacing field: a number of metres within [MIN_GRID_SPACING_M, MAX_GRID_SPACING_M]. */
export function checkGridSpacing(text: string): GridSpacingCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: 'notNumber' };
  if (value < MIN_GRID_SPACING_M) return { ok: false, reason: 'tooSmall' };
  if (value > MAX_GRID_SPACING_M) return { ok: false, reason: 'tooLarge' };
  return { ok: true, spacingM: value };
}

/** A drawn candidate area: its corners in drawing order (the ring is closed when used). */
export interface DrawnArea {
  id: string;
  corners: [number, number][];
}

export type DrawnOutlineCheck = 'ok' | 'tooFewCorners' | 'crossesItself';

/** A usable outline has three distinct corners and edges that do not cross. */
export function checkDrawnOutline(corners: readonly [number, number][]): DrawnOutlineCheck {
  const distinct = new Set(corners.map(([lon, lat]) => `${lon},${lat}`));
  if (distinct.size < 3) return 'tooFewCorners';
  return kinks(polygonOf(corners)).features.length > 0 ? 'crossesItself' : 'ok';
}

/** The drawn corners as a closed GeoJSON polygon. */
export function polygonOf(corners: readonly [number, number][]): Feature<Polygon> {
  const ring = corners.map(([lon, lat]) => [lon, lat]);
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export type GridPreview =
  | { ok: true; perArea: number[]; total: number }
  | { ok: false; reason: 'tooMany'; limit: number };

/** Bounding-box lattice points beyond which counting would itself be slow: refuse before looping. */
const MAX_LATTICE_POINTS = 4 * MAX_GRID_CANDIDATES;

/** How many grid candidates each drawn area yields at this spacing (or that there are too many). */
export function previewGridCandidates(areas: readonly DrawnArea[], spacingM: number): GridPreview {
  try {
    const points = gridCandidatesOf(areas, spacingM);
    const perArea = areas.map((area) => points.filter((point) => point.areaId === area.id).length);
    return { ok: true, perArea, total: points.length };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: 'tooMany', limit: MAX_GRID_CANDIDATES };
    throw error;
  }
}

/**
 * Grid candidates of the drawn areas, each knowing its area (ids grid-<area id>-<n>, unique).
 * Throws a RangeError beyond MAX_GRID_CANDIDATES points (before looping when the areas' bounding
 * boxes alone hold far more lattice points).
 */
export function gridCandidatesOf(
  areas: readonly DrawnArea[],
  spacingM: number,
): (SuggestCandidate & { areaId: string })[] {
  if (latticePointCount(areas, spacingM) > MAX_LATTICE_POINTS) {
    throw new RangeError(`far more than ${MAX_GRID_CANDIDATES} grid candidates: use a larger spacing`);
  }
  const candidates: (SuggestCandidate & { areaId: string })[] = [];
  for (const area of areas) {
    const points = gridCandidatesInPolygons([polygonOf(area.corners)], spacingM);
    if (candidates.length + points.length > MAX_GRID_CANDIDATES) {
      throw new RangeError(`more than ${MAX_GRID_CANDIDATES} grid candidates: use a larger spacing`);
    }
    points.forEach((point, index) => {
      candidates.push({ ...point, id: `grid-${area.id}-${index + 1}`, areaId: area.id });
    });
  }
  return candidates;
}

export interface CandidateChoice {
  usePoles: boolean;
  usePolygonGrid: boolean;
  usePlannerCandidates: boolean;
}

export interface CandidateInputs {
  poles: readonly PoleFeature[];
  areas: readonly DrawnArea[];
  gridSpacingM: number;
  /** The scenario's added sites (only those with status 'candidate' become positions). */
  plannerSites: readonly SiteFeature[];
}

/** The candidate positions the form asks for: poles, then grid points, then planner candidates. */
export function assembleCandidates(choice: CandidateChoice, inputs: CandidateInputs): SuggestCandidate[] {
  const candidates: SuggestCandidate[] = [];
  if (choice.usePoles) candidates.push(...poleCandidates(inputs.poles));
  if (choice.usePolygonGrid) {
    for (const { areaId: _areaId, ...point } of gridCandidatesOf(inputs.areas, inputs.gridSpacingM)) {
      candidates.push(point);
    }
  }
  if (choice.usePlannerCandidates) candidates.push(...plannerCandidates(inputs.plannerSites));
  return candidates;
}

function latticePointCount(areas: readonly DrawnArea[], spacingM: number): number {
  let total = 0;
  for (const { corners } of areas) {
    const lons = corners.map((corner) => corner[0]);
    const lats = corners.map((corner) => corner[1]);
    const south = Math.min(...lats);
    const north = Math.max(...lats);
    const frame = planarFrameFor([(south + north) / 2]);
    const widthM = (Math.max(...lons) - Math.min(...lons)) * frame.metresPerDegreeLon;
    const heightM = (north - south) * frame.metresPerDegreeLat;
    total += (widthM / spacingM + 1) * (heightM / spacingM + 1);
  }
  return total;
}
