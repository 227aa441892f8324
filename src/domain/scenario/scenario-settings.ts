/**
 * What a planner set up around a scenario, kept with it across reloads but outside the scenario itself
 * (so the scenario schema and its files stay as they are): the coverage settings (mode, threshold, cell
 * size…), the raster style, and the candidate areas drawn for suggestions. Read back defensively: a
 * stored part that no longer passes validation is dropped on its own, the rest still applies.
 */
import { type CoverageSettings, mergeSettings } from '../coverage/settings';

/** A candidate area as drawn (same shape as the suggestion feature's DrawnArea). */
export interface StoredCandidateArea {
  id: string;
  corners: [number, number][];
}

/** How the coverage raster is coloured (the coverage slice's CoverageRasterStyle). */
const RASTER_STYLES = ['class', 'covered', 'sinr', 'rate'] as const;
export type StoredRasterStyle = (typeof RASTER_STYLES)[number];

export interface ScenarioSettings {
  coverage: CoverageSettings;
  rasterStyle: StoredRasterStyle;
  candidateAreas: StoredCandidateArea[];
}

/** Candidate areas kept at most per scenario (a hostile record must not flood the map). */
const MAX_AREAS = 200;
const MAX_CORNERS = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCorner = (value: unknown): value is [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isFinite(value[0]) &&
  Number.isFinite(value[1]) &&
  Math.abs(value[0] as number) <= 180 &&
  Math.abs(value[1] as number) <= 90;

function readAreas(value: unknown): StoredCandidateArea[] {
  if (!Array.isArray(value)) return [];
  const areas: StoredCandidateArea[] = [];
  for (const item of value.slice(0, MAX_AREAS)) {
    if (!isRecord(item) || typeof item.id !== 'string' || !/^A\d+$/.test(item.id)) continue;
    if (!Array.isArray(item.corners) || item.corners.length > MAX_CORNERS) continue;
    const corners = item.corners.filter(isCorner).map(([lon, lat]) => [lon, lat] as [number, number]);
    if (corners.length >= 3 && corners.length === item.corners.length) areas.push({ id: item.id, corners });
  }
  return areas;
}

/**
 * Stored settings over the defaults: each part that is missing or broken falls back to `defaults`
 * (coverage fields not known to this build are ignored; a field out of range drops the coverage part).
 */
export function readScenarioSettings(value: unknown, defaults: ScenarioSettings): ScenarioSettings {
  if (!isRecord(value)) return defaults;
  let coverage = defaults.coverage;
  if (isRecord(value.coverage)) {
    try {
      const known = Object.fromEntries(
        Object.entries(value.coverage).filter(([key]) => key in defaults.coverage),
      ) as Partial<CoverageSettings>;
      coverage = mergeSettings(defaults.coverage, known);
    } catch {
      coverage = defaults.coverage;
    }
  }
  const rasterStyle = RASTER_STYLES.includes(value.rasterStyle as StoredRasterStyle)
    ? (value.rasterStyle as StoredRasterStyle)
    : defaults.rasterStyle;
  const candidateAreas =
    'candidateAreas' in value ? readAreas(value.candidateAreas) : defaults.candidateAreas;
  return { coverage, rasterStyle, candidateAreas };
}
